"""Usage assumptions in the document: optional, backward compatible, validated, round-tripped exactly."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from archbuilder.model import DocumentError, dumps, load, loads
from archbuilder.model.usage import DesignUsage, Scenario, ScenarioUsage, Usage
from archbuilder.resource_files import example_names, example_path, resource_root

SCHEMA_FILE = Path(str(resource_root())) / "schema" / "arch-document-v1.schema.json"


@pytest.mark.parametrize("name", example_names())
def test_a_document_without_usage_saves_with_the_same_bytes(name: str) -> None:
    raw = example_path(name).read_bytes()
    architecture = loads(raw)
    assert all(node.usage is None for node in architecture.services())
    assert architecture.design_usage == DesignUsage()
    assert dumps(architecture).encode("utf-8") == raw


def test_usage_is_written_only_where_set_and_read_back_exactly(tmp_path: Path) -> None:
    architecture = load(example_path("three-tier-web"))
    architecture.set_usage(
        "orders-db",
        ScenarioUsage().with_usage(Scenario.EXPECTED, Usage(gb_stored=50, gb_transferred=12.5)),
    )
    architecture.set_design_usage(
        DesignUsage(presets={"nat_gateway": ScenarioUsage(high=Usage(gb_transferred=4000))})
    )
    text = dumps(architecture)
    data = json.loads(text)
    database = next(node for node in data["nodes"] if node["id"] == "orders-db")
    assert database["usage"] == {"expected": {"gb_stored": 50.0, "gb_transferred": 12.5}}
    assert data["usage"] == {"presets": {"nat_gateway": {"high": {"gb_transferred": 4000.0}}}}
    assert sum(1 for node in data["nodes"] if "usage" in node) == 1
    jsonschema.validate(data, json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))

    path = tmp_path / "shop.arch.json"
    path.write_text(text, encoding="utf-8")
    again = load(path)
    assert again.service("orders-db").usage == ScenarioUsage(
        expected=Usage(gb_stored=50, gb_transferred=12.5)
    )
    assert again.design_usage.presets["nat_gateway"].high == Usage(gb_transferred=4000)
    assert dumps(again) == text


def test_clearing_usage_returns_the_file_to_its_original_bytes() -> None:
    raw = example_path("serverless-api").read_text(encoding="utf-8")
    architecture = loads(raw)
    architecture.set_usage("orders-fn", ScenarioUsage(low=Usage(requests_per_month=10)))
    assert dumps(architecture) != raw
    architecture.set_usage("orders-fn", ScenarioUsage().with_usage(Scenario.LOW, Usage()))
    assert architecture.service("orders-fn").usage is None
    assert dumps(architecture) == raw


@pytest.mark.parametrize(
    ("usage", "message"),
    [
        (
            {"expected": {"gb_stored": -1}},
            "usage › expected › gb_stored: Input should be greater than or equal to 0",
        ),
        (
            {"low": {"hours_per_month": 800}},
            "usage › low › hours_per_month: Input should be less than or equal to 744",
        ),
        ({"high": {"visits": 3}}, "usage › high › visits: Extra inputs are not permitted"),
    ],
)
def test_bad_usage_is_refused_with_the_node_and_field(usage: dict, message: str) -> None:
    data = json.loads(example_path("startup-mvp").read_text(encoding="utf-8"))
    web = next(node for node in data["nodes"] if node["id"] == "web")
    web["usage"] = usage
    with pytest.raises(DocumentError) as error:
        loads(json.dumps(data), "shop.arch.json")
    assert str(error.value) == f"shop.arch.json: nodes[7] (id 'web') › {message}"
