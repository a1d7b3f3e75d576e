"""REL-057 (Uneven targets behind a zonal load balancer): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.rel_nlb_uneven_targets import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _balancer(third_in: str) -> Build:
    return with_(
        svc("nlb", "private-a", "tcp-lb", ["private-b"], internet_facing=False, cross_zone=False),
        svc("ec2_instance", "private-a", "node-1"),
        svc("ec2_instance", "private-b", "node-2"),
        svc("ec2_instance", third_in, "node-3"),
        svc("ec2_instance", "private-b", "node-4"),
        svc("autoscaling_group", "private-a", "pool", ["private-b"]),
        connect("tcp-lb", "node-1", ConnectionKind.TRAFFIC),
        connect("tcp-lb", "node-2", ConnectionKind.TRAFFIC),
        connect("tcp-lb", "node-3", ConnectionKind.TRAFFIC),
        connect("tcp-lb", "node-4", ConnectionKind.TRAFFIC),
        connect("tcp-lb", "pool", ConnectionKind.TRAFFIC),
    )


CASE = Case(
    ok=_balancer("private-a"),
    bad=_balancer("private-b"),
    expected=[
        (
            ("tcp-lb",),
            "“Tcp-lb” has cross-zone balancing off and uneven targets per AZ (us-east-1a: 1, us-east-1b: 3); each AZ "
            "gets the same share of connections, so the targets of the AZ with fewer of them take more load",
        )
    ],
)


def test_rel_nlb_uneven_targets() -> None:
    check_case(RULE, CASE)
