"""`archbuilder compare`: the three-tier example against a variant (RDS → Aurora, NAT per AZ → one NAT and an S3
endpoint), with the exact findings, lock-in and cost deltas."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from archbuilder.cli.main import main
from archbuilder.model.usage import Scenario
from archbuilder.resource_files import example_path
from tests.cost.test_example_costs import HOURS, nat, price, table, three_tier_web, use

VARIANT = Path(__file__).resolve().parents[1] / "fixtures" / "designs" / "three-tier-aurora-one-nat.arch.json"


def rds(s: Scenario) -> float:
    return HOURS * 2 * table("rds_instance_hour", "postgres/db.t3.micro") + 20 * 2 * table(
        "rds_storage_gb_month", "gp3"
    )


def aurora(s: Scenario) -> float:
    return (
        HOURS * 2 * table("aurora_instance_hour", "db.r6g.large")
        + use("aurora_cluster", s, "gb_stored") * price("aurora_cluster", "storage")
        + use("aurora_cluster", s, "requests_per_month") / 1e6 * price("aurora_cluster", "io")
    )


def delta(s: Scenario) -> float:
    """Aurora for RDS; NAT b gone; NAT a no longer carries the app servers' S3 traffic (the endpoint does)."""
    s3_through_each_nat = use("s3_bucket", s, "gb_transferred") / 2
    return aurora(s) - rds(s) - 2 * nat(s, s3_through_each_nat) + nat(s, 0)


