"""REL-027 (All-at-once deployments in production): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_beanstalk_all_at_once import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("elastic_beanstalk", "region", "shop", deployment_policy="Immutable")),
    bad=with_(svc("elastic_beanstalk", "region", "shop", deployment_policy="AllAtOnce")),
    expected=[(("shop",), "“Shop” replaces all instances at once on every deployment")],
)


def test_rel_beanstalk_all_at_once() -> None:
    check_case(RULE, CASE)
