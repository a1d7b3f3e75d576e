"""Terraform for every service type of the catalog and every edge the CloudFormation export wires: each export
parses with python-hcl2, every reference resolves, and the Terraform resources correspond exactly to the
CloudFormation ones through the catalog mapping (so a resource added on one side only fails here)."""

from __future__ import annotations

import re
from pathlib import Path

import hcl2
import pytest

from archbuilder.catalog import ConnectionKind as K
from archbuilder.catalog import default_catalog
from archbuilder.catalog.service_type import ParentKind, Placement
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.registry import ExportError
from archbuilder.exporters.terraform.convert import Converter_
from archbuilder.exporters.terraform.files import render
from archbuilder.exporters.terraform.hcl_writer import document
from archbuilder.exporters.terraform.writers import RESOURCE_WRITERS
from archbuilder.model import Architecture, load
from archbuilder.resource_files import example_path
from tests.exporters.test_cloudformation_events import event_driven
from tests.exporters.test_cloudformation_generated import SEEDS, generated
from tests.exporters.test_cloudformation_stores import data_platform, platform_services
from tests.exporters.tf_correspondence import check, expected_terraform
from tests.exporters.tf_tools import plain, resources
from tests.model.builders import two_az_network

# Connections some services need before the CloudFormation side exports them at all.
NEEDS: dict[str, tuple[str, K]] = {
    "firehose_stream": ("s3_bucket", K.WRITE),
    "glue_crawler": ("s3_bucket", K.READ),
}
PARENTS = {
    ParentKind.ROOT: None,
    ParentKind.REGION: "region",
    ParentKind.VPC: "vpc",
    ParentKind.AZ: "az-a",
    ParentKind.PUBLIC_SUBNET: "public-a",
    ParentKind.PRIVATE_SUBNET: "private-a",
}
SERVICE_TYPES = sorted(s.id for s in default_catalog() if s.id != "generic")


def single_service(type_id: str) -> Architecture:
    service = default_catalog().get(type_id)
    arch = two_az_network()
    allowed = service.allowed_parents
    parent = "private-a" if ParentKind.PRIVATE_SUBNET in allowed else PARENTS[allowed[0]]
    extra = []
    if service.placement is Placement.MULTI_SUBNET and parent in ("private-a", "public-a"):
        extra = [parent.replace("-a", "-b")]
    arch.add_service(type_id, parent, label=f"The {service.short_name}", node_id="it", extra_subnet_ids=extra)
    if type_id in NEEDS:
        other, kind = NEEDS[type_id]
        arch.add_service(other, "region", label="Needed", node_id="needed")
        arch.connect("it", "needed", kind)
    return arch


@pytest.mark.parametrize("type_id", SERVICE_TYPES)
def test_every_service_type_the_cloudformation_export_writes_exports_to_terraform(type_id: str) -> None:
    arch = single_service(type_id)
    try:
        template = build_template(arch)
    except ExportError as refused:
        # Not deployable on either side: Terraform refuses with the same message and writes nothing.
        with pytest.raises(ExportError, match=re.escape(str(refused))):
            render(arch)
        return
    found = check(arch)
    service = default_catalog().get(type_id)
    cfn_kinds = {body["Type"] for body in template["Resources"].values()}
    tf_kinds = {kind for kind, _ in found}
    # A drawn security group nobody is placed in renders nothing, on both sides; a service CloudFormation has no
    # type for (a Glacier vault, Inspector's enabling) is a step by hand in both.
    primary = service.cfn_types[0] if service.cfn_types else None
    assert (service.terraform_types[0] in tf_kinds) == (primary in cfn_kinds)


@pytest.mark.parametrize(
    "name",
    ["three-tier-web", "serverless-api", "static-site", "startup-mvp", "ecs-fargate", "streaming-pipeline"],
)
def test_every_example_corresponds_to_its_cloudformation_export(name: str) -> None:
    check(load(Path(str(example_path(name)))))


@pytest.mark.parametrize("seed", SEEDS)
def test_generated_designs_correspond_to_their_cloudformation_export(seed: int) -> None:
    check(generated(seed))


