"""REL-033 (Single-instance Elastic Beanstalk environment): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_beanstalk_single_instance import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("elastic_beanstalk", "region", "shop", min_size=2, max_size=4)),
    bad=with_(svc("elastic_beanstalk", "region", "shop", min_size=1, max_size=4)),
    expected=[(("shop",), "“Shop” may run on a single instance (minimum size 1)")],
)


def test_rel_beanstalk_single_instance() -> None:
    check_case(RULE, CASE)
