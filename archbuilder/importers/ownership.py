"""Which node each resource of a template belongs to, and the kept template an import leaves on the design
(model/imported.py) so that export writes back what the design does not model."""

from __future__ import annotations

import copy
from typing import Any

from archbuilder.importers.owner_search import OwnerSearch
from archbuilder.importers.reader import TemplateReader
from archbuilder.importers.references import refs
from archbuilder.model.imported import ImportedSource, SourceFormat

# The property naming the resource a helper belongs to: a route to its table, a permission to its function...
OWNER_KEYS = {
    "AWS::EC2::VPCGatewayAttachment": "InternetGatewayId",
    "AWS::EC2::Route": "RouteTableId",
    "AWS::EC2::RouteTable": "VpcId",
    "AWS::EC2::SubnetRouteTableAssociation": "SubnetId",
    "AWS::EC2::SecurityGroupIngress": "GroupId",
    "AWS::EC2::SecurityGroupEgress": "GroupId",
    "AWS::Lambda::Permission": "FunctionName",
    "AWS::SecretsManager::RotationSchedule": "SecretId",
    "AWS::Lambda::EventSourceMapping": "FunctionName",
    "AWS::ElasticLoadBalancingV2::Listener": "LoadBalancerArn",
    "AWS::ElasticLoadBalancingV2::ListenerRule": "ListenerArn",
    "AWS::IAM::Policy": "Roles",
    "AWS::IAM::InstanceProfile": "Roles",
    "AWS::S3::BucketPolicy": "Bucket",
    "AWS::SQS::QueuePolicy": "Queues",
    "AWS::SNS::TopicPolicy": "Topics",
    "AWS::SNS::Subscription": "TopicArn",
    "AWS::ApiGateway::Deployment": "RestApiId",
    "AWS::ApiGateway::Stage": "RestApiId",
    "AWS::ApiGateway::Method": "RestApiId",
    "AWS::ApiGateway::Resource": "RestApiId",
    "AWS::ApiGateway::Authorizer": "RestApiId",
    "AWS::Route53::RecordSet": "HostedZoneId",
    "AWS::EC2::EIPAssociation": "InstanceId",
    "AWS::EC2::SubnetNetworkAclAssociation": "SubnetId",
    "AWS::EC2::NetworkAclEntry": "NetworkAclId",
    "AWS::EFS::MountTarget": "FileSystemId",
    "AWS::EFS::AccessPoint": "FileSystemId",
    "AWS::RDS::DBInstance": "DBClusterIdentifier",
    "AWS::ApiGatewayV2::Integration": "ApiId",
    "AWS::ApiGatewayV2::Route": "ApiId",
    "AWS::ApiGatewayV2::Stage": "ApiId",
    "AWS::ApiGatewayV2::Deployment": "ApiId",
    "AWS::Backup::BackupSelection": "BackupPlanId",
    "AWS::Backup::BackupPlan": "BackupPlan",  # its rules' target vault
    "AWS::Cognito::UserPoolClient": "UserPoolId",
    "AWS::EC2::VolumeAttachment": "VolumeId",
    "AWS::AutoScaling::ScalingPolicy": "AutoScalingGroupName",
    "AWS::AutoScaling::ScheduledAction": "AutoScalingGroupName",
    "AWS::AutoScaling::LifecycleHook": "AutoScalingGroupName",
    "AWS::ApplicationAutoScaling::ScalableTarget": "ResourceId",
    "AWS::ApplicationAutoScaling::ScalingPolicy": "ScalingTargetId",
    "AWS::IAM::RolePolicy": "RoleName",
    "AWS::Cognito::UserPoolDomain": "UserPoolId",
    "AWS::Lambda::Version": "FunctionName",
    "AWS::Lambda::Alias": "FunctionName",
    "AWS::Lambda::EventInvokeConfig": "FunctionName",
    "AWS::ElasticLoadBalancingV2::ListenerCertificate": "ListenerArn",
    "AWS::ApiGateway::UsagePlan": "ApiStages",
    "AWS::ApiGateway::BasePathMapping": "RestApiId",
    "AWS::ApiGateway::RequestValidator": "RestApiId",
    "AWS::ApiGateway::Model": "RestApiId",
    "AWS::ApiGateway::GatewayResponse": "RestApiId",
    "AWS::ApiGatewayV2::Authorizer": "ApiId",
    "AWS::ApiGatewayV2::ApiMapping": "ApiId",
    "AWS::EC2::TransitGatewayVpcAttachment": "TransitGatewayId",
    "AWS::EC2::TransitGatewayRoute": "TransitGatewayRouteTableId",
    "AWS::EC2::TransitGatewayAttachment": "TransitGatewayId",
    "AWS::EC2::TransitGatewayPeeringAttachment": "TransitGatewayId",
    "AWS::EC2::TransitGatewayRouteTableAssociation": "TransitGatewayRouteTableId",
    "AWS::EC2::TransitGatewayRouteTablePropagation": "TransitGatewayRouteTableId",
    "AWS::Batch::JobQueue": "ComputeEnvironmentOrder",
    "AWS::CodeDeploy::DeploymentGroup": "ApplicationName",
    "AWS::RAM::ResourceShare": "ResourceArns",
    "AWS::EC2::FlowLog": "ResourceId",
    "AWS::EC2::VPNConnectionRoute": "VpnConnectionId",
    "AWS::ECS::ClusterCapacityProviderAssociations": "Cluster",
    "AWS::EC2::VPNGatewayRoutePropagation": "VpnGatewayId",
    "AWS::DirectConnect::DirectConnectGatewayAssociation": "DirectConnectGatewayId",
    "AWS::WAFv2::WebACLAssociation": "WebACLArn",
    "Terraform::aws_cloudhsm_v2_hsm": "ClusterId",
}
# Helpers that name no owner but of which AWS allows one per account and region, as of their owner: a delivery
# channel is the configuration recorder's (AWS Config allows one of each per region).
SOLE_OWNERS = {"AWS::Config::DeliveryChannel": "AWS::Config::ConfigurationRecorder"}


