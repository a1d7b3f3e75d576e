"""The lock-in score: per-service ratings from the catalog, the 0-100 score, the breakdown, the order, the JSON."""

from __future__ import annotations

from archbuilder.model import Architecture
from archbuilder.validation.lockin import score
from tests.validation.builders import svc, with_


def _design() -> Architecture:
    return with_(
        svc("ec2_instance", "private-a", "app"),  # compute, low (1 point)
        svc("lambda_function", "region", "worker"),  # compute, high (3)
        svc("dynamodb_table", "region", "table"),  # database, high (3)
        svc("sqs_queue", "region", "jobs"),  # integration, medium (2)
    )()  # plus the base network's internet gateway: networking, low (1)


def test_score_breakdown_and_order_follow_the_catalog_ratings() -> None:
    result = score(_design())
    assert [(s.node_id, s.rating, s.category) for s in result.services] == [
        ("table", "high", "database"),
        ("worker", "high", "compute"),
        ("jobs", "medium", "integration"),
        ("app", "low", "compute"),
        ("igw", "low", "networking"),
    ]
    assert result.score == 67  # 10 points of 15
    assert result.by_category == {"compute": 67, "database": 100, "integration": 67, "networking": 33}


def test_each_service_carries_the_guides_alternatives_and_citation() -> None:
    table = score(_design()).services[0]
    assert [a.name for a in table.alternatives][:2] == ["Apache Cassandra", "Google Cloud Datastore"]
    assert table.source.seed == "000_cef87d4914f142cd.txt"
    data = score(_design()).to_json()
    assert (data["score"], data["services"][0]["node_id"], data["services"][0]["rating"]) == (
        67,
        "table",
        "high",
    )
    assert data["services"][0]["alternatives"][0]["name"] == "Apache Cassandra"


def test_an_empty_design_scores_zero() -> None:
    result = score(Architecture())
    assert (result.score, result.services, result.by_category) == (0, [], {})
