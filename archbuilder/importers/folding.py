"""What folds into a service rather than becoming a node: helper resources the design expresses by its
structure (route tables, listeners, permissions...) and companions that belong to exactly one service (its
security group, role, address, dead-letter queue...). Folded resources stay in the kept template and are
written back as they were (model/imported.py)."""

from __future__ import annotations

from typing import Any

from archbuilder.importers.reader import TemplateReader
from archbuilder.importers.references import refs
from archbuilder.importers.terraform_shape import PARTS

# Expressed by containment or connections in the model rather than as nodes of their own.
FOLDED = {
    "AWS::EC2::VPCGatewayAttachment",
    "AWS::EC2::RouteTable",
    "AWS::EC2::Route",
    "AWS::EC2::SubnetRouteTableAssociation",
    "AWS::RDS::DBSubnetGroup",
    "AWS::ElastiCache::SubnetGroup",
    "AWS::EC2::SecurityGroupIngress",
    "AWS::EC2::SecurityGroupEgress",
    "AWS::Lambda::Permission",
    "AWS::Lambda::EventSourceMapping",
    "AWS::ElasticLoadBalancingV2::TargetGroup",
    "AWS::ElasticLoadBalancingV2::Listener",
    "AWS::ElasticLoadBalancingV2::ListenerRule",
    "AWS::IAM::Policy",
    "AWS::IAM::InstanceProfile",
    "AWS::AutoScaling::LaunchConfiguration",
    "AWS::AutoScaling::ScalingPolicy",
    "AWS::EC2::LaunchTemplate",
    "AWS::S3::BucketPolicy",
    "AWS::SQS::QueuePolicy",
    "AWS::SNS::TopicPolicy",
    "AWS::SNS::Subscription",
    "AWS::EC2::SubnetNetworkAclAssociation",
    "AWS::EC2::NetworkAclEntry",
    "AWS::EC2::VPCDHCPOptionsAssociation",
    "AWS::ApiGateway::Deployment",
    "AWS::ApiGateway::Stage",
    "AWS::ApiGateway::Method",
    "AWS::ApiGateway::Resource",
    "AWS::ECS::TaskDefinition",
    # An ECS cluster's association with its capacity providers, and a provider (of an ECS service on EC2, whose
    # instances fold into the service: importers/capacity.py).
    "AWS::ECS::ClusterCapacityProviderAssociations",
    "AWS::ECS::CapacityProvider",
    "AWS::Route53::RecordSet",
    "AWS::CloudFront::OriginAccessControl",
    "AWS::EC2::EIPAssociation",
    "AWS::ApiGateway::Authorizer",
    "AWS::ApiGatewayV2::Integration",
    "AWS::ApiGatewayV2::Route",
    "AWS::ApiGatewayV2::Stage",
    "AWS::ApiGatewayV2::Deployment",
    "AWS::Backup::BackupPlan",
    "AWS::Backup::BackupSelection",
    "AWS::Cognito::UserPoolClient",
    "AWS::EFS::MountTarget",
    "AWS::EC2::VolumeAttachment",
    "AWS::AutoScaling::ScheduledAction",
    "AWS::AutoScaling::LifecycleHook",
    "AWS::ApplicationAutoScaling::ScalableTarget",
    "AWS::ApplicationAutoScaling::ScalingPolicy",
    "AWS::IAM::RolePolicy",
    "AWS::Cognito::UserPoolDomain",
    "AWS::Lambda::Version",
    "AWS::Lambda::Alias",
    "AWS::Lambda::EventInvokeConfig",
    "AWS::ElasticLoadBalancingV2::ListenerCertificate",
    "AWS::ApiGateway::UsagePlan",
    "AWS::ApiGateway::UsagePlanKey",
    "AWS::ApiGateway::BasePathMapping",
    "AWS::ApiGateway::RequestValidator",
    "AWS::ApiGateway::Model",
    "AWS::ApiGateway::GatewayResponse",
    "AWS::ApiGatewayV2::Authorizer",
    "AWS::ApiGatewayV2::ApiMapping",
    "AWS::EC2::TransitGatewayRoute",
    "AWS::RAM::ResourceShare",
    # A hand-written hub's own routing: its attachments (the generic type too), and which route tables they
    # join and propagate to.
    "AWS::EC2::TransitGatewayAttachment",
    "AWS::EC2::TransitGatewayPeeringAttachment",
    "AWS::EC2::TransitGatewayRouteTableAssociation",
    "AWS::EC2::TransitGatewayRouteTablePropagation",
    # A Batch environment's job queue; a SageMaker endpoint's configuration and model and an EMR cluster's
    # security configuration, which pass on to their service the keys, roles and groups they name.
    "AWS::Batch::JobQueue",
    "AWS::Batch::JobDefinition",
    # The access point the export's mounts of an EFS file system go through (file_mounts.py).
    "AWS::EFS::AccessPoint",
    "AWS::SageMaker::EndpointConfig",
    "AWS::SageMaker::Model",
    "AWS::EMR::SecurityConfiguration",
    # A Glue job's security configuration passes on to the job the key it encrypts with (kit.logs_key).
    "AWS::Glue::SecurityConfiguration",
    "AWS::CodeDeploy::DeploymentGroup",
    "AWS::EC2::FlowLog",
    # Config's delivery channel (the recorder's, ownership.SOLE_OWNERS), an Elastic Beanstalk environment's
    # application, and a web ACL's association with what it protects (read as an attach connection).
    "AWS::Config::DeliveryChannel",
    "AWS::ElasticBeanstalk::Application",
    "AWS::WAFv2::WebACLAssociation",
    # A secret's rotation schedule (its rotation_days), which names the secret and the function that rotates it.
    "AWS::SecretsManager::RotationSchedule",
    # Terraform splits some resources' settings into resources of their own; they belong to their owner.
    "Terraform::aws_s3_bucket_versioning",
    "Terraform::aws_s3_bucket_public_access_block",
    "Terraform::aws_s3_bucket_server_side_encryption_configuration",
    "Terraform::aws_api_gateway_integration",
    "Terraform::aws_api_gateway_method_response",
    "Terraform::aws_api_gateway_integration_response",
    "Terraform::aws_api_gateway_stage",
    "Terraform::aws_lb_target_group_attachment",
    "Terraform::aws_ecs_task_definition",
    # The provider declares a CloudHSM cluster's HSMs, which CloudFormation cannot: they are its HSM count.
    "Terraform::aws_cloudhsm_v2_hsm",
    # What a RAM share shares and with whom (the share's ResourceArns and Principals, terraform_shape.py).
    "Terraform::aws_ram_resource_association",
    "Terraform::aws_ram_principal_association",
}
FOLDED |= {f"Terraform::{part}" for part in PARTS}
# Properties (at any depth) whose references name a resource's own companions: security groups, roles,
# instance profiles, launch templates, addresses, dead-letter queues, trail buckets, crawler databases, and the
# parameter groups, cache policies and security configurations the export writes for one service.
COMPANION_KEYS = frozenset(
    {
        "SecurityGroups",
        "SecurityGroupIds",
        "VpcSecurityGroupIds",
        "VPCSecurityGroups",
        "GroupSet",
        "Role",
        "RoleArn",
        "RoleARN",
        "TaskRoleArn",
        "ExecutionRoleArn",
        "executionRoleArn",  # a Batch job definition's container properties, as Terraform writes them
        "IamInstanceProfile",
        "S3BucketName",
        "LaunchTemplate",
        "LaunchConfigurationName",
        "TaskDefinition",
        "AllocationId",
        "RedrivePolicy",
        "DatabaseName",
        "DBParameterGroupName",
        "DBClusterParameterGroupName",
        "ClusterParameterGroupName",
        "SecurityConfiguration",
        "CachePolicyId",
        "AdditionalMasterSecurityGroups",
        "AdditionalSlaveSecurityGroups",
        # Batch and EMR name their service and instance roles here; a SageMaker endpoint names its configuration,
        # which names its model; a data pipeline names its roles in its objects' fields.
        "ServiceRole",
        "InstanceRole",
        "JobFlowRole",
        "AutoScalingRole",
        "EndpointConfigName",
        "ModelName",
        "StringValue",
        "ServiceRoleArn",
        "ArtifactStore",
        # An EKS node group's role, and the role an API's AWS service integration calls the service with (a REST
        # API's method, an HTTP API's integration).
        "NodeRole",
        "Credentials",
        "CredentialsArn",
        # The key a service encrypts with (KMS keys fold only into the owners FOLDABLE lists), and a Glue
        # security configuration's.
        "KmsKeyId",
        "KmsKeyArn",
        # The role a backup selection backs up with, and a DAX cluster's.
        "IamRoleArn",
        "IAMRoleARN",
        "AwsKmsKey",
        # What the export's production defaults give a VPC, a function and a load balancer of their own: flow
        # logs' group and delivery role, a function's log group and dead-letter queue, access logs' bucket.
        "LogGroupName",
        "LogDestination",
        "DeliverLogsPermissionArn",
        "LoggingConfig",
        "DeadLetterConfig",
        "LoadBalancerAttributes",
        "AccessLogs",
        # The function a secret's rotation schedule calls.
        "RotationLambdaARN",
    }
)
# Resource types that are the same kind of service as the catalog type they name, beside its primary type.
SAME_SERVICE = {
    "AWS::DynamoDB::GlobalTable",
    "AWS::Elasticsearch::Domain",
    "AWS::ElastiCache::CacheCluster",
    "AWS::Serverless::Function",
}
# The option settings of an Elastic Beanstalk environment that name its own companions.
BEANSTALK_COMPANION_OPTIONS = {"IamInstanceProfile", "ServiceRole", "SecurityGroups"}
# Companion type -> the owner types it may fold into (None: any).
FOLDABLE: dict[str, set[str] | None] = {
    "AWS::EC2::SecurityGroup": None,
    "AWS::IAM::Role": None,
    "AWS::S3::Bucket": {
        "AWS::CloudTrail::Trail",
        "AWS::CodePipeline::Pipeline",
        "AWS::Config::ConfigurationRecorder",
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
    },  # a trail's, a pipeline's artifacts, what Config records, a load balancer's access logs
    "AWS::EC2::EIP": {"AWS::EC2::NatGateway"},
    "AWS::SQS::Queue": {"AWS::SQS::Queue", "AWS::Lambda::Function"},
    "AWS::Logs::LogGroup": {"AWS::EC2::VPC", "AWS::Lambda::Function"},
    # The rotation function the export writes for a secret (secret_rotation.py).
    "AWS::Lambda::Function": {"AWS::SecretsManager::Secret"},
    "AWS::Glue::Database": {"AWS::Glue::Crawler"},
    # Settings the export writes as resources of a service's own (its properties say them again).
    "AWS::RDS::DBParameterGroup": {"AWS::RDS::DBInstance"},
    "AWS::RDS::DBClusterParameterGroup": {"AWS::RDS::DBCluster"},
    "AWS::Redshift::ClusterParameterGroup": {"AWS::Redshift::Cluster"},
    "AWS::CloudFront::CachePolicy": {"AWS::CloudFront::Distribution"},
    # A key the export makes for one service's encryption (kit.own_key, logs_key), not a key drawn as a node.
    "AWS::KMS::Key": {
        "AWS::SageMaker::Endpoint",
        "AWS::SageMaker::NotebookInstance",
        "AWS::Glue::Job",
        "AWS::EMR::Cluster",
        "AWS::Logs::LogGroup",
    },
}

