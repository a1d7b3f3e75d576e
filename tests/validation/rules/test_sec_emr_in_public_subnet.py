"""SEC-046 (EMR cluster in a public subnet): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_emr_in_public_subnet import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("emr_cluster", "private-a", "spark")),
    bad=with_(svc("emr_cluster", "public-a", "spark")),
    expected=[(("spark",), "“Spark” runs in a public subnet")],
)


def test_sec_emr_in_public_subnet() -> None:
    check_case(RULE, CASE)
