"""OPS-036 (Call the export cannot write): ok and bad fixtures, exact findings, and the same calls as the exports'
warnings name, for every target each API type can be connected to."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind as K
from archbuilder.catalog import default_catalog
from archbuilder.catalog.export_gaps import API_CALLS, API_INTEGRATIONS
from archbuilder.exporters.registry import ExportError, export_notes
from archbuilder.model import Architecture, RegionNode
from archbuilder.model.containment import InvariantError
from archbuilder.validation import validate
from archbuilder.validation.rules.ops_connection_not_exported import RULE
from tests.validation.builders import Case, check_case, connect, svc, with_

CASE = Case(
    ok=with_(
        svc("api_gateway_rest", "region", "front"),
        svc("sqs_queue", "region", "orders"),
        svc("step_functions", "region", "checkout"),
        svc("api_gateway_http", "region", "edge"),
        svc("kinesis_stream", "region", "clicks"),
        connect("front", "orders", K.WRITE),
        connect("front", "checkout", K.INVOKE),
        connect("edge", "clicks", K.WRITE),
    ),
    bad=with_(
        svc("api_gateway_rest", "region", "front"),
        svc("dynamodb_table", "region", "carts"),
        svc("api_gateway_http", "region", "edge"),
        svc("sns_topic", "region", "alerts"),
        connect("front", "carts", K.WRITE),
        connect("edge", "alerts", K.WRITE),
    ),
    expected=[
        (
            ("edge",),
            "“Edge” (HTTP API) calls “Alerts” (SNS, write), which the exports write no integration for",
        ),
        (
            ("front",),
            "“Front” (API Gateway) calls “Carts” (DynamoDB, write), which the exports write no integration for",
        ),
    ],
)


def test_ops_connection_not_exported() -> None:
    check_case(RULE, CASE)


def test_the_rule_and_the_exports_name_the_same_calls() -> None:
    """Every regional service each API type may call, one design per target: the rule finds the call exactly when
    the export's warnings name it."""
    catalog = default_catalog()
    compared = 0
    for api_type in sorted(API_INTEGRATIONS):
        for target in catalog:
            if target.id in API_INTEGRATIONS or target.allowed_parents[0].value != "region":
                continue
            for kind in sorted(K(k) for k in API_CALLS):
                arch = Architecture()
                arch.add_node(RegionNode(id="region", label="US East", region="us-east-1"))
                arch.add_service(api_type, "region", label="Api", node_id="api")
                arch.add_service(target.id, "region", label="Target", node_id="target")
                try:
                    arch.connect("api", "target", kind)
                    notes = export_notes("cloudformation", arch)
                except (InvariantError, ExportError):
                    continue  # a connection the design refuses, or a target that cannot be exported alone
                found = bool(validate(arch, [RULE]).findings)
                named = any("integrate it with Target" in note for note in notes)
                assert found == named, (api_type, target.id, kind.value)
                compared += 1
    assert compared > 50
