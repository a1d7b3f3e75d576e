"""REL-063 (Health check on a private endpoint): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.rel_health_check_on_private_target import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _check(public: bool) -> Build:
    parent, extra = ("public-a", ["public-b"]) if public else ("private-a", ["private-b"])
    return with_(
        svc("alb", parent, "web", extra, internet_facing=public),
        svc("route53_health_check", None, "probe"),
        connect("probe", "web", ConnectionKind.ATTACH),
    )


CASE = Case(
    ok=_check(public=True),
    bad=_check(public=False),
    expected=[
        (
            ("probe", "web"),
            "“Probe” probes “Web”, which the internet cannot reach: Route 53 health checkers would always see it down",
        )
    ],
)


def test_rel_health_check_on_private_target() -> None:
    check_case(RULE, CASE)
