"""The correspondence of a Terraform export to the CloudFormation export of the same design: every CloudFormation
resource has its Terraform counterpart (through the catalog's primary types or the companion table below), the
aws provider's split-out pieces are named after the resource they come from, and nothing else is written."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import default_catalog
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.terraform.files import render
from archbuilder.model import Architecture
from archbuilder.model.naming import snake
from tests.exporters.tf_tools import resources, unresolved_references

# CloudFormation types that are no catalog service's primary resource, and the Terraform type each becomes.
COMPANION_TYPES = {
    "AWS::EC2::VPC": "aws_vpc",
    "AWS::EC2::Subnet": "aws_subnet",
    "AWS::EC2::RouteTable": "aws_route_table",
    "AWS::EC2::Route": "aws_route",
    "AWS::EC2::SubnetRouteTableAssociation": "aws_route_table_association",
    "AWS::EC2::SecurityGroupIngress": "aws_vpc_security_group_ingress_rule",
    "AWS::EC2::LaunchTemplate": "aws_launch_template",
    "AWS::AutoScaling::ScalingPolicy": "aws_autoscaling_policy",
    "AWS::EC2::VolumeAttachment": "aws_volume_attachment",
    "AWS::IAM::InstanceProfile": "aws_iam_instance_profile",
    "AWS::IAM::Policy": "aws_iam_role_policy",
    "AWS::SecretsManager::RotationSchedule": "aws_secretsmanager_secret_rotation",
    "AWS::ElasticLoadBalancingV2::TargetGroup": "aws_lb_target_group",
    "AWS::ElasticLoadBalancingV2::Listener": "aws_lb_listener",
    "AWS::RDS::DBSubnetGroup": "aws_db_subnet_group",
    "AWS::RDS::DBParameterGroup": "aws_db_parameter_group",
    "AWS::RDS::DBClusterParameterGroup": "aws_rds_cluster_parameter_group",
    "AWS::Redshift::ClusterParameterGroup": "aws_redshift_parameter_group",
    "AWS::Glue::SecurityConfiguration": "aws_glue_security_configuration",
    "AWS::Redshift::ClusterSubnetGroup": "aws_redshift_subnet_group",
    "AWS::ElastiCache::SubnetGroup": "aws_elasticache_subnet_group",
    "AWS::ElastiCache::CacheCluster": "aws_elasticache_cluster",
    "AWS::DAX::SubnetGroup": "aws_dax_subnet_group",
    # A table replicated to other regions: the same aws_dynamodb_table, with replica blocks.
    "AWS::DynamoDB::GlobalTable": "aws_dynamodb_table",
    "AWS::EFS::MountTarget": "aws_efs_mount_target",
    "AWS::Backup::BackupPlan": "aws_backup_plan",
    "AWS::Backup::BackupSelection": "aws_backup_selection",
    "AWS::S3::BucketPolicy": "aws_s3_bucket_policy",
    "AWS::SQS::QueuePolicy": "aws_sqs_queue_policy",
    "AWS::SNS::TopicPolicy": "aws_sns_topic_policy",
    "AWS::SNS::Subscription": "aws_sns_topic_subscription",
    "AWS::Lambda::EventSourceMapping": "aws_lambda_event_source_mapping",
    "AWS::Lambda::Permission": "aws_lambda_permission",
    "AWS::ApiGateway::Resource": "aws_api_gateway_resource",
    "AWS::ApiGateway::Authorizer": "aws_api_gateway_authorizer",
    "AWS::ApiGatewayV2::Integration": "aws_apigatewayv2_integration",
    "AWS::ApiGatewayV2::Route": "aws_apigatewayv2_route",
    "AWS::ApiGatewayV2::Stage": "aws_apigatewayv2_stage",
    "AWS::Route53::RecordSet": "aws_route53_record",
    "AWS::CloudFront::OriginAccessControl": "aws_cloudfront_origin_access_control",
    "AWS::CloudFront::CachePolicy": "aws_cloudfront_cache_policy",
    "AWS::ECS::TaskDefinition": "aws_ecs_task_definition",
    "AWS::Glue::Database": "aws_glue_catalog_database",
    "AWS::Cognito::UserPoolClient": "aws_cognito_user_pool_client",
    "AWS::WAFv2::WebACLAssociation": "aws_wafv2_web_acl_association",
    # Links between networks
    "AWS::EC2::TransitGatewayVpcAttachment": "aws_ec2_transit_gateway_vpc_attachment",
    "AWS::RAM::ResourceShare": "aws_ram_resource_share",
    "AWS::EC2::VPNConnectionRoute": "aws_vpn_connection_route",
    "AWS::EC2::NetworkAclEntry": "aws_network_acl_rule",
    "AWS::EC2::SubnetNetworkAclAssociation": "aws_network_acl_association",
    "AWS::DirectConnect::Connection": "aws_dx_connection",
    "AWS::DirectConnect::DirectConnectGatewayAssociation": "aws_dx_gateway_association",
    # Document and graph databases
    "AWS::DocDB::DBSubnetGroup": "aws_docdb_subnet_group",
    "AWS::DocDB::DBClusterParameterGroup": "aws_docdb_cluster_parameter_group",
    "AWS::DocDB::DBInstance": "aws_docdb_cluster_instance",
    "AWS::Neptune::DBSubnetGroup": "aws_neptune_subnet_group",
    "AWS::Neptune::DBInstance": "aws_neptune_cluster_instance",
    # Machine learning and batch compute
    "AWS::SageMaker::Model": "aws_sagemaker_model",
    "AWS::SageMaker::EndpointConfig": "aws_sagemaker_endpoint_configuration",
    "AWS::ApplicationAutoScaling::ScalableTarget": "aws_appautoscaling_target",
    "AWS::ApplicationAutoScaling::ScalingPolicy": "aws_appautoscaling_policy",
    "AWS::Batch::JobQueue": "aws_batch_job_queue",
    "AWS::Batch::JobDefinition": "aws_batch_job_definition",
    "AWS::EFS::AccessPoint": "aws_efs_access_point",
    # Production defaults (exporters/cloudformation/production.py)
    "AWS::EC2::FlowLog": "aws_flow_log",
    # Big data processing
    "AWS::EMR::InstanceGroupConfig": "aws_emr_instance_group",
    "AWS::EMR::SecurityConfiguration": "aws_emr_security_configuration",
    # Delivery
    "AWS::CodeDeploy::DeploymentGroup": "aws_codedeploy_deployment_group",
    # Account security services
    "AWS::Config::DeliveryChannel": "aws_config_delivery_channel",
    # Telemetry and edge
    "AWS::GlobalAccelerator::Listener": "aws_globalaccelerator_listener",
    "AWS::GlobalAccelerator::EndpointGroup": "aws_globalaccelerator_endpoint_group",
    # Application platforms
    "AWS::ElasticBeanstalk::Application": "aws_elastic_beanstalk_application",
}
# An FSx file system is a resource type of the provider per kind.
FSX_TYPES = {
    "WINDOWS": "aws_fsx_windows_file_system",
    "LUSTRE": "aws_fsx_lustre_file_system",
    "ONTAP": "aws_fsx_ontap_file_system",
    "OPENZFS": "aws_fsx_openzfs_file_system",
}


def primary_types() -> dict[str, str]:
    """Each catalog service's first CloudFormation type -> its first Terraform type (they must agree)."""
    mapping: dict[str, str] = {}
    for service in default_catalog():
        if service.cfn_types and service.terraform_types:
            cfn, tf = service.cfn_types[0], service.terraform_types[0]
            assert mapping.setdefault(cfn, tf) == tf, f"{cfn} maps to {mapping[cfn]} and {tf}"
    return mapping