# Helpers that name no owner, which the export names after theirs, by their type: (the owner's type, the suffix
# of the helper's name). A Batch environment's job definition names neither it nor its queue.
NAMED_AFTER_OWNER = {"AWS::Batch::JobDefinition": ("AWS::Batch::ComputeEnvironment", "JobDefinition")}


def named_owners(reader: TemplateReader, helper: str) -> list[str]:
    """The resources a helper names as the one it belongs to (its OWNER_KEYS property), else the one resource of
    its sole owner's type, else the one whose name it bears (compared without case or "_", as Terraform names
    them in snake case)."""
    kind = reader._type(helper)
    key = OWNER_KEYS.get(kind)
    if key:
        return refs(reader._props(helper).get(key))
    if kind in NAMED_AFTER_OWNER:
        owner_type, suffix = NAMED_AFTER_OWNER[kind]
        plain = helper.replace("_", "").lower()
        return [
            name
            for name in reader.resources
            if reader._type(name) == owner_type and (name + suffix).replace("_", "").lower() == plain
        ]
    if kind in SOLE_OWNERS:
        owners = [name for name in reader.resources if reader._type(name) == SOLE_OWNERS[kind]]
        return owners if len(owners) == 1 else []
    return []


# Properties that give a resource its name, which a helper may use instead of a reference.
NAME_KEYS = ("BucketName", "QueueName", "TopicName", "FunctionName", "RoleName", "TableName")


class Ownership(TemplateReader):
    def _resource_owners(self) -> dict[str, str]:
        """Resource -> node id: a node's own resource, a companion folded into it, and a helper by the resource
        it names (OWNER_KEYS, else its first reference to an owned resource, else the first owned resource
        referring to it). Resources of no node (a parameter-driven helper of nothing) are left out."""
        owned = dict(self.nodes)
        for companion, owner in self.owners.items():
            if owner in self.nodes:
                owned[companion] = self.nodes[owner]
        owned |= self._catalog_companion_owners(owned)
        pending = [name for name in self.resources if name not in owned]
        OwnerSearch(self, pending, owned).owners()
        return owned

    def _catalog_companion_owners(self, owned: dict[str, str]) -> dict[str, str]:
        """Resources of a type the catalog lists among a service's own (a subnet group, a parameter group) that
        exactly one resource of that service's primary type names: they belong to its node (a subnet group names
        its subnets, but deleting a subnet should not take a database's group, and deleting the database should)."""
        primaries: dict[str, set[str]] = {}
        for service in self.catalog:
            for kind in service.cfn_types[1:]:
                primaries.setdefault(kind, set()).add(service.cfn_types[0])
        # Who names whom, read once: asking every owned resource about every companion was quadratic (a 5 MB
        # template of 2,000 subnet groups took 50 s).
        primary_types = set().union(*primaries.values()) if primaries else set()
        named_by: dict[str, list[str]] = {}
        for user in owned:
            if self._type(user) in primary_types:
                for name in dict.fromkeys(self._refs_in(user)):
                    named_by.setdefault(name, []).append(user)
        found = {}
        for name in self.resources:
            kinds = primaries.get(self._type(name))
            if name in owned or not kinds:
                continue
            users = [u for u in named_by.get(name, ()) if self._type(u) in kinds]
            if len(users) == 1:
                found[name] = owned[users[0]]
        return found

    def _imported_source(self, fmt: SourceFormat, kept: dict[str, Any] | None = None) -> ImportedSource:
        """What the design keeps of its source: `kept` as its template when given (the Terraform import keeps
        the files' text, not the CloudFormation shape it reads), else a copy of the template read."""
        nodes = [node.model_copy(deep=True) for node in self.arch.nodes.values()]
        return ImportedSource(
            format=fmt,
            template=copy.deepcopy(self.template) if kept is None else kept,
            order=list(self.resources),
            owners=self._resource_owners(),
            names={node_id: logical for logical, node_id in self.nodes.items()},
            baseline_metadata=self.arch.metadata.model_copy(),
            baseline_nodes=sorted(nodes, key=lambda n: n.id),
            baseline_connections=sorted(
                (c.model_copy() for c in self.arch.connections.values()), key=lambda c: c.id
            ),
        )


def design_name(description: Any, fallback: str, recorded: Any = None) -> tuple[str, str]:
    """(name, description) of the design: the name the exporter recorded in the template's Metadata, and the
    Description it wrote as `name: text`; else guessed from the Description."""
    if isinstance(recorded, str) and 0 < len(recorded) <= 200:
        text = description if isinstance(description, str) else ""
        return recorded, text.removeprefix(recorded).removeprefix(": ")[:10_000]
    if not isinstance(description, str) or not description.strip():
        return fallback, ""
    head, colon, rest = description.partition(": ")
    if colon and 0 < len(head) <= 60 and "\n" not in head and "://" not in head:
        return head.strip(), rest.strip()[:10_000]
    if len(description) <= 80 and "\n" not in description.strip():
        return description.strip(), ""  # a design without a description exports its name alone
    return fallback, description[:10_000]