def edges() -> Architecture:
    """Wiring the other designs leave out: WAF on CloudFront, a REST API and a user pool; REST and HTTP APIs
    with two functions; S3 events to a queue; a scheduled rule delivering through its role; one-member Aurora."""
    arch = two_az_network()
    add = arch.add_service
    add("s3_bucket", "region", label="Assets", node_id="assets")
    add("cloudfront_distribution", None, label="CDN", node_id="cdn")
    add("waf_web_acl", "region", label="Edge rules", node_id="edge-waf")
    add("waf_web_acl", "region", label="Regional rules", node_id="waf")
    add("api_gateway_rest", "region", label="Shop API", node_id="rest")
    add("api_gateway_http", "region", label="Edge API", node_id="http", properties={"cors_enabled": True})
    add("lambda_function", "region", label="Catalog", node_id="catalog")
    add("lambda_function", "region", label="Orders", node_id="orders")
    add("cognito_user_pool", "region", label="Shoppers", node_id="pool", properties={"mfa": "OFF"})
    add("s3_bucket", "region", label="Inbox", node_id="inbox")
    add("sqs_queue", "region", label="Inbox queue", node_id="inbox-queue")
    add("eventbridge_rule", "region", label="Hourly", node_id="hourly")
    add("kinesis_stream", "region", label="Clicks", node_id="clicks")
    add("eventbridge_bus", "region", label="Partner bus", node_id="partner")
    add("firehose_stream", "region", label="Archive", node_id="archive")
    add("sns_topic", "region", label="Alerts", node_id="alerts")
    add(
        "aurora_cluster",
        "private-a",
        label="Carts db",
        node_id="carts",
        extra_subnet_ids=["private-b"],
        properties={"instance_count": 1},
    )
    arch.connect("cdn", "assets", K.ORIGIN)
    arch.connect("edge-waf", "cdn", K.ATTACH)
    arch.connect("waf", "rest", K.ATTACH)
    arch.connect("waf", "pool", K.ATTACH)
    for api in ("rest", "http"):
        arch.connect(api, "catalog", K.INVOKE)
        arch.connect(api, "orders", K.INVOKE)
    arch.connect("inbox", "inbox-queue", K.EVENT)
    arch.connect("hourly", "clicks", K.EVENT)
    arch.connect("hourly", "partner", K.EVENT)
    arch.connect("hourly", "archive", K.EVENT)
    arch.connect("hourly", "alerts", K.EVENT)
    arch.connect("archive", "assets", K.WRITE)
    return arch


