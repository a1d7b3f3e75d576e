"""The one list of what a deploy in moto (5.2.6) cannot create, each with the reason, and what stands in for it.

A deploy in moto leaves these resource types out of the stack and gives every reference to one a stand-in value:
an ARN (`arn:aws:s3:::<name>`) for an ARN attribute, `<name>.placeholder.example` for any other attribute, the
name for a Ref (cfn_tools.moto_deployable). Everything moto can create is created and described; a type that is
neither emulated nor listed here fails the deploy helper, so a new type must be declared with its reason.

Two parts of a deploy are read or made past moto's CloudFormation, so that the topology checks
(moto_topology.py) still see them: scaling policies, which its CloudFormation does not create, are put through
the Auto Scaling API with the template's properties on the group the stack made; subnet route table
associations, which its CloudFormation records apart from the route tables (describe_route_tables does not list
them), are read from its EC2 backend.
"""

from __future__ import annotations

# moto emulates the service's API, but its CloudFormation engine has no model for the type.
NO_CLOUDFORMATION_MODEL = (
    "moto emulates the service's API but its CloudFormation engine has no model for this type"
)
# moto does not emulate the service at all.
NO_SERVICE = "moto does not emulate this service"
# moto emulates the service, but not this part of it in CloudFormation.
NO_PART = "moto's CloudFormation engine creates the service's main resource but has no model for this part"
# moto's CloudFormation has no model for it, but its API does: the topology checks put it through the API.
PUT_THROUGH_API = "moto's CloudFormation has no model for it; put through the service's API after the stack"

