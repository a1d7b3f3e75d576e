"""OPS-032 (EMR cluster without a log location): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.ops_emr_without_logs import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("emr_cluster", "private-a", "spark", log_uri="s3://example-logs/emr/")),
    bad=with_(svc("emr_cluster", "private-a", "spark", log_uri="")),
    expected=[(("spark",), "“Spark” keeps its logs only on its own disks, lost when it terminates")],
)


def test_ops_emr_without_logs() -> None:
    check_case(RULE, CASE)