# Companions the export's production defaults add (exporters/cloudformation/production.py, access_logs.py) fold
# only under the name the export gives them, the owner's name and a suffix: a dead-letter queue, log group or
# log bucket a template names otherwise is a resource drawn in its own right (compared without case or "_", as
# Terraform names them in snake case).
NAMED_BY_OWNER: dict[tuple[str, str], str] = {
    ("AWS::SQS::Queue", "AWS::Lambda::Function"): "DeadLetterQueue",
    ("AWS::Logs::LogGroup", "AWS::Lambda::Function"): "LogGroup",
    ("AWS::Logs::LogGroup", "AWS::EC2::VPC"): "FlowLogs",
    ("AWS::S3::Bucket", "AWS::ElasticLoadBalancingV2::LoadBalancer"): "Logs",
    ("AWS::Lambda::Function", "AWS::SecretsManager::Secret"): "RotationFunction",
}


def named_by_owner(companion: str, owner: str, suffix: str) -> bool:
    def plain(name: str) -> str:
        return name.replace("_", "").lower()

    return plain(companion) == plain(owner + suffix)


def keyed_refs(value: Any, keys: frozenset[str]) -> list[str]:
    """References found under any of `keys`, at any depth of `value`."""
    found: list[str] = []
    _gather_keyed(value, keys, found)
    return found