def test_other_edges_correspond_and_are_wired() -> None:
    found = check(edges())
    distribution = found[("aws_cloudfront_distribution", "cdn")]
    assert distribution["web_acl_id"] == "${aws_wafv2_web_acl.edge_rules.arn}"
    assert found[("aws_wafv2_web_acl", "edge_rules")]["scope"] == "CLOUDFRONT"
    rest = found[("aws_wafv2_web_acl_association", "regional_rules_shop_api_association")]
    # The association waits for the stage and its throttling settings, as CloudFormation waits for the deployment.
    assert rest["depends_on"] == [
        "${aws_api_gateway_method_settings.shop_api}",
        "${aws_api_gateway_stage.shop_api}",
    ]
    assert rest["resource_arn"] == (
        "arn:${data.aws_partition.current.partition}:apigateway:${data.aws_region.current.name}"
        "::/restapis/${aws_api_gateway_rest_api.shop_api.id}/stages/prod"
    )
    pool = found[("aws_wafv2_web_acl_association", "regional_rules_shoppers_association")]
    assert pool["resource_arn"] == "${aws_cognito_user_pool.shoppers.arn}"
    # The second function of a REST API answers under its own path.
    path = found[("aws_api_gateway_resource", "shop_api_orders_resource")]
    assert (path["path_part"], path["parent_id"]) == (
        "orders",
        "${aws_api_gateway_rest_api.shop_api.root_resource_id}",
    )
    assert found[("aws_api_gateway_method", "shop_api_orders_method")]["resource_id"] == (
        "${aws_api_gateway_resource.shop_api_orders_resource.id}"
    )
    assert found[("aws_api_gateway_method", "shop_api_catalog_method")]["resource_id"] == (
        "${aws_api_gateway_rest_api.shop_api.root_resource_id}"
    )
    routes = {
        name: body["route_key"] for (kind, name), body in found.items() if kind == "aws_apigatewayv2_route"
    }
    assert routes == {"edge_api_catalog_route": "$default", "edge_api_orders_route": "ANY /orders/{proxy+}"}
    assert found[("aws_apigatewayv2_api", "edge_api")]["cors_configuration"] == [
        {"allow_origins": ["*"], "allow_methods": ["*"], "allow_headers": ["*"]}
    ]
    notification = found[("aws_s3_bucket_notification", "inbox")]
    assert notification["queue"] == [
        {"queue_arn": "${aws_sqs_queue.inbox_queue.arn}", "events": ["s3:ObjectCreated:*"]}
    ]
    assert notification["depends_on"] == ["${aws_sqs_queue_policy.inbox_queue_policy}"]
    targets = {
        name: (body["arn"], body.get("role_arn"))
        for (kind, name), body in found.items()
        if kind == "aws_cloudwatch_event_target"
    }
    assert targets == {
        "hourly_clicks": ("${aws_kinesis_stream.clicks.arn}", "${aws_iam_role.hourly_role.arn}"),
        "hourly_partner_bus": (
            "${aws_cloudwatch_event_bus.partner_bus.arn}",
            "${aws_iam_role.hourly_role.arn}",
        ),
        "hourly_archive": (
            "${aws_kinesis_firehose_delivery_stream.archive.arn}",
            "${aws_iam_role.hourly_role.arn}",
        ),
        # A topic takes the rule's events through its resource policy, not the rule's role.
        "hourly_alerts": ("${aws_sns_topic.alerts.arn}", None),
    }
    assert (
        "aws_cloudwatch_event_rule.hourly.arn" in found[("aws_sns_topic_policy", "alerts_policy")]["policy"]
    )
    assert found[("aws_cloudwatch_event_rule", "hourly")]["schedule_expression"] == "rate(1 hour)"
    delivery = found[("aws_iam_role_policy", "hourly_role_deliver_events")]
    assert delivery["role"] == "${aws_iam_role.hourly_role.name}"
    assert [name for kind, name in found if kind == "aws_rds_cluster_instance"] == ["carts_db_instance1"]


