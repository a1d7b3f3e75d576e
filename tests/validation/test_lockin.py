"""The lock-in score: per-service ratings from the catalog, the 0-100 score, the breakdown, the order, the JSON."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind, default_catalog
from archbuilder.model import Architecture
from archbuilder.validation.lockin import score
from tests.validation.builders import connect, svc, with_

# Products the guide names as alternatives that no longer exist under that name (checked 2026-12-06).
DISCONTINUED = {
    "Dyn",
    "Symantec",
    "Comodo",
    "Azure Container Service",
    "IBM OpenWhisk",
    "Auth0 Webtask",
    "Azure SQL Data Warehouse",
    "Google Cloud Datastore",
    "PubNub Blocks",
}


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
    assert [a.name for a in table.alternatives][:2] == [
        "Apache Cassandra",
        "Google Cloud Firestore (Datastore mode)",
    ]
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


def test_no_alternative_names_a_discontinued_product() -> None:
    named = {a.name for t in default_catalog() for a in t.lockin.alternatives}
    assert named & DISCONTINUED == set()


def test_route_53_rises_to_medium_with_alias_records_or_latency_routing() -> None:
    arch = with_(
        svc("route53_zone", None, "plain"),
        svc("route53_zone", None, "latency", routing_policy="latency"),
        svc("route53_zone", None, "aliases"),
        svc("alb", "public-a", "web", ["public-b"]),
        connect("aliases", "web", ConnectionKind.DNS),
    )()
    ratings = {s.node_id: (s.rating, s.rationale[:15]) for s in score(arch).services}
    assert [ratings[z] for z in ("plain", "latency", "aliases")] == [
        ("low", "Simple DNS does"),
        ("medium", "Alias records ("),
        ("medium", "Alias records ("),
    ]
    # web (low 1) + igw (low 1) + plain (1) + latency (2) + aliases (2) = 7 points of 15
    assert score(arch).score == 47
