"""What-if swaps: where the new service goes, what it keeps, and what the design becomes."""

from __future__ import annotations

from archbuilder.compare.options import what_if
from archbuilder.compare.whatif import aws_alternatives, swap
from archbuilder.model import dumps, load
from archbuilder.model.usage import Scenario
from archbuilder.resource_files import example_path
from tests.compare.test_designs import aurora, rds


def test_alternatives_inside_aws() -> None:
    assert aws_alternatives("rds_instance") == ["aurora_cluster", "dynamodb_table"]
    assert aws_alternatives("alb") == ["api_gateway_http", "api_gateway_rest", "nlb"]
    assert aws_alternatives("nat_gateway") == ["vpc_endpoint_gateway", "vpc_endpoint_interface"]
    assert aws_alternatives("autoscaling_group") == ["ec2_instance", "fargate_task", "lambda_function"]
    assert aws_alternatives("route53_zone") == []


def test_a_swap_keeps_id_place_and_the_connections_the_new_service_accepts() -> None:
    design = load(example_path("three-tier-web"))
    before = dumps(design)
    to_aurora = swap(design, "orders-db", "aurora_cluster")
    node = to_aurora.architecture.service("orders-db")
    assert (node.type, node.label, node.parent_id, node.extra_subnet_ids) == (
        "aurora_cluster",
        "Orders database",
        "data-a",
        ["data-b"],
    )
    assert node.properties["engine"] == "aurora-postgresql"  # postgres means aurora-postgresql here
    assert node.properties["instance_class"] == "db.r6g.large"  # sizes are per service: the default stands
    assert (to_aurora.kept, to_aurora.changed, to_aurora.dropped) == (["app-asg-to-orders-db"], [], [])

    to_dynamodb = swap(design, "orders-db", "dynamodb_table")
    table = to_dynamodb.architecture.service("orders-db")
    assert (table.parent_id, table.extra_subnet_ids) == ("region", [])  # regional: out of the subnets
    assert to_dynamodb.changed == [("app-asg-to-orders-db", "traffic", "read_write")]
    connection = to_dynamodb.architecture.connection("app-asg-to-orders-db")
    assert (connection.kind.value, connection.port, connection.protocol) == ("read_write", None, None)

    to_lambda = swap(design, "app-asg", "lambda_function")
    assert to_lambda.changed == [("web-alb-to-app-asg", "traffic", "invoke")]
    assert sorted(to_lambda.kept) == ["app-asg-to-assets", "app-asg-to-orders-db"]
    assert dumps(design) == before  # the design swapped from is left as it was


def test_what_if_lists_aws_swaps_with_their_deltas_then_the_alternatives_outside_aws() -> None:
    design = load(example_path("three-tier-web"))
    options = what_if(design, "orders-db")
    assert [(option.kind, option.name, option.lockin_after) for option in options] == [
        ("aws", "Amazon Aurora DB cluster", round(100 * 13 / 30)),  # low → medium
        ("aws", "Amazon DynamoDB table", round(100 * 14 / 30)),  # low → high
        ("other_cloud", "Google Cloud SQL", round(100 * 11 / 30)),  # low → none
        ("other_cloud", "Azure SQL Database", round(100 * 11 / 30)),
        ("open_source", "MySQL", round(100 * 11 / 30)),
        ("open_source", "PostgreSQL", round(100 * 11 / 30)),
        ("open_source", "CockroachDB", round(100 * 11 / 30)),
    ]
    comparison = options[0].comparison
    assert comparison is not None
    for scenario in Scenario:
        assert round(comparison.cost_delta(scenario), 2) == round(aurora(scenario) - rds(scenario), 2)
    assert comparison.raised == [] and comparison.lockin_delta == 3
    assert [(f.rule_id, f.node_ids) for f in comparison.resolved] == [("PERF-022", ("orders-db",))]
    assert options[2].comparison is None and options[2].note.startswith("Outside AWS")
