"""REL-068 (CloudHSM cluster in one AZ): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_cloudhsm_one_az import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("cloudhsm_cluster", "private-a", "hsm", ["private-b"], hsm_count=2)),
    bad=with_(svc("cloudhsm_cluster", "private-a", "hsm", hsm_count=2)),
    expected=[(("hsm",), "“Hsm” keeps all its HSMs in us-east-1a")],
)


def test_rel_cloudhsm_one_az() -> None:
    check_case(RULE, CASE)
