"""`archbuilder validate` text output and input errors; `archbuilder rules` text listing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archbuilder.cli.main import main
from archbuilder.model import Suppression, save
from archbuilder.validation.registry import all_rules
from tests.validation.builders import svc, web, with_, world


def _document(tmp_path: Path, suppress: bool = False) -> Path:
    arch = with_(
        web([world(22)]), svc("cloudtrail", "region", "trail"), svc("cloudwatch_alarm", "region", "alarm")
    )()
    arch.set_property("web", "termination_protection", True)
    arch.set_property("web", "detailed_monitoring", True)
    if suppress:
        arch.add_suppression(Suppression(rule_id="SEC-001", node_ids=("web",), reason="lab machine"))
    path = tmp_path / "lab.arch.json"
    save(arch, path)
    return path


def test_text_output_names_rule_nodes_fix_and_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _document(tmp_path)
    assert main(["validate", str(path), "--min-severity", "error"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[2:6] == [
        "ERROR   SEC-001 “Web” allows SSH from 0.0.0.0/0 [web]",
        "        fix: Allow 22/3389 only from a bastion host's security group or an admin CIDR, or use Session "
        "Manager with no open port.",
        "        source: The Open Guide to AWS › VPC and Network Security Tips",
        "                https://github.com/open-guides/og-aws/blob/8ec2310ea096b1606ac000df35f037fc581a49cf/"
        "README.md#vpc-and-network-security-tips",
    ]


def test_a_suppressed_error_no_longer_fails_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _document(tmp_path, suppress=True)
    assert main(["validate", str(path), "--min-severity", "error"]) == 0
    assert (
        "ERROR   SEC-001 “Web” allows SSH from 0.0.0.0/0 [web] (suppressed: lab machine)"
        in capsys.readouterr().out
    )


def test_input_errors_exit_2_with_the_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "missing.arch.json")]) == 2
    assert "missing.arch.json: no such file" in capsys.readouterr().err
    broken = tmp_path / "broken.arch.json"
    broken.write_text('{"schema_version": 1, "nodes": [', encoding="utf-8")
    assert main(["validate", str(broken)]) == 2
    assert "broken.arch.json" in capsys.readouterr().err


def test_rules_text_lists_every_rule_with_its_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    for rule in all_rules():
        assert (
            f"{rule.id:9} {rule.severity.value:8} {rule.pillar.value:24} {rule.effort.value:6} {rule.title}"
            in out
        )
    assert out.rstrip().endswith(f"{len(all_rules())} rules")


def test_rules_text_shows_each_rules_practice_checked_date_and_services(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert (
        "REL-001   error    reliability              medium DB subnet group in a single AZ\n"
        "          The Open Guide to AWS › VPC and Network Security Gotchas and Limitations\n"
        "          REL10-BP01 Deploy the workload to multiple locations; checked 2026-12-06; applies to rds_instance, "
        "aurora_cluster, documentdb_cluster, neptune_cluster [database, multi-az]\n"
        "          note: Applies to RDS, Aurora, DocumentDB and Neptune only: ElastiCache, Redshift and DAX subnet groups "
        "accept subnets in a single AZ.\n"
    ) in out


def test_rules_json_carries_the_metadata_of_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in listed] == [r.id for r in all_rules()]
    assert [r["effort"] for r in listed] == [r.effort.value for r in all_rules()]
    first = next(r for r in listed if r["id"] == "LIM-028")
    keys = ("effort", "applies_to", "tags", "wa_best_practice", "checked")
    assert {key: first[key] for key in keys} == {
        "effort": "low",
        "applies_to": ["ebs_volume"],
        "tags": ["limits", "storage"],
        "wa_best_practice": {
            "id": "REL01-BP03",
            "title": "Accommodate fixed service quotas and constraints through architecture",
        },
        "checked": "2026-12-06",
    }
    assert first["note"].startswith("The guide gives io2 500 IOPS per GiB")
