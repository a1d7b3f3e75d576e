"""SEC-045 (Kafka clients not authenticated): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_msk_unauthenticated import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(
        svc("msk_cluster", "private-a", "events", ["private-b"], num_nodes=2, client_authentication="iam")
    ),
    bad=with_(
        svc(
            "msk_cluster",
            "private-a",
            "events",
            ["private-b"],
            num_nodes=2,
            client_authentication="unauthenticated",
        )
    ),
    expected=[(("events",), "“Events” accepts Kafka clients without authentication")],
)


def test_sec_msk_unauthenticated() -> None:
    check_case(RULE, CASE)