STAND_INS: dict[str, str] = {
    "AWS::ApiGateway::Authorizer": NO_PART,
    "AWS::ApiGatewayV2::Api": NO_CLOUDFORMATION_MODEL,
    "AWS::ApiGatewayV2::Integration": NO_CLOUDFORMATION_MODEL,
    "AWS::ApiGatewayV2::Route": NO_CLOUDFORMATION_MODEL,
    "AWS::ApiGatewayV2::Stage": NO_CLOUDFORMATION_MODEL,
    "AWS::ApplicationAutoScaling::ScalableTarget": NO_CLOUDFORMATION_MODEL,
    "AWS::ApplicationAutoScaling::ScalingPolicy": NO_CLOUDFORMATION_MODEL,
    "AWS::Athena::WorkGroup": NO_CLOUDFORMATION_MODEL,
    "AWS::AutoScaling::ScalingPolicy": PUT_THROUGH_API,
    "AWS::Backup::BackupPlan": NO_CLOUDFORMATION_MODEL,
    "AWS::Backup::BackupSelection": NO_CLOUDFORMATION_MODEL,
    "AWS::Backup::BackupVault": NO_CLOUDFORMATION_MODEL,
    "AWS::CertificateManager::Certificate": NO_CLOUDFORMATION_MODEL,
    "AWS::CloudFront::CachePolicy": NO_CLOUDFORMATION_MODEL,
    "AWS::CloudFront::Distribution": NO_CLOUDFORMATION_MODEL,
    "AWS::CloudFront::OriginAccessControl": NO_CLOUDFORMATION_MODEL,
    "AWS::CloudHSM::Cluster": NO_CLOUDFORMATION_MODEL,
    "AWS::CloudTrail::Trail": NO_CLOUDFORMATION_MODEL,
    "AWS::CloudWatch::Alarm": NO_PART,
    "AWS::CodeBuild::Project": NO_CLOUDFORMATION_MODEL,
    "AWS::CodeCommit::Repository": NO_CLOUDFORMATION_MODEL,
    "AWS::CodeDeploy::Application": NO_CLOUDFORMATION_MODEL,
    "AWS::CodeDeploy::DeploymentGroup": NO_CLOUDFORMATION_MODEL,
    "AWS::CodePipeline::Pipeline": NO_CLOUDFORMATION_MODEL,
    "AWS::Cognito::UserPool": NO_CLOUDFORMATION_MODEL,
    "AWS::Cognito::UserPoolClient": NO_CLOUDFORMATION_MODEL,
    "AWS::Config::ConfigurationRecorder": NO_CLOUDFORMATION_MODEL,
    "AWS::Config::DeliveryChannel": NO_CLOUDFORMATION_MODEL,
    "AWS::DAX::Cluster": NO_CLOUDFORMATION_MODEL,
    "AWS::DAX::SubnetGroup": NO_CLOUDFORMATION_MODEL,
    "AWS::DirectConnect::Connection": NO_CLOUDFORMATION_MODEL,
    "AWS::DirectConnect::DirectConnectGateway": NO_CLOUDFORMATION_MODEL,
    "AWS::DirectConnect::DirectConnectGatewayAssociation": NO_CLOUDFORMATION_MODEL,
    "AWS::DocDB::DBCluster": NO_CLOUDFORMATION_MODEL,
    "AWS::DocDB::DBClusterParameterGroup": NO_CLOUDFORMATION_MODEL,
    "AWS::DocDB::DBInstance": NO_CLOUDFORMATION_MODEL,
    "AWS::DocDB::DBSubnetGroup": NO_CLOUDFORMATION_MODEL,
    "AWS::EC2::CustomerGateway": NO_PART,
    "AWS::ECS::CapacityProvider": PUT_THROUGH_API,
    "AWS::ECS::ClusterCapacityProviderAssociations": PUT_THROUGH_API,
    "AWS::EC2::NetworkAcl": NO_PART,
    "AWS::EC2::NetworkAclEntry": NO_PART,
    "AWS::EC2::SubnetNetworkAclAssociation": NO_PART,
    "AWS::EC2::TransitGatewayVpcAttachment": NO_PART,
    "AWS::EC2::VPNConnection": NO_PART,
    "AWS::EC2::VPNConnectionRoute": NO_PART,
    "AWS::EC2::VPNGatewayRoutePropagation": NO_PART,
    "AWS::EKS::Cluster": NO_CLOUDFORMATION_MODEL,
    "AWS::EKS::Nodegroup": NO_CLOUDFORMATION_MODEL,
    "AWS::ElastiCache::ReplicationGroup": NO_CLOUDFORMATION_MODEL,
    "AWS::ElastiCache::SubnetGroup": NO_CLOUDFORMATION_MODEL,
    "AWS::ElasticBeanstalk::Application": NO_CLOUDFORMATION_MODEL,
    "AWS::ElasticBeanstalk::Environment": NO_CLOUDFORMATION_MODEL,
    "AWS::FSx::FileSystem": NO_CLOUDFORMATION_MODEL,
    "AWS::GlobalAccelerator::Accelerator": NO_SERVICE,
    "AWS::GlobalAccelerator::EndpointGroup": NO_SERVICE,
    "AWS::GlobalAccelerator::Listener": NO_SERVICE,
    "AWS::Glue::Crawler": NO_CLOUDFORMATION_MODEL,
    "AWS::Glue::Database": NO_CLOUDFORMATION_MODEL,
    "AWS::Glue::Job": NO_CLOUDFORMATION_MODEL,
    "AWS::Glue::SecurityConfiguration": NO_CLOUDFORMATION_MODEL,
    "AWS::GuardDuty::Detector": NO_CLOUDFORMATION_MODEL,
    "AWS::IoT::TopicRule": NO_CLOUDFORMATION_MODEL,
    "AWS::KinesisFirehose::DeliveryStream": NO_CLOUDFORMATION_MODEL,
    "AWS::MSK::Cluster": NO_CLOUDFORMATION_MODEL,
    "AWS::Neptune::DBCluster": NO_CLOUDFORMATION_MODEL,
    "AWS::Neptune::DBInstance": NO_CLOUDFORMATION_MODEL,
    "AWS::Neptune::DBSubnetGroup": NO_CLOUDFORMATION_MODEL,
    "AWS::OpenSearchService::Domain": NO_CLOUDFORMATION_MODEL,
    "AWS::RAM::ResourceShare": NO_CLOUDFORMATION_MODEL,
    "AWS::RDS::DBCluster": NO_PART,
    "AWS::RDS::DBClusterParameterGroup": NO_PART,
    "AWS::S3::BucketPolicy": NO_PART,
    "AWS::SES::EmailIdentity": NO_CLOUDFORMATION_MODEL,
    "AWS::SNS::Subscription": NO_PART,
    "AWS::SNS::TopicPolicy": NO_PART,
    "AWS::SQS::QueuePolicy": NO_PART,
    "AWS::SecretsManager::RotationSchedule": NO_CLOUDFORMATION_MODEL,
    "AWS::SecretsManager::Secret": NO_CLOUDFORMATION_MODEL,
    "AWS::Shield::Protection": NO_CLOUDFORMATION_MODEL,
    "AWS::WAFv2::WebACL": NO_CLOUDFORMATION_MODEL,
    "AWS::WAFv2::WebACLAssociation": NO_CLOUDFORMATION_MODEL,
    "AWS::XRay::Group": NO_CLOUDFORMATION_MODEL,
}