def _gather_keyed(value: Any, keys: frozenset[str], found: list[str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if key in keys:
                found += refs(item)
            else:
                _gather_keyed(item, keys, found)
    elif isinstance(value, list):
        for item in value:
            _gather_keyed(item, keys, found)


class CompanionInference(TemplateReader):
    _users_of_companions: dict[str, set[str]] | None = None

    def _companions(self) -> dict[str, str]:
        """Security groups, roles and trail buckets that belong to exactly one service: the model derives those
        (one group and one role per service), so they fold into their owner. Returns companion -> owner."""
        users = self._companion_users()
        owners: dict[str, str] = {}
        for companion in users:
            kind = self._type(companion)
            direct = self._final_users(users, companion)
            if kind not in FOLDABLE or len(direct) != 1:
                continue
            owner = next(iter(direct))
            allowed = FOLDABLE[kind]
            if allowed is not None and self._type(owner) not in allowed:
                continue
            suffix = NAMED_BY_OWNER.get((kind, self._type(owner)))
            if suffix is not None and not named_by_owner(companion, owner, suffix):
                continue
            owners[companion] = owner
        return owners

    def _companion_users(self) -> dict[str, set[str]]:
        """Companion -> the resources naming it where a companion is named. Gathered once (the import asks it
        when folding companions and again when attaching groups drawn as nodes): a template's properties do not
        change while it is read (TemplateReader._refs_in)."""
        if self._users_of_companions is None:
            self._users_of_companions = self._gather_companion_users()
        return self._users_of_companions

    def _gather_companion_users(self) -> dict[str, set[str]]:
        users: dict[str, set[str]] = {}
        for logical in self.resources:
            # At any depth: ECS services name their groups under AwsvpcConfiguration, Firehose its role
            # under the destination, launch templates under LaunchTemplateData.
            for ref in keyed_refs(self._props(logical), COMPANION_KEYS):
                users.setdefault(ref, set()).add(logical)
        # An Elastic Beanstalk environment names its instance profile, service role and groups in option settings.
        for logical in self.resources:
            if self._type(logical) != "AWS::ElasticBeanstalk::Environment":
                continue
            for setting in self._props(logical).get("OptionSettings") or []:
                if isinstance(setting, dict) and setting.get("OptionName") in BEANSTALK_COMPANION_OPTIONS:
                    for ref in refs(setting.get("Value")):
                        users.setdefault(ref, set()).add(logical)
        for profile in [name for name in self.resources if self._type(name) == "AWS::IAM::InstanceProfile"]:
            for role in refs(self._props(profile).get("Roles")):
                users.setdefault(role, set()).update(users.get(profile, set()))
        return users

    def _final_users(
        self, users: dict[str, set[str]], name: str, seen: frozenset[str] = frozenset()
    ) -> set[str]:
        """A launch template or instance profile passes its role and groups on to whoever uses it; a mount
        target no one names passes its group on to the file system it belongs to."""
        result: set[str] = set()
        for user in users.get(name, set()):
            if user in seen:
                continue
            if self._type(user) in FOLDED:
                onward = self._final_users(users, user, seen | {name})
                owner = self._helper_owner(user)
                result |= onward or ({owner} if owner and owner != name and owner not in seen else set())
            else:
                result.add(user)
        return result

    def _helper_owner(self, helper: str, seen: frozenset[str] = frozenset()) -> str | None:
        """The resource a helper names as the one it belongs to (a mount target's file system), through helpers
        that name theirs in turn (a backup selection names its plan, which names its vault)."""
        from archbuilder.importers.ownership import named_owners

        owner = next((name for name in named_owners(self, helper) if name in self.resources), None)
        if owner is None or owner in seen | {helper}:
            return None
        return self._helper_owner(owner, seen | {helper}) if self._type(owner) in FOLDED else owner

    def _folds(self, logical: str, kind: str) -> bool:
        """Whether a resource folds into another: a helper type, a companion type the catalog lists after a
        service's own (a DAX subnet group), an Aurora cluster's member instance."""
        if kind in FOLDED:
            return True
        if kind == "AWS::RDS::DBInstance" and self._props(logical).get("DBClusterIdentifier") is not None:
            return True
        service = self.catalog.by_cfn_type(kind)
        return service is not None and service.cfn_types[0] != kind and kind not in SAME_SERVICE