def test_stores_keep_passwords_managed_encryption_on_and_a_final_snapshot() -> None:
    found = check(data_platform())
    aurora = found[("aws_rds_cluster", "ledger")]
    assert {
        k: aurora[k] for k in ("manage_master_user_password", "storage_encrypted", "deletion_protection")
    } == {
        "manage_master_user_password": True,
        "storage_encrypted": True,
        "deletion_protection": True,
    }
    assert (aurora["skip_final_snapshot"], aurora["final_snapshot_identifier"]) == (
        False,
        "${var.name}-ledger-final",
    )
    assert not any("password" in key and "manage" not in key for key in aurora)
    members = sorted(name for kind, name in found if kind == "aws_rds_cluster_instance")
    assert members == ["ledger_instance1", "ledger_instance2", "reports_instance1", "reports_instance2"]
    assert found[("aws_rds_cluster_instance", "reports_instance1")]["instance_class"] == "db.serverless"
    assert found[("aws_rds_cluster", "reports")]["serverlessv2_scaling_configuration"] == [
        {"max_capacity": 8.0, "min_capacity": 0.5}
    ]
    assert found[("aws_rds_cluster_instance", "ledger_instance1")]["cluster_identifier"] == (
        "${aws_rds_cluster.ledger.id}"
    )
    redshift = found[("aws_redshift_cluster", "warehouse")]
    assert (redshift["manage_master_password"], redshift["encrypted"], redshift["skip_final_snapshot"]) == (
        True,
        True,
        False,
    )
    assert redshift["cluster_subnet_group_name"] == "${aws_redshift_subnet_group.warehouse_subnet_group.name}"
    search = found[("aws_opensearch_domain", "search")]
    assert search["encrypt_at_rest"] == [{"enabled": True}]
    assert search["node_to_node_encryption"] == [{"enabled": True}]
    assert search["domain_name"] == '${trimsuffix(substr(var.name, 0, 13), "-")}-search'
    # Retained on the CloudFormation side, and without a deletion protection of their own.
    for key in (
        ("aws_opensearch_domain", "search"),
        ("aws_efs_file_system", "shared_files"),
        ("aws_backup_vault", "nightly_backups"),
    ):
        assert found[key]["lifecycle"] == [{"prevent_destroy": True}], key
    assert found[("aws_efs_backup_policy", "shared_files")]["backup_policy"] == [{"status": "ENABLED"}]
    mounts = sorted(body["subnet_id"] for (kind, _), body in found.items() if kind == "aws_efs_mount_target")
    assert mounts == ["${aws_subnet.private_a.id}", "${aws_subnet.private_b.id}"]
    volume = found[("aws_ebs_volume", "scratch")]
    assert (volume["encrypted"], volume["final_snapshot"], volume["size"]) == (True, True, 50)
    selection = found[("aws_backup_selection", "nightly_backups_selection")]
    assert selection["resources"] == [
        "${aws_efs_file_system.shared_files.arn}",
        "arn:${data.aws_partition.current.partition}:rds:${data.aws_region.current.name}:"
        "${data.aws_caller_identity.current.account_id}:cluster:${aws_rds_cluster.ledger.id}",
        "${aws_dynamodb_table.sessions.arn}",
    ]
    assert found[("aws_autoscaling_group", "web_fleet")]["load_balancers"] == ["${aws_elb.legacy_lb.name}"]
    endpoint = found[("aws_vpc_endpoint", "secrets_endpoint")]
    assert (endpoint["private_dns_enabled"], endpoint["security_group_ids"]) == (
        True,
        ["${aws_security_group.secrets_endpoint_security_group.id}"],
    )


def test_platform_services_correspond_with_their_roles() -> None:
    found = check(platform_services())
    msk = found[("aws_msk_cluster", "events")]
    assert msk["number_of_broker_nodes"] == 4
    assert msk["client_authentication"] == [{"sasl": [{"iam": True}]}]
    assert msk["lifecycle"] == [{"prevent_destroy": True}]
    dax = found[("aws_dax_cluster", "table_cache")]
    assert dax["cluster_name"] == '${trimsuffix(substr(var.name, 0, 9), "-")}-table-cach'
    assert dax["server_side_encryption"] == [{"enabled": True}]
    assert dax["iam_role_arn"] == "${aws_iam_role.table_cache_role.arn}"
    eks = found[("aws_eks_cluster", "kubernetes")]
    assert eks["vpc_config"][0]["endpoint_public_access"] is False
    assert found[("aws_sesv2_email_identity", "mail")]["email_identity"] == "${var.mail_identity}"
    build = found[("aws_codebuild_project", "builder")]
    assert build["vpc_config"][0]["vpc_id"] == "${aws_vpc.main.id}"


