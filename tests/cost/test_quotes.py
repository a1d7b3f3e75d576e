"""Cost findings quote what their services cost, through the hook beside validation."""

from __future__ import annotations

import pytest

from archbuilder.catalog import Citation
from archbuilder.cli.main import main
from archbuilder.cost.estimate import estimate
from archbuilder.cost.quotes import quote_findings
from archbuilder.model import load
from archbuilder.model.usage import Scenario
from archbuilder.resource_files import example_path
from archbuilder.validation.finding import Finding, Pillar, Severity

SOURCE = Citation(
    seed="003_8d17c2da26524c9f.txt", section="- Minimize Costs - use NAT Gateways only when needed"
)


def _finding(pillar: Pillar, *node_ids: str) -> Finding:
    return Finding("COST-X", Severity.WARNING, pillar, "NAT gateway per AZ", node_ids, "Share one.", SOURCE)


def test_a_cost_finding_quotes_each_named_service_and_others_are_left_alone() -> None:
    architecture = load(example_path("three-tier-web"))
    labels = {node.id: node.label for node in architecture.services()}
    result = estimate(architecture, Scenario.EXPECTED)
    cost = _finding(Pillar.COST_OPTIMIZATION, "nat-a", "nat-b")
    reliability = _finding(Pillar.RELIABILITY, "nat-a")
    free = _finding(Pillar.COST_OPTIMIZATION, "igw")
    quoted = quote_findings([cost, reliability, free], result, labels)
    assert [finding.message for finding in quoted] == [
        "NAT gateway per AZ (“NAT gateway a” $41.23/month, “NAT gateway b” $41.23/month at expected usage)",
        "NAT gateway per AZ",
        "NAT gateway per AZ",
    ]
    assert quoted[0].node_ids == ("nat-a", "nat-b") and quoted[0].rule_id == "COST-X"


def test_validate_quotes_money_only_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(example_path("startup-mvp"))
    main(["validate", path, "--fail-on", "never"])
    plain = capsys.readouterr().out
    main(["validate", path, "--fail-on", "never", "--cost", "low"])
    quoted = capsys.readouterr().out
    line = "INFO    COST-003 “Web server” reaches Uploads without a VPC gateway endpoint"
    assert f"\n{line} [web]\n" in plain
    assert f"\n{line} (“Web server” $12.84/month at low usage) [web]\n" in quoted
    assert quoted.replace(" (“Web server” $12.84/month at low usage)", "") == plain
