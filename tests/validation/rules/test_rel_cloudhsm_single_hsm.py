"""REL-067 (CloudHSM cluster with a single HSM): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_cloudhsm_single_hsm import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("cloudhsm_cluster", "private-a", "hsm", ["private-b"], hsm_count=2)),
    bad=with_(svc("cloudhsm_cluster", "private-a", "hsm", ["private-b"], hsm_count=1)),
    expected=[(("hsm",), "“Hsm” holds the keys on one HSM: its failure stops every key operation")],
)


def test_rel_cloudhsm_single_hsm() -> None:
    check_case(RULE, CASE)
