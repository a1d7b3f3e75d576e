"""The `Environment` and `Design` tags on every resource of the template that takes tags, in the form its type
takes them (a list of Key/Value pairs, a map, or a property of another name). Terraform writes the same tags
once, as the provider's default_tags (terraform/files.py).

The types are those the renderers write whose CloudFormation resource schema has a tags property (the schemas
cfn-lint bundles, read 2026-12); tests/exporters/test_production_defaults.py checks every resource of the
examples and of the generated designs against the schemas, so a type added to a renderer
without its entry here is found."""

from __future__ import annotations

import re
from typing import Any

from archbuilder.exporters.cloudformation.context import CfnContext

# Types whose `Tags` is a list of {Key, Value}.
TAGS_AS_LIST = frozenset(
    {
        "AWS::ApiGateway::RestApi",
        "AWS::ApiGateway::Stage",
        "AWS::ApplicationAutoScaling::ScalableTarget",
        "AWS::Athena::WorkGroup",
        "AWS::AutoScaling::AutoScalingGroup",
        "AWS::CertificateManager::Certificate",
        "AWS::CloudFormation::Stack",
        "AWS::CloudFront::Distribution",
        "AWS::CloudTrail::Trail",
        "AWS::CloudWatch::Alarm",
        "AWS::CodeBuild::Project",
        "AWS::DirectConnect::Connection",
        "AWS::DirectConnect::DirectConnectGateway",
        "AWS::DocDB::DBCluster",
        "AWS::DocDB::DBClusterParameterGroup",
        "AWS::DocDB::DBInstance",
        "AWS::DocDB::DBSubnetGroup",
        "AWS::DynamoDB::Table",
        "AWS::EC2::CustomerGateway",
        "AWS::EC2::EIP",
        "AWS::EC2::FlowLog",
        "AWS::EC2::Instance",
        "AWS::EC2::InternetGateway",
        "AWS::EC2::NatGateway",
        "AWS::EC2::NetworkAcl",
        "AWS::EC2::RouteTable",
        "AWS::EC2::SecurityGroup",
        "AWS::EC2::Subnet",
        "AWS::EC2::TransitGateway",
        "AWS::EC2::TransitGatewayVpcAttachment",
        "AWS::EC2::VPC",
        "AWS::EC2::VPCEndpoint",
        "AWS::EC2::VPCPeeringConnection",
        "AWS::EC2::VPNConnection",
        "AWS::EC2::VPNGateway",
        "AWS::EC2::Volume",
        "AWS::ECR::Repository",
        "AWS::ECS::Cluster",
        "AWS::ECS::Service",
        "AWS::ECS::TaskDefinition",
        "AWS::EKS::Cluster",
        "AWS::EMR::Cluster",
        "AWS::ElastiCache::CacheCluster",
        "AWS::ElastiCache::ReplicationGroup",
        "AWS::ElastiCache::SubnetGroup",
        "AWS::ElasticLoadBalancing::LoadBalancer",
        "AWS::ElasticLoadBalancingV2::Listener",
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        "AWS::ElasticLoadBalancingV2::TargetGroup",
        "AWS::Elasticsearch::Domain",
        "AWS::Events::EventBus",
        "AWS::Events::Rule",
        "AWS::FSx::FileSystem",
        "AWS::IAM::Role",
        "AWS::KMS::Key",
        "AWS::Kinesis::Stream",
        "AWS::KinesisFirehose::DeliveryStream",
        "AWS::Lambda::EventSourceMapping",
        "AWS::Lambda::Function",
        "AWS::Logs::LogGroup",
        "AWS::Neptune::DBCluster",
        "AWS::Neptune::DBInstance",
        "AWS::Neptune::DBSubnetGroup",
        "AWS::OpenSearchService::Domain",
        "AWS::QLDB::Ledger",
        "AWS::RAM::ResourceShare",
        "AWS::RDS::DBCluster",
        "AWS::RDS::DBClusterParameterGroup",
        "AWS::RDS::DBInstance",
        "AWS::RDS::DBParameterGroup",
        "AWS::RDS::DBSubnetGroup",
        "AWS::Redshift::Cluster",
        "AWS::Redshift::ClusterParameterGroup",
        "AWS::Redshift::ClusterSubnetGroup",
        "AWS::S3::Bucket",
        "AWS::SES::EmailIdentity",
        "AWS::SNS::Topic",
        "AWS::SQS::Queue",
        "AWS::SageMaker::Endpoint",
        "AWS::SageMaker::EndpointConfig",
        "AWS::SageMaker::Model",
        "AWS::SageMaker::NotebookInstance",
        "AWS::SecretsManager::Secret",
        "AWS::StepFunctions::StateMachine",
        "AWS::WAFv2::WebACL",
    }
)
# Types whose `Tags` is a map of key to value.
TAGS_AS_MAP = frozenset(
    {
        "AWS::ApiGatewayV2::Api",
        "AWS::ApiGatewayV2::Stage",
        "AWS::Batch::ComputeEnvironment",
        "AWS::Batch::JobQueue",
        "AWS::DAX::Cluster",
        "AWS::Glue::Crawler",
        "AWS::Glue::Job",
        "AWS::MSK::Cluster",
        "AWS::SSM::Parameter",
    }
)
# Types that take their tags under another name: (property, "list" or "map").
OTHER_TAG_PROPERTIES = {
    "AWS::Route53::HostedZone": ("HostedZoneTags", "list"),
    "AWS::Route53::HealthCheck": ("HealthCheckTags", "list"),
    "AWS::EFS::FileSystem": ("FileSystemTags", "list"),
    "AWS::DataPipeline::Pipeline": ("PipelineTags", "list"),
    "AWS::Cognito::UserPool": ("UserPoolTags", "map"),
    "AWS::Backup::BackupVault": ("BackupVaultTags", "map"),
    "AWS::Backup::BackupPlan": ("BackupPlanTags", "map"),
}


