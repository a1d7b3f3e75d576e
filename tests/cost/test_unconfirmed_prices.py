"""Estimates that rest on unconfirmed prices say so: CLI text, JSON and CSV, the review's cost section, the panel."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from archbuilder.cli.main import main
from archbuilder.cost.estimate import estimate
from archbuilder.exporters.report.cost_section import cost_section
from archbuilder.model import load
from archbuilder.resource_files import example_path
from tests.cost.test_price_checks import CORRECTED, TOTAL, UNCONFIRMED

CAVEAT = (
    "Includes 3 unconfirmed price figure(s), not yet checked against a dated public copy of AWS's prices: "
    "$4.75 of the total rests on them."
)


def test_an_estimate_on_unconfirmed_figures_says_so_in_text_json_and_csv(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = str(example_path("serverless-api"))
    result = estimate(load(example_path("serverless-api")))
    flagged = [(line.node_id, line.dimension, line.figure) for line in result.unconfirmed_lines]
    assert flagged == [
        ("orders-table", "writes", "services/dynamodb_table/writes"),
        ("orders-table", "reads", "services/dynamodb_table/reads"),
        ("orders-table", "storage", "services/dynamodb_table/storage"),
    ]

    assert main(["cost", path]) == 0
    text = capsys.readouterr().out.splitlines()
    assert text[1] == CAVEAT
    assert [line for line in text if line.startswith("Unconfirmed price:")] == [
        "Unconfirmed price: services/dynamodb_table/reads in us-east-1, $0.125/1M RRU (1 line(s), $1.00)",
        "Unconfirmed price: services/dynamodb_table/storage in us-east-1, $0.25/GB-month (1 line(s), $2.50)",
        "Unconfirmed price: services/dynamodb_table/writes in us-east-1, $0.625/1M WRU (1 line(s), $1.25)",
    ]

    assert main(["cost", path, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["prices_confirmed"] is False
    assert data["unconfirmed_prices"] == [
        {"figure": "services/dynamodb_table/reads", "region": "us-east-1", "unit_price": 0.125, "unit": "1M RRU",
         "lines": 1, "monthly": 1.0},
        {"figure": "services/dynamodb_table/storage", "region": "us-east-1", "unit_price": 0.25,
         "unit": "GB-month", "lines": 1, "monthly": 2.5},
        {"figure": "services/dynamodb_table/writes", "region": "us-east-1", "unit_price": 0.625,
         "unit": "1M WRU", "lines": 1, "monthly": 1.25},
    ]  # fmt: skip
    table = next(node for node in data["nodes"] if node["id"] == "orders-table")
    assert {line["price_confirmed"] for line in table["lines"]} == {False}
    functions = [node for node in data["nodes"] if node["type"] == "lambda_function"]
    assert functions and {line["price_confirmed"] for node in functions for line in node["lines"]} == {True}

    assert main(["cost", path, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    unconfirmed = {row["dimension"] for row in rows if row["price_confirmed"] == "no"}
    assert unconfirmed == {"writes", "reads", "storage"}
    assert {row["price_confirmed"] for row in rows if row["node_id"] != "orders-table"} == {"yes"}


def test_an_estimate_on_confirmed_figures_carries_no_caveat(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cost", str(example_path("three-tier-web")), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["prices_confirmed"] is True and data["unconfirmed_prices"] == []
    assert main(["cost", str(example_path("three-tier-web"))]) == 0
    assert not re.search("nconfirmed", capsys.readouterr().out)
    notes = cost_section(load(example_path("three-tier-web"))).notes
    assert not [note for note in notes if "nconfirmed" in note]


def test_the_review_and_the_cost_panel_say_the_estimate_includes_unconfirmed_prices() -> None:
    from archbuilder.ui.cost_panel import CostPanel

    architecture = load(example_path("serverless-api"))
    assert cost_section(architecture).notes[0] == f"{CAVEAT} archbuilder cost lists them."
    notes = CostPanel._notes(estimate(architecture))
    assert notes == f"The free tier would cover $22.92 of this (not subtracted). {CAVEAT}"


def test_the_readme_states_the_counts_and_the_date() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    confirmed = TOTAL - UNCONFIRMED
    sentence = (
        f"Of the table's {TOTAL:,} figures, {confirmed} are confirmed by a dated public copy ({CORRECTED} of them "
        f"after correcting the table to it) and {UNCONFIRMED} are unconfirmed (checked 2026-12-06)"
    )
    assert sentence in " ".join(readme.split())
