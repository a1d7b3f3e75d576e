"""REL-024 (Classic Load Balancer without cross-zone balancing): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation import validate
from archbuilder.validation.rules.rel_clb_without_cross_zone import RULE
from tests.validation.builders import Build, Case, Step, both, check_case, connect, svc, with_


def _clb_with(*backends: Step, cross_zone: bool = False) -> Build:
    return with_(svc("clb", "public-a", "clb", ["public-b"], cross_zone=cross_zone), *backends)


def _instance(node_id: str, subnet: str) -> Step:
    return both(svc("ec2_instance", subnet, node_id), connect("clb", node_id, ConnectionKind.TRAFFIC, 80))


CASE = Case(
    ok=_clb_with(
        _instance("a1", "private-a"),
        _instance("a2", "private-a"),
        _instance("b1", "private-b"),
        cross_zone=True,
    ),
    bad=_clb_with(_instance("a1", "private-a"), _instance("a2", "private-a"), _instance("b1", "private-b")),
    expected=[
        (
            ("clb",),
            "“Clb” does not balance across zones and has fewer than two backends in us-east-1b: 1; "
            "losing them returns 503s there",
        )
    ],
)


def test_rel_clb_without_cross_zone() -> None:
    check_case(RULE, CASE)


def test_a_scaling_group_in_every_zone_is_enough() -> None:
    arch = _clb_with(
        svc("autoscaling_group", "private-a", "web", ["private-b"]),
        connect("clb", "web", ConnectionKind.TRAFFIC, 80),
    )()
    assert validate(arch, [RULE]).findings == []