def expected_terraform(template: dict[str, Any]) -> set[tuple[str, str]]:
    """The Terraform resources the CloudFormation resources correspond to: one each through the catalog or the
    companion table, plus the pieces the aws provider splits out of a resource (named after it)."""
    primary = primary_types()
    resources_ = template["Resources"]
    expected: set[tuple[str, str]] = set()
    for logical, body in resources_.items():
        kind, props, name = body["Type"], body.get("Properties", {}), snake(logical)
        if kind == "AWS::EC2::VPCGatewayAttachment":
            continue  # the internet gateway's vpc_id
        if kind == "AWS::ApiGateway::Method":
            expected |= {("aws_api_gateway_method", name), ("aws_api_gateway_integration", name)}
            # A method that is not a proxy: each response it may give, and the integration response mapped to it.
            expected |= {
                ("aws_api_gateway_method_response", f"{name}_{r['StatusCode']}")
                for r in props.get("MethodResponses") or []
            }
            expected |= {
                ("aws_api_gateway_integration_response", f"{name}_{r['StatusCode']}")
                for r in props["Integration"].get("IntegrationResponses") or []
            }
            continue
        if kind == "AWS::ApiGateway::Deployment":
            api = snake(props["RestApiId"]["Ref"])
            expected |= {("aws_api_gateway_deployment", api), ("aws_api_gateway_stage", api)}
            if (props.get("StageDescription") or {}).get("MethodSettings"):
                expected.add(("aws_api_gateway_method_settings", api))
            continue
        if kind == "AWS::RDS::DBInstance" and "DBClusterIdentifier" in props:
            expected.add(("aws_rds_cluster_instance", name))
            continue
        if kind == "AWS::FSx::FileSystem":
            expected.add((FSX_TYPES[props["FileSystemType"]], name))
            continue
        if kind == "AWS::EC2::VPNGatewayRoutePropagation":
            # One propagation per route table, named after the table.
            expected |= {
                ("aws_vpn_gateway_route_propagation", f"{name}_{snake(table['Ref'])}")
                for table in props["RouteTableIds"]
            }
            continue
        assert kind in primary or kind in COMPANION_TYPES, f"{logical}: {kind} has no Terraform counterpart"
        expected.add((primary.get(kind) or COMPANION_TYPES[kind], name))
        if kind == "AWS::S3::Bucket":
            expected.add(("aws_s3_bucket_versioning", name))
            if "PublicAccessBlockConfiguration" in props:
                expected.add(("aws_s3_bucket_public_access_block", name))
            if "BucketEncryption" in props:
                expected.add(("aws_s3_bucket_server_side_encryption_configuration", name))
            if props.get("NotificationConfiguration"):
                expected.add(("aws_s3_bucket_notification", name))
            if props.get("LifecycleConfiguration"):
                expected.add(("aws_s3_bucket_lifecycle_configuration", name))
            if props.get("WebsiteConfiguration"):
                expected.add(("aws_s3_bucket_website_configuration", name))
        if kind == "AWS::ElasticLoadBalancingV2::TargetGroup":
            expected |= {
                ("aws_lb_target_group_attachment", f"{name}_{i}")
                for i in range(len(props.get("Targets", [])))
            }
        if kind == "AWS::Events::Rule":
            expected |= {
                ("aws_cloudwatch_event_target", f"{name}_{snake(t['Id'])}") for t in props.get("Targets", [])
            }
        if kind == "AWS::IAM::Role":
            expected |= {
                ("aws_iam_role_policy", f"{name}_{snake(p['PolicyName'])}") for p in props.get("Policies", [])
            }
            # One attachment per managed policy, named after the role and the policy (the ARN's last part).
            expected |= {
                ("aws_iam_role_policy_attachment", f"{name}_{snake(_last_part(arn))}")
                for arn in props.get("ManagedPolicyArns", [])
            }
        if kind == "AWS::CertificateManager::Certificate":
            expected.add(("aws_acm_certificate_validation", name))
            if props.get("DomainValidationOptions"):
                expected.add(("aws_route53_record", f"{name}_validation"))
        if kind == "AWS::Backup::BackupVault" and "LockConfiguration" in props:
            expected.add(("aws_backup_vault_lock_configuration", name))
        if kind == "AWS::ECS::Cluster" and props.get("CapacityProviders"):
            expected.add(("aws_ecs_cluster_capacity_providers", name))
        if kind == "AWS::ECR::Repository" and "LifecyclePolicy" in props:
            expected.add(("aws_ecr_lifecycle_policy", name))
        if kind == "AWS::EFS::FileSystem":
            expected.add(("aws_efs_backup_policy", name))
        if kind == "AWS::Redshift::Cluster" and "DestinationRegion" in props:
            expected.add(("aws_redshift_snapshot_copy", name))
        if kind == "AWS::RAM::ResourceShare":
            expected |= {
                ("aws_ram_resource_association", f"{name}_{i + 1}") for i in range(len(props["ResourceArns"]))
            }
            expected |= {
                ("aws_ram_principal_association", f"{name}_{i + 1}") for i in range(len(props["Principals"]))
            }
        if kind == "AWS::Config::ConfigurationRecorder":
            expected.add(("aws_config_configuration_recorder_status", name))
        if kind == "AWS::DataPipeline::Pipeline":
            expected.add(("aws_datapipeline_pipeline_definition", name))
        if kind == "AWS::ElasticLoadBalancing::LoadBalancer" and props.get("Policies"):
            expected.add(("aws_proxy_protocol_policy", name))
    return expected


