"""LIM-060 (Role the service cannot assume): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_role_not_assumable import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _role(trusted: str) -> Build:
    return with_(
        svc("iam_role", None, "worker-role", assumed_by=trusted),
        svc("lambda_function", "region", "worker"),
        svc("iam_role", None, "web-role", assumed_by="ec2.amazonaws.com"),
        svc("ec2_instance", "private-a", "web"),
        connect("worker", "worker-role", ConnectionKind.ATTACH),
        connect("web", "web-role", ConnectionKind.ATTACH),
    )


CASE = Case(
    ok=_role("lambda.amazonaws.com"),
    bad=_role("ec2.amazonaws.com"),
    expected=[
        (
            ("worker-role", "worker"),
            "“Worker-role” trusts ec2.amazonaws.com but is given to “Worker”, which assumes it as lambda.amazonaws.com",
        )
    ],
)


def test_lim_role_not_assumable() -> None:
    check_case(RULE, CASE)
