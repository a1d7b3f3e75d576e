"""SEC-040 (No configuration recording in production): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_no_config_in_production import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("config_recorder", "region", "recorder")),
    bad=with_(svc("s3_bucket", "region", "data")),
    expected=[
        (
            (),
            "The production design has no AWS Config recorder: configuration changes are not recorded and no rule "
            "checks them",
        )
    ],
)


def test_sec_no_config_in_production() -> None:
    check_case(RULE, CASE)