def _last_part(arn: Any) -> str:
    text = arn["Fn::Sub"] if isinstance(arn, dict) and "Fn::Sub" in arn else arn
    return text.replace(":", "/").rsplit("/", 1)[-1] if isinstance(text, str) else arn["Ref"]


def counterparts(template: dict[str, Any], logical: str) -> set[tuple[str, str]]:
    """The Terraform resources one CloudFormation resource becomes; an internet or VPN gateway's VPC attachment is
    the gateway's `vpc_id`, so it becomes (part of) the gateway."""
    body = template["Resources"][logical]
    if body["Type"] == "AWS::EC2::VPCGatewayAttachment":
        props = body["Properties"]
        if "VpnGatewayId" in props:
            return {("aws_vpn_gateway", snake(props["VpnGatewayId"]["Ref"]))}
        return {("aws_internet_gateway", snake(props["InternetGatewayId"]["Ref"]))}
    return expected_terraform({"Resources": {logical: body}})


def check(arch: Architecture) -> dict[tuple[str, str], dict[str, Any]]:
    """Exports to Terraform, checks parsing, references and the exact correspondence; returns the resources."""
    files = render(arch)
    assert unresolved_references(files) == []
    found = resources(files)
    assert set(found) == expected_terraform(build_template(arch))
    return found
