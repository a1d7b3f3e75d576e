"""SEC-049 (OpenSearch domain on a public endpoint): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_opensearch_outside_vpc import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("opensearch_domain", "private-a", "search", ["private-b"])),
    bad=with_(svc("opensearch_domain", "region", "search")),
    expected=[(("search",), "“Search” has a public endpoint: it is not placed in a VPC")],
)


def test_sec_opensearch_outside_vpc() -> None:
    check_case(RULE, CASE)