def test_event_wiring_corresponds_with_policies_subscriptions_and_state_machine() -> None:
    found = check(event_driven())
    queue_policy = found[("aws_sqs_queue_policy", "audit_queue_policy")]
    assert queue_policy["queue_url"] == "${aws_sqs_queue.audit_queue.url}"
    assert "aws_cloudwatch_event_rule.order_placed.arn" in queue_policy["policy"]
    assert "aws_sns_topic.upload_topic.arn" in queue_policy["policy"]
    topic_policy = found[("aws_sns_topic_policy", "upload_topic_policy")]
    assert topic_policy["arn"] == "${aws_sns_topic.upload_topic.arn}"
    subscriptions = {
        (body["protocol"], body["endpoint"])
        for (kind, _), body in found.items()
        if kind == "aws_sns_topic_subscription"
    }
    assert subscriptions == {
        ("sqs", "${aws_sqs_queue.audit_queue.arn}"),
        ("lambda", "${aws_lambda_function.notifier.arn}"),
    }
    machine = found[("aws_sfn_state_machine", "checkout_flow")]
    assert "aws_lambda_function.notifier.arn" in machine["definition"]
    assert "${NotifierArn}" not in machine["definition"]
    rule = found[("aws_cloudwatch_event_rule", "order_placed")]
    assert rule["event_bus_name"] == "${aws_cloudwatch_event_bus.orders_bus.name}"
    stage = found[("aws_apigatewayv2_stage", "public_api_stage")]
    assert stage["depends_on"] == ["${aws_apigatewayv2_route.public_api_notifier_route}"]
    pool = found[("aws_cognito_user_pool", "customers")]
    assert (pool["deletion_protection"], pool["software_token_mfa_configuration"]) == (
        "ACTIVE",
        [{"enabled": True}],
    )
    parameter = found[("aws_ssm_parameter", "feature_flags")]
    assert (parameter["name"], parameter["value"]) == (
        "/${var.name}/feature-flags",
        "${var.feature_flags_value}",
    )


def test_an_imported_resource_the_conversion_cannot_read_is_refused_by_name(tmp_path: Path) -> None:
    arch = two_az_network()
    arch.add_service(
        "generic",
        "region",
        label="Old flags",
        node_id="old",
        properties={"resource_type": "AWS::SSM::Parameter", "raw_properties": {"Type": "String"}},
    )
    with pytest.raises(ExportError, match=r"OldFlags \(AWS::SSM::Parameter\): the Terraform exporter cannot"):
        render(arch)


def test_serverless_aurora_scaling_converts() -> None:
    """The scaling range of an Aurora Serverless v2 cluster, read from the CloudFormation properties."""
    props = {
        "Engine": "aurora-postgresql",
        "MasterUsername": "dbadmin",
        "ManageMasterUserPassword": True,
        "StorageEncrypted": True,
        "BackupRetentionPeriod": 7,
        "DeletionProtection": True,
        "EnableIAMDatabaseAuthentication": False,
        "ServerlessV2ScalingConfiguration": {"MinCapacity": 0.5, "MaxCapacity": 8.0},
    }
    conv = Converter_({"Resources": {"Carts": {"Type": "AWS::RDS::DBCluster", "Properties": props}}})
    text = document(RESOURCE_WRITERS["AWS::RDS::DBCluster"](conv, "Carts", props))
    [entry] = plain(hcl2.loads(text))["resource"]
    cluster = entry["aws_rds_cluster"]["carts"]
    assert cluster["serverlessv2_scaling_configuration"] == [{"min_capacity": 0.5, "max_capacity": 8.0}]
    assert (cluster["manage_master_user_password"], cluster["final_snapshot_identifier"]) == (
        True,
        "${var.name}-carts-final",
    )


def test_the_correspondence_fails_when_one_side_has_a_resource_the_other_lacks() -> None:
    arch = platform_services()
    found = set(resources(render(arch)))
    template = build_template(arch)
    assert expected_terraform(template) == found
    template["Resources"]["Extra"] = {"Type": "AWS::SQS::Queue", "Properties": {}}
    assert expected_terraform(template) - found == {("aws_sqs_queue", "extra")}
    del template["Resources"]["Extra"]
    del template["Resources"]["MailerRole"]
    assert found - expected_terraform(template) == {
        ("aws_iam_role", "mailer_role"),
        ("aws_iam_role_policy_attachment", "mailer_role_aws_lambda_basic_execution_role"),
        # Functions are traced (production defaults).
        ("aws_iam_role_policy_attachment", "mailer_role_awsx_ray_daemon_write_access"),
    }
    template["Resources"]["Odd"] = {"Type": "AWS::SSM::Document", "Properties": {}}
    with pytest.raises(AssertionError, match="AWS::SSM::Document has no Terraform counterpart"):
        expected_terraform(template)
