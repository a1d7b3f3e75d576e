"""REL-049 (Glacier on a request path): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.rel_glacier_on_request_path import RULE
from tests.validation.builders import Case, check_case, connect, svc, with_

_FUNCTIONS = (
    svc("api_gateway_rest", "region", "api"),
    svc("lambda_function", "region", "download"),
    svc("lambda_function", "region", "archiver"),
    svc("glacier_vault", "region", "archive"),
    connect("api", "download", ConnectionKind.INVOKE),
    connect("archiver", "archive", ConnectionKind.READ_WRITE),
)

CASE = Case(
    ok=with_(*_FUNCTIONS),
    bad=with_(*_FUNCTIONS, connect("download", "archive", ConnectionKind.READ)),
    expected=[
        (
            ("download", "archive"),
            "“Download” answers requests from the internet and reads “Archive”, whose retrievals take hours",
        )
    ],
)


def test_rel_glacier_on_request_path() -> None:
    check_case(RULE, CASE)
