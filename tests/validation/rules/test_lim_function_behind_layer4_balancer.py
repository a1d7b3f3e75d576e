"""LIM-074 (Lambda behind a Network or Classic Load Balancer): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_function_behind_layer4_balancer import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _front(kind: str) -> Build:
    return with_(
        svc(kind, "public-a", "lb", ["public-b"]),
        svc("lambda_function", "region", "api"),
        connect("lb", "api", ConnectionKind.INVOKE),
    )


CASE = Case(
    ok=_front("alb"),
    bad=_front("nlb"),
    expected=[
        (
            ("lb", "api"),
            "“Lb” sends to “Api”, but only an Application Load Balancer can target a Lambda function",
        )
    ],
)


def test_lim_function_behind_layer4_balancer() -> None:
    check_case(RULE, CASE)