def test_compare_json_gives_the_exact_deltas(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(example_path("three-tier-web")), str(VARIANT), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["services"] == {
        "added": [{"id": "s3-endpoint", "label": "S3 endpoint", "type": "vpc_endpoint_gateway"}],
        "removed": [{"id": "nat-b", "label": "NAT gateway b", "type": "nat_gateway"}],
        "changed": [
            {
                "id": "orders-db",
                "label": "Orders database",
                "before_type": "rds_instance",
                "after_type": "aurora_cluster",
                "changes": ["type rds_instance → aurora_cluster"],
            }
        ],
    }
    assert data["connections"] == {"added": [], "removed": [], "changed": []}
    assert data["findings"] == {
        "raised": [],
        "resolved": [
            {
                "rule_id": "COST-003",
                "severity": "info",
                "nodes": ["app-asg"],
                "message": "“App servers” reaches Static assets without a VPC gateway endpoint",
            },
            {  # Aurora takes its own default class, db.r6g.large, not the burstable db.t3.micro
                "rule_id": "PERF-022",
                "severity": "info",
                "nodes": ["orders-db"],
                "message": "“Orders database” runs production on burstable db.t3.micro, which slows down when its CPU credits run out",
            },
        ],
    }
    # Ten services each side: the certificate and Route 53 (an alias to the ALB) medium, the rest low; then the
    # database is Aurora, rated medium.
    assert data["lockin"] == {"before": round(100 * 12 / 30), "after": round(100 * 13 / 30), "delta": 3}
    for scenario in Scenario:
        cost = data["cost"][scenario.value]
        assert cost["delta"] == round(delta(scenario), 2)
        assert cost["before"] == round(three_tier_web(scenario), 2)
        assert cost["after"] == round(three_tier_web(scenario) + delta(scenario), 2)
    assert {s: data["cost"][s]["delta"] for s in ("low", "expected", "high")} == {
        "low": 314.73,
        "expected": 337.27,
        "high": 512.72,
    }


def test_compare_text_and_html(capsys: pytest.CaptureFixture[str]) -> None:
    before = str(example_path("three-tier-web"))
    assert main(["compare", before, str(VARIANT)]) == 0
    text = capsys.readouterr().out
    assert text.splitlines()[1:5] == [
        "  added    s3-endpoint “S3 endpoint” (vpc_endpoint_gateway)",
        "  removed  nat-b “NAT gateway b” (nat_gateway)",
        "  changed  orders-db “Orders database”: type rds_instance → aurora_cluster",
        "Findings: 0 raised, 2 resolved",
    ]
    assert "Cost at expected usage: $177.37 → $514.64 a month (+$337.27)" in text
    assert "Lock-in: 40/100 → 43/100 (+3)" in text

    assert main(["compare", before, str(VARIANT), "--format", "html"]) == 0
    html = capsys.readouterr().out
    svgs = re.findall(r"<svg .*?</svg>", html)
    assert len(svgs) == 2
    # Before: NAT b outlined as removed, the database (both its subnets) as changed; after: the endpoint as added.
    assert svgs[0].count('stroke="#cf222e" stroke-width="4"') == 1
    assert svgs[0].count('stroke="#bf8700" stroke-width="4"') == 2
    assert svgs[1].count('stroke="#1a7f37" stroke-width="4"') == 1
    assert svgs[1].count('stroke="#bf8700" stroke-width="4"') == 2
    assert "<td>expected</td><td>$177.37</td><td>$514.64</td><td>+$337.27</td>" in html


def test_connections_added_removed_and_changed_are_compared_and_drawn(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Connections match by their ends and kind (ids drawn apart may differ): a new route to the endpoint, the
    database connection on another port, the certificate no longer attached."""
    data = json.loads(VARIANT.read_text(encoding="utf-8"))
    for connection in data["connections"]:
        if connection["id"] == "app-asg-to-orders-db":
            connection["port"] = 3306
            connection["id"] = "renamed-db-link"
    data["connections"] = [c for c in data["connections"] if c["id"] != "web-cert-to-web-alb"]
    data["connections"].append(
        {"id": "to-endpoint", "source_id": "app-asg", "target_id": "s3-endpoint", "kind": "route"}
    )
    variant = tmp_path / "variant.arch.json"
    variant.write_text(json.dumps(data), encoding="utf-8")
    before = str(example_path("three-tier-web"))

    assert main(["compare", before, str(variant), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["connections"] == {
        "added": [{"source": "app-asg", "target": "s3-endpoint", "kind": "route"}],
        "removed": [{"source": "web-cert", "target": "web-alb", "kind": "attach"}],
        "changed": [
            {"source": "app-asg", "target": "orders-db", "kind": "traffic", "changes": ["port: 5432 → 3306"]}
        ],
    }
    assert main(["compare", before, str(variant)]) == 0
    assert capsys.readouterr().out.splitlines()[4:7] == [
        "  connected    app-asg → s3-endpoint (route)",
        "  disconnected web-cert → web-alb (attach)",
        "  changed  app-asg → orders-db (traffic): port: 5432 → 3306",
    ]
    assert main(["compare", before, str(variant), "--format", "html"]) == 0
    html = capsys.readouterr().out
    svg_before, svg_after = re.findall(r"<svg .*?</svg>", html)
    # Every connection is drawn, routed; the changed ones bold in their colour.
    assert svg_before.count("<polyline ") == 5 + 1  # and the users' arrow to the DNS zone
    assert svg_after.count("<polyline ") == 5 + 1
    assert sorted(re.findall(r'stroke="(#[0-9a-f]{6})" stroke-width="3"', svg_before)) == [
        "#bf8700",
        "#cf222e",
    ]
    assert sorted(re.findall(r'stroke="(#[0-9a-f]{6})" stroke-width="3"', svg_after)) == [
        "#1a7f37",
        "#bf8700",
    ]
    assert '<li class="removed">disconnected <b>web-cert → web-alb (attach)</b></li>' in html


def test_design_text_is_escaped_in_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(VARIANT.read_text(encoding="utf-8"))
    data["metadata"]["name"] = "<script>alert(1)</script>"
    next(node for node in data["nodes"] if node["id"] == "s3-endpoint")["label"] = "<b>&</b>"
    hostile = tmp_path / "hostile.arch.json"
    hostile.write_text(json.dumps(data), encoding="utf-8")
    assert main(["compare", str(example_path("three-tier-web")), str(hostile), "--format", "html"]) == 0
    html = capsys.readouterr().out
    assert "<script>" not in html and "<b>&</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;b&gt;&amp;&lt;/b&gt;" in html


def test_a_missing_design_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(example_path("three-tier-web")), "nowhere.arch.json"]) == 2
    assert capsys.readouterr().err == "archbuilder: error: nowhere.arch.json: no such file\n"
