"""A design holding every service of the catalog at least once, connected as the catalog allows: two VPCs (Main over
two AZs, Data in one) behind a transit gateway and a peering, a branch office on a VPN, and every other service
placed where its catalog entry lets it sit and wired to what it works with."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ConnectionKind as K
from archbuilder.catalog import default_catalog
from archbuilder.model import Architecture, AvailabilityZoneNode, SubnetNode, VpcNode
from tests.model.builders import two_az_network

PRIVATE = ("private-a", ["private-b"])
PUBLIC = ("public-a", ["public-b"])
# Where each service sits (parent, extra subnets), and its properties; the rest sit in the region with defaults.
PLACED: dict[str, tuple[str | None, list[str]]] = {
    "alb": PUBLIC,
    "nlb": PUBLIC,
    "clb": PUBLIC,
    "aurora_cluster": PRIVATE,
    "autoscaling_group": PRIVATE,
    "batch_compute_environment": PRIVATE,
    "cloudhsm_cluster": PRIVATE,
    "codebuild_project": PRIVATE,
    "dax_cluster": PRIVATE,
    "documentdb_cluster": PRIVATE,
    "ebs_volume": ("private-a", []),
    "ec2_instance": ("private-a", []),
    "ecs_service": PRIVATE,
    "efs_file_system": PRIVATE,
    "eks_cluster": PRIVATE,
    "eks_node_group": PRIVATE,
    "elastic_beanstalk": PRIVATE,
    "elasticache_cluster": PRIVATE,
    "emr_cluster": ("private-b", []),
    "fargate_task": PRIVATE,
    "fsx_file_system": PRIVATE,
    "lambda_function": PRIVATE,
    "msk_cluster": PRIVATE,
    "nat_gateway": ("public-a", []),
    "neptune_cluster": PRIVATE,
    "opensearch_domain": PRIVATE,
    "rds_instance": PRIVATE,
    "redshift_cluster": PRIVATE,
    "sagemaker_endpoint": ("private-a", []),
    "sagemaker_notebook": ("private-b", []),
    "vpc_endpoint_interface": PRIVATE,
    "internet_gateway": ("vpc", []),
    "network_acl": ("vpc", []),
    "security_group": ("vpc", []),
    "vpc_endpoint_gateway": ("vpc", []),
    "vpc_peering": ("vpc", []),
    "vpn_gateway": ("vpc", []),
    "cloudfront_distribution": (None, []),
    "global_accelerator": (None, []),
    "iam_role": (None, []),
    "route53_health_check": (None, []),
    "route53_zone": (None, []),
    "shield": (None, []),
}
PROPERTIES: dict[str, dict[str, Any]] = {
    "alb": {"internet_facing": True},
    "nlb": {"internet_facing": True},
    "clb": {"internet_facing": True},
    "vpc_peering": {"peer_vpc": "Data"},
    "vpn_connection": {"static_routes": ["192.168.0.0/16"]},
    "direct_connect": {"location": "EqDC2"},
    "sagemaker_endpoint": {"model_image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/model:1"},
    "elastic_beanstalk": {"solution_stack": "64bit Amazon Linux 2023 v4.3.1 running Python 3.11"},
    "cognito_user_pool": {"mfa": "OFF"},
    "fsx_file_system": {
        "file_system_type": "OPENZFS",
        "storage_capacity_gb": 64,
        "throughput_capacity_mbps": 160,
    },
    "transit_gateway": {"shared_with": ["111122223333"]},
}
# (source, kind, target) by type: the wiring that turns into configuration.
WIRING: list[tuple[str, K, str]] = [
    ("alb", K.TRAFFIC, "autoscaling_group"),
    ("nlb", K.TRAFFIC, "ec2_instance"),
    ("clb", K.TRAFFIC, "ec2_instance"),
    ("ec2_instance", K.TRAFFIC, "rds_instance"),
    ("autoscaling_group", K.TRAFFIC, "aurora_cluster"),
    ("lambda_function", K.TRAFFIC, "documentdb_cluster"),
    ("lambda_function", K.TRAFFIC, "neptune_cluster"),
    ("ec2_instance", K.TRAFFIC, "cloudhsm_cluster"),
    ("lambda_function", K.WRITE, "dynamodb_table"),
    ("lambda_function", K.INVOKE, "sagemaker_endpoint"),
    ("lambda_function", K.LOGS, "xray"),
    ("sqs_queue", K.POLL, "lambda_function"),
    ("api_gateway_rest", K.INVOKE, "lambda_function"),
    ("api_gateway_http", K.INVOKE, "lambda_function"),
    ("cloudfront_distribution", K.ORIGIN, "s3_bucket"),
    ("route53_zone", K.DNS, "alb"),
    ("acm_certificate", K.ATTACH, "alb"),
    ("waf_web_acl", K.ATTACH, "api_gateway_rest"),
    ("firehose_stream", K.WRITE, "s3_bucket"),
    ("glue_crawler", K.READ, "s3_bucket"),
    ("eventbridge_rule", K.EVENT, "sqs_queue"),
    ("sns_topic", K.SUBSCRIBE, "sqs_queue"),
    ("step_functions", K.INVOKE, "lambda_function"),
    ("sqs_queue", K.POLL, "ecs_service"),
    ("dynamodb_table", K.WRITE, "backup_vault"),
    ("shield", K.ATTACH, "cloudfront_distribution"),
    ("global_accelerator", K.TRAFFIC, "nlb"),
    ("network_acl", K.ATTACH, "rds_instance"),
    ("vpn_connection", K.ATTACH, "customer_gateway"),
    ("vpn_connection", K.ATTACH, "transit_gateway"),
    ("direct_connect", K.ATTACH, "vpn_gateway"),
    ("eks_cluster", K.DEPLOY, "eks_node_group"),
    ("emr_cluster", K.READ_WRITE, "s3_bucket"),
    ("data_pipeline", K.READ, "s3_bucket"),
    ("codepipeline", K.READ, "codecommit_repository"),
    ("codepipeline", K.INVOKE, "codebuild_project"),
    ("codepipeline", K.DEPLOY, "codedeploy_app"),
    ("codedeploy_app", K.DEPLOY, "autoscaling_group"),
    ("iot_core", K.WRITE, "kinesis_stream"),
    ("storage_gateway", K.WRITE, "s3_bucket"),
    ("elastic_beanstalk", K.TRAFFIC, "elasticache_cluster"),
    ("lambda_function", K.READ, "secrets_manager_secret"),
    ("lambda_function", K.READ, "ssm_parameter"),
    ("lambda_function", K.READ, "kms_key"),
    ("lambda_function", K.WRITE, "eventbridge_bus"),
    ("lambda_function", K.WRITE, "ses_identity"),
    ("lambda_function", K.LOGS, "cloudwatch_log_group"),
    ("lambda_function", K.TRAFFIC, "dax_cluster"),
    ("lambda_function", K.WRITE, "msk_cluster"),
    ("lambda_function", K.TRAFFIC, "opensearch_domain"),
    ("lambda_function", K.TRAFFIC, "redshift_cluster"),
    ("lambda_function", K.INVOKE, "athena_workgroup"),
    ("ec2_instance", K.TRAFFIC, "efs_file_system"),
    ("ec2_instance", K.TRAFFIC, "fsx_file_system"),
    ("ebs_volume", K.ATTACH, "ec2_instance"),
    ("ec2_instance", K.ATTACH, "iam_role"),
    ("ecs_service", K.ATTACH, "ecs_cluster"),
    ("ecs_service", K.READ, "ecr_repository"),
    ("alb", K.TRAFFIC, "fargate_task"),
    ("api_gateway_rest", K.ATTACH, "cognito_user_pool"),
    ("codepipeline", K.DEPLOY, "cloudformation_stack"),
    ("eventbridge_rule", K.INVOKE, "batch_compute_environment"),
    ("step_functions", K.INVOKE, "glue_job"),
    ("route53_zone", K.DNS, "elastic_ip"),
    ("cloudwatch_log_group", K.LOGS, "cloudwatch_alarm"),
    ("cloudtrail", K.LOGS, "guardduty"),
    ("iam_role", K.ATTACH, "sagemaker_notebook"),
    ("storage_gateway", K.WRITE, "glacier_vault"),
]


def node_id(type_id: str) -> str:
    """The node of a type in the design (ids take hyphens, types underscores)."""
    return type_id.replace("_", "-")


def every_service() -> Architecture:
    arch = two_az_network()
    arch.add_node(VpcNode(id="data", label="Data", parent_id="region", cidr="10.1.0.0/16"))
    arch.add_node(AvailabilityZoneNode(id="data-a", label="Data AZ a", parent_id="data", zone="us-east-1a"))
    arch.add_node(
        SubnetNode(
            id="data-private", label="Data private", parent_id="data-a", cidr="10.1.1.0/24", tier="private"
        )
    )
    for service in default_catalog():
        if service.id == "generic":
            continue
        parent, extra = PLACED.get(service.id, ("region", []))
        arch.add_service(
            service.id,
            parent,
            label=service.short_name,
            node_id=node_id(service.id),
            extra_subnet_ids=extra,
            properties=dict(PROPERTIES.get(service.id, {})),
        )
    arch.add_service("s3_bucket", "region", label="Curated", node_id="curated")
    for source, kind, target in WIRING:
        arch.connect(node_id(source), node_id(target), kind)
    arch.connect(node_id("data_pipeline"), "curated", K.WRITE)
    return arch