# Resources that are only about a left-out resource, by the property naming it: they are left out with it.
LEFT_OUT_WITH: dict[str, str] = {
    # A rule of the security group a left-out service makes for itself (a CloudHSM cluster's).
    "AWS::EC2::SecurityGroupIngress": "GroupId",
}

# moto's CloudFormation model creates every ElasticLoadBalancingV2 load balancer as an application one (it reads no
# Type), and then refuses a TCP, UDP or TLS listener on it: a network load balancer's listeners are left out.
# Left-out types whose Ref is an ARN that the template takes apart: the stand-in for a Ref to one has the ARN's
# shape (an MSK cluster's topic and group ARNs are built from `...:cluster/<name>/<uuid>`, cluster_grants.py).
REF_STAND_INS: dict[str, str] = {
    "AWS::MSK::Cluster": "arn:aws:kafka:us-east-1:123456789012:cluster/{name}/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0-1",
}

# Types moto creates but answers no GetAtt of (its model has no attributes): the ARN a GetAtt of one names is built
# from its Ref for moto, as AWS would give it.
ARNS_FROM_REF: dict[str, str] = {
    "AWS::EFS::AccessPoint": "arn:aws:elasticfilesystem:${{AWS::Region}}:${{AWS::AccountId}}:access-point/${{{name}}}",
}

NETWORK_LISTENER = "AWS::ElasticLoadBalancingV2::Listener"


def network_listeners(resources: dict[str, dict[str, object]]) -> list[str]:
    """The listeners of network load balancers (left out of a deploy in moto, as above)."""
    network = {
        name
        for name, body in resources.items()
        if body["Type"] == "AWS::ElasticLoadBalancingV2::LoadBalancer"
        and (body.get("Properties") or {}).get("Type") == "network"  # type: ignore[union-attr]
    }
    return sorted(
        name
        for name, body in resources.items()
        if body["Type"] == NETWORK_LISTENER
        and ((body.get("Properties") or {}).get("LoadBalancerArn") or {}).get("Ref") in network  # type: ignore[union-attr]
    )


# moto cannot create an Aurora member instance without an engine version of its own (AWS takes the cluster's, and
# the template rightly names none) and ignores DBClusterIdentifier: the members get a version moto knows.
MEMBER_ENGINE_VERSIONS = {"aurora-postgresql": "16.4", "aurora-mysql": "8.0.mysql_aurora.3.05.2"}


# moto's Batch job definition model reads RetryStrategy as if CloudFormation required it (AWS does not; without it a
# job is tried once): a job definition without one is given that, one attempt, for moto only.
ONE_ATTEMPT = {"Attempts": 1}


def with_member_versions(resources: dict[str, dict[str, object]]) -> dict[str, dict[str, object]]:
    """The resources, an Aurora member instance given the stand-in version of its engine, and a job definition its
    one attempt (ONE_ATTEMPT)."""
    given = {}
    for name, body in resources.items():
        props = body.get("Properties") or {}
        if (
            body["Type"] == "AWS::Batch::JobDefinition"
            and isinstance(props, dict)
            and "RetryStrategy" not in props
        ):
            body = {**body, "Properties": {**props, "RetryStrategy": ONE_ATTEMPT}}
        engine = props.get("Engine") if isinstance(props, dict) else None
        if (
            body["Type"] == "AWS::RDS::DBInstance"
            and isinstance(props, dict)
            and "DBClusterIdentifier" in props
            and engine in MEMBER_ENGINE_VERSIONS
        ):
            body = {**body, "Properties": {**props, "EngineVersion": MEMBER_ENGINE_VERSIONS[str(engine)]}}
        given[name] = body
    return given


def stand_in_parameter(name: str, spec: dict[str, object]) -> str:
    """The value a deploy in moto gives a parameter the template leaves for the deployment to give (no default):
    moto checks no image, location or ARN, so a recognisable word stands in; but for the certificate of a secure
    listener drawn without one (listeners.certificate_arn), which moto's load balancers look up in its ACM unless
    it is an IAM server certificate's: the ARN of one stands in."""
    if name.endswith("CertificateArn"):
        return f"arn:aws:iam::123456789012:server-certificate/stand-in-{name.lower()}"
    return f"stand-in-{name.lower()}"
