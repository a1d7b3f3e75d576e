"""LIM-027 (Scaling sizes out of order): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_scaling_bounds import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _groups(asg_desired: int, nodes_min: int, beanstalk_max: int) -> Build:
    return with_(
        svc(
            "autoscaling_group",
            "private-a",
            "app",
            ["private-b"],
            min_size=2,
            max_size=4,
            desired_capacity=asg_desired,
        ),
        svc(
            "eks_node_group",
            "private-a",
            "nodes",
            ["private-b"],
            min_size=nodes_min,
            max_size=3,
            desired_capacity=2,
        ),
        svc("elastic_beanstalk", "private-a", "portal", ["private-b"], min_size=2, max_size=beanstalk_max),
    )


CASE = Case(
    ok=_groups(asg_desired=2, nodes_min=1, beanstalk_max=4),
    bad=_groups(asg_desired=6, nodes_min=3, beanstalk_max=1),
    expected=[
        (("app",), "“App” wants 6 instances, above its maximum of 4"),
        (("nodes",), "“Nodes” wants 2 instances, below its minimum of 3"),
        (("portal",), "“Portal” has a minimum size of 2 above its maximum of 1"),
    ],
)


def test_lim_scaling_bounds() -> None:
    check_case(RULE, CASE)
