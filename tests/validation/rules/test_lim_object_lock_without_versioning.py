"""LIM-032 (Object Lock without versioning): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_object_lock_without_versioning import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(
        svc("s3_bucket", "region", "records", object_lock=True, versioning=True),
        svc("s3_bucket", "region", "scratch", object_lock=False, versioning=False),
    ),
    bad=with_(
        svc("s3_bucket", "region", "records", object_lock=True, versioning=False),
        svc("s3_bucket", "region", "scratch", object_lock=False, versioning=False),
    ),
    expected=[
        (("records",), "“Records” has Object Lock on but versioning off; Object Lock locks object versions")
    ],
)


def test_lim_object_lock_without_versioning() -> None:
    check_case(RULE, CASE)
