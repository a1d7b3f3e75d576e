"""LIM-090 (A value past a limit AWS sets): the ok and the bad fixture, with the exact findings.

An imported template's values are kept as written (the model accepts them when a design is built or loaded; an
edit in the app is refused): past a limit the catalog cites as AWS's, the stack would fail there.
"""

from __future__ import annotations

from archbuilder.validation.rules.lim_value_beyond_aws_limit import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(
        svc("lambda_function", "region", "fn", timeout_seconds=900),
        # Not one of the catalog's choices, but no limit: LIM-091's, not this rule's.
        svc("lambda_function", "region", "old", runtime="python3.9"),
    ),
    bad=with_(
        svc("lambda_function", "region", "fn", timeout_seconds=1200),
        svc("rds_instance", "private-a", "db", ["private-b"], allocated_storage_gb=5),
        svc("lambda_function", "region", "old", runtime="python3.9"),
    ),
    expected=[
        (("db",), "“Db” › Allocated storage is 5 as written; AWS accepts at least 20 GiB"),
        (("fn",), "“Fn” › Timeout is 1200 as written; AWS accepts at most 900 s"),
    ],
)


def test_lim_value_beyond_aws_limit() -> None:
    check_case(RULE, CASE)
