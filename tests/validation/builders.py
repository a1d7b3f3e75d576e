"""Terse fixtures for rule tests, and the one way a rule's case is judged.

Every rule module `archbuilder/validation/rules/<name>.py` has a test file `tests/validation/rules/test_<name>.py`
that defines `CASE = Case(ok=..., bad=..., expected=[...])` and calls `check_case(RULE, CASE)`. The meta-test in
tests/validation/test_rules.py imports every such CASE and judges it again, so a test file that forgets to call
`check_case`, or a case that expects nothing, fails the suite.

Most cases start from `net()`: us-east-1 > VPC "Main" (10.0.0.0/16) > AZ a, AZ b > a public and a private subnet
in each (`public-a`, `private-a`, `public-b`, `private-b`) and an internet gateway `igw`; they then change only
what the rule is about, so the bad fixture differs from the good one by the one thing the rule checks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from archbuilder.catalog import ConnectionKind
from archbuilder.model import Architecture, Environment
from archbuilder.validation import validate
from archbuilder.validation.rule import Rule
from tests.model.builders import two_az_network

Build = Callable[[], Architecture]
Step = Callable[[Architecture], None]
Expected = list[tuple[tuple[str, ...], str]]


@dataclass(frozen=True)
class Case:
    ok: Build  # an architecture the rule must not report at all
    bad: Build  # an architecture the rule must report exactly as `expected` says
    expected: Expected  # (node ids, message) of each finding of the rule on `bad`, in engine order


def check_case(rule: Rule, case: Case) -> None:
    """The ok fixture raises nothing; the bad one raises exactly the expected findings, with the rule's metadata."""
    assert case.expected, f"{rule.id}: a case must expect at least one finding on its bad fixture"
    assert validate(case.ok(), [rule]).findings == [], f"{rule.id}: the ok fixture raised findings"
    findings = validate(case.bad(), [rule]).findings
    assert [(f.node_ids, f.message) for f in findings] == case.expected
    for finding in findings:
        assert (finding.rule_id, finding.severity, finding.pillar, finding.source, finding.remediation) == (
            rule.id,
            rule.severity,
            rule.pillar,
            rule.source,
            rule.remediation,
        )
        assert not finding.suppressed


def net(*, igw: bool = True) -> Architecture:
    """The two-AZ network described in the module docstring."""
    arch = two_az_network()
    if igw:
        arch.add_service("internet_gateway", "vpc", node_id="igw")
    return arch


def with_(*steps: Step, igw: bool = True) -> Build:
    """A fixture: `net()` plus the steps, applied in order."""

    def make() -> Architecture:
        arch = net(igw=igw)
        for step in steps:
            step(arch)
        return arch

    return make


def both(*steps: Step) -> Step:
    """Several steps as one."""

    def build(arch: Architecture) -> None:
        for step in steps:
            step(arch)

    return build


def svc(
    type_id: str, parent: str | None, node_id: str, extra: list[str] | None = None, **props: object
) -> Step:
    """A service of `type_id` in `parent` (plus `extra` subnets), labelled `node_id.capitalize()`."""

    def build(arch: Architecture) -> None:
        arch.add_service(
            type_id,
            parent,
            label=node_id.capitalize(),
            node_id=node_id,
            extra_subnet_ids=extra or [],
            properties=props,
        )

    return build


def web(ingress: list[dict[str, object]], public_ip: bool = True) -> Step:
    """EC2 instance `web` ("Web") in public-a with the given ingress rules."""

    def build(arch: Architecture) -> None:
        arch.add_service(
            "ec2_instance",
            "public-a",
            label="Web",
            node_id="web",
            properties={"associate_public_ip": public_ip, "ingress": ingress},
        )

    return build


def world(port: int) -> dict[str, object]:
    """An ingress rule opening TCP `port` to 0.0.0.0/0."""
    return {"protocol": "tcp", "from_port": port, "to_port": port, "cidr": "0.0.0.0/0"}


def db(parent: str, extra: list[str] | None = None, **props: object) -> Step:
    """RDS instance `db` ("DB") in `parent` plus `extra` subnets."""

    def build(arch: Architecture) -> None:
        arch.add_service(
            "rds_instance", parent, label="DB", node_id="db", extra_subnet_ids=extra or [], properties=props
        )

    return build


def connect(source: str, target: str, kind: ConnectionKind, port: int | None = None) -> Step:
    def build(arch: Architecture) -> None:
        arch.connect(source, target, kind, port=port)

    return build


def environment(env: Environment) -> Step:
    def build(arch: Architecture) -> None:
        arch.set_metadata("environment", env)

    return build