# What many services accept in a tag value: letters, digits, spaces and _ . : / = + - @ (the Name tags keep the
# labels as they are; the Design tag is on every resource, so it keeps to what all of them take).
_NOT_IN_TAGS = re.compile(r"[^\w .:/=+\-@]")


DESIGN_TAG = "Design"


def name_tag(resource: dict[str, Any]) -> Any:
    """The value of a resource's Name tag (tags as CloudFormation lists them, or as a map), or None."""
    tags = (resource.get("Properties") or {}).get("Tags")
    if isinstance(tags, dict):
        return tags.get("Name")
    return next((t.get("Value") for t in tags or [] if isinstance(t, dict) and t.get("Key") == "Name"), None)


def design_tag(name: str) -> str:
    """The design's name as a tag value every taggable resource accepts (at most 256 characters)."""
    return " ".join(_NOT_IN_TAGS.sub("", name).split())[:256]


def tag_property(kind: str) -> tuple[str, str] | None:
    """(property, "list" or "map") of the tags a resource type takes, None for a type without tags."""
    if kind in TAGS_AS_LIST:
        return "Tags", "list"
    if kind in TAGS_AS_MAP:
        return "Tags", "map"
    return OTHER_TAG_PROPERTIES.get(kind)


# The types whose Terraform writer writes the template's tags as they are (an Auto Scaling group's tag blocks,
# which reach the instances it launches; tags under a property of their own), not less the provider's defaults.
TAGGED_BY_TERRAFORM_WRITER = {"AWS::AutoScaling::AutoScalingGroup", *OTHER_TAG_PROPERTIES}


def tag_everything(ctx: CfnContext) -> None:
    """Environment and Design on every resource that takes tags, after the tags it has (its Name first); not on
    generic resources, which are written as given."""
    extra = {
        "Environment": ctx.architecture.metadata.environment.value,
        DESIGN_TAG: design_tag(ctx.architecture.metadata.name),
    }
    # Worked out once per type, and the generic nodes' resources looked for only where there are generic nodes:
    # a large design has 70,000 resources of about thirty types.
    forms: dict[str, tuple[str, str] | None] = {}
    any_generic = bool(ctx.graph.by_type.get("generic"))
    # Terraform's provider gives these tags to every resource (default_tags), and its writers leave a resource's
    # own copy of one out: for Terraform, only the types whose writers write their tags themselves take them.
    tagged = (
        [logical for kind in sorted(TAGGED_BY_TERRAFORM_WRITER) for logical in ctx.of_type(kind)]
        if ctx.for_terraform
        else list(ctx.resources)
    )
    for logical in tagged:
        body = ctx.resources[logical]
        kind = body["Type"]
        if kind not in forms:
            forms[kind] = tag_property(kind)
        found = forms[kind]
        if found is None or (any_generic and _written_as_given(ctx, logical)):
            continue
        name, form = found
        props = body.setdefault("Properties", {})
        tags = props.get(name)
        if form == "map" or isinstance(tags, dict):
            props[name] = {**extra, **(tags or {})}
        else:
            props[name] = _with_list_tags(body["Type"], tags or [], extra)


def _written_as_given(ctx: CfnContext, logical: str) -> bool:
    """A generic resource (one the catalog has no service for) is written with the properties it was given."""
    node_id = ctx.made_for.get(logical, ("", ""))[0]
    node = ctx.architecture.nodes.get(node_id)
    return node is not None and getattr(node, "type", None) == "generic"


def _with_list_tags(kind: str, tags: list[Any], extra: dict[str, str]) -> list[Any]:
    present = {t.get("Key") for t in tags if isinstance(t, dict)}
    # Instances an Auto Scaling group launches carry its tags only when they propagate.
    propagate = {"PropagateAtLaunch": True} if kind == "AWS::AutoScaling::AutoScalingGroup" else {}
    return tags + [{"Key": k, "Value": v, **propagate} for k, v in extra.items() if k not in present]
