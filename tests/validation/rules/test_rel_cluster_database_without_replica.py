"""REL-075 (Document or graph cluster without a replica): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_cluster_database_without_replica import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _clusters(instances: int) -> Build:
    return with_(
        svc(
            "documentdb_cluster",
            "private-a",
            "profiles",
            ["private-b"],
            multi_az=True,
            instance_count=instances,
        ),
        svc("neptune_cluster", "private-a", "graph", ["private-b"], multi_az=True, instance_count=2),
    )


CASE = Case(
    ok=_clusters(2),
    bad=_clusters(1),
    expected=[
        (
            ("profiles",),
            "“Profiles” is marked Multi-AZ but runs one instance, with no replica to fail over to",
        )
    ],
)


def test_rel_cluster_database_without_replica() -> None:
    check_case(RULE, CASE)
