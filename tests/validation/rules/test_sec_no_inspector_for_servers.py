"""SEC-041 (Production servers without vulnerability scanning): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_no_inspector_for_servers import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _servers(scanned: bool) -> Build:
    return with_(
        svc("ec2_instance", "private-a", "app"),
        svc("autoscaling_group", "private-a", "web", ["private-b"]),
        *([svc("inspector", "region", "scanner")] if scanned else []),
    )


CASE = Case(
    ok=_servers(scanned=True),
    bad=_servers(scanned=False),
    expected=[
        (
            ("app", "web"),
            "No Amazon Inspector scans the production servers for software vulnerabilities and unintended network "
            "exposure",
        )
    ],
)


def test_sec_no_inspector_for_servers() -> None:
    check_case(RULE, CASE)
