"""Shared state while a CloudFormation template is assembled: names, resources, parameters, outputs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import attached_security_groups
from archbuilder.model import AnyNode, Architecture, ServiceNode, SubnetNode
from archbuilder.model.naming import Names, pascal

Json = Any


def ref(name: str) -> dict[str, str]:
    return {"Ref": name}


def get_att(name: str, attribute: str) -> dict[str, list[str]]:
    return {"Fn::GetAtt": [name, attribute]}


def sub(text: str) -> dict[str, str]:
    return {"Fn::Sub": text}


# Companion suffixes the renderers use -> the resource types such a companion has, to find the one an imported
# template folded into a node.
COMPANION_TYPES: dict[str, tuple[str, ...]] = {
    "Role": ("AWS::IAM::Role",),
    "SecurityGroup": ("AWS::EC2::SecurityGroup",),
    "DeadLetterQueue": ("AWS::SQS::Queue",),
    "Bucket": ("AWS::S3::Bucket",),
    "BucketPolicy": ("AWS::S3::BucketPolicy",),
    "Eip": ("AWS::EC2::EIP",),
    "SubnetGroup": (
        "AWS::RDS::DBSubnetGroup",
        "AWS::ElastiCache::SubnetGroup",
        "AWS::Redshift::ClusterSubnetGroup",
        "AWS::DAX::SubnetGroup",
    ),
    "ParameterGroup": (
        "AWS::RDS::DBParameterGroup",
        "AWS::RDS::DBClusterParameterGroup",
        "AWS::Redshift::ClusterParameterGroup",
    ),
    "InstanceProfile": ("AWS::IAM::InstanceProfile",),
    "LaunchTemplate": ("AWS::EC2::LaunchTemplate",),
    "Listener": ("AWS::ElasticLoadBalancingV2::Listener",),
    "TargetGroup": ("AWS::ElasticLoadBalancingV2::TargetGroup",),
    "Deployment": ("AWS::ApiGateway::Deployment",),
    "Stage": ("AWS::ApiGateway::Stage", "AWS::ApiGatewayV2::Stage"),
    "TaskDefinition": ("AWS::ECS::TaskDefinition",),
    "Database": ("AWS::Glue::Database",),
    "SecurityConfiguration": ("AWS::Glue::SecurityConfiguration",),
    "CachePolicy": ("AWS::CloudFront::CachePolicy",),
    "Attachment": ("AWS::EC2::VPCGatewayAttachment",),
}


@dataclass
class CfnContext:
    architecture: Architecture
    graph: ArchGraph
    names: Names = field(default_factory=Names)
    # Added with add(), which keeps them listed by type (of_type).
    resources: dict[str, dict[str, Any]] = field(default_factory=dict)
    parameters: dict[str, dict[str, Any]] = field(default_factory=dict)
    outputs: dict[str, dict[str, Any]] = field(default_factory=dict)
    conditions: dict[str, Any] = field(default_factory=dict)
    mappings: dict[str, Any] = field(default_factory=dict)
    rules: dict[str, Any] = field(default_factory=dict)  # template rules: what a stack's parameters must meet
    security_groups: dict[str, str] = field(default_factory=dict)  # node id -> logical id of its group
    target_groups: dict[str, str] = field(default_factory=dict)  # load balancer node id -> target group
    roles: dict[str, str] = field(default_factory=dict)  # node id -> logical id of its IAM role
    role_statements: dict[str, list[dict[str, Any]]] = field(
        default_factory=dict
    )  # role logical id -> policy
    environment: dict[str, dict[str, Any]] = field(default_factory=dict)  # node id -> env variables
    finishers: list[Any] = field(default_factory=list)  # run after connections are wired
    # Resource policy statements gathered per queue / topic logical id, written as one policy each.
    queue_statements: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    topic_statements: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # (node id, what is left to do by hand) for what AWS offers no declarative resource for (kit.by_hand).
    manual_steps: list[tuple[str, str]] = field(default_factory=list)
    # (node id, property, value written, why) for each value written in place of the design's (kit.written_instead).
    written_instead: list[tuple[str, str, Any, str]] = field(default_factory=list)
    # (node id, name, the design's connections, what the template holds in their place, why), recorded with those
    # values, for connections the template writes the same whether drawn or not (drawn_connections.py).
    drawn_instead: list[tuple[str, str, list[str], list[str], str]] = field(default_factory=list)
    # The plan the Terraform export converts: it may carry settings only Terraform can write (a Neptune
    # cluster's storage type), under the name CloudFormation would give them.
    for_terraform: bool = False

    # Logical id -> (node id, suffix) it was named for, so that the names of an imported template can be given
    # back to the resources rendered for its nodes (source_template.py).
    made_for: dict[str, tuple[str, str]] = field(default_factory=dict)
    # (node id, suffix) -> the logical id lid() gave: asked for about ten times per node, worked out once.
    given_ids: dict[tuple[str, str], str] = field(default_factory=dict)
    # CloudFormation type -> the logical ids add() was given of that type, in the order added (a dict kept as
    # an ordered set): the passes over one type's resources read them here instead of walking the
    # template (a large design's has 100,000 resources, and some passes ran once per route or mount).
    _added_of_type: dict[str, dict[str, None]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # An imported node keeps its logical id; those are handed out first so that no label takes one.
        for node_id, name in sorted(self._imported_names().items()):
            if node_id in self.architecture.nodes:
                self.made_for.setdefault(self.names.get(f"{node_id}:", name), (node_id, ""))

    def lid(self, node: AnyNode, suffix: str = "") -> str:
        """The logical id of a node (or of a companion resource: `suffix` like "SecurityGroup"). An imported
        node's resources are named after its own logical id, not its label, so that renaming it renames nothing;
        a companion takes the name of the one of its kind that the template folded into the node."""
        given = self.given_ids.get((node.id, suffix))
        if given is not None:
            return given
        imported = self._imported_names()
        stem = imported.get(node.id) or pascal(node.label)
        wanted = self._companion(node, suffix) or stem + suffix
        name = self.names.get(f"{node.id}:{suffix}", wanted)
        self.made_for.setdefault(name, (node.id, suffix))
        self.given_ids[node.id, suffix] = name
        return name

    def _imported_names(self) -> dict[str, str]:
        """Node -> the logical id its resources are named after: the template's own, or, from Terraform and for
        Terraform, the resource's name (aws_s3_bucket.web_client -> WebClient, which Terraform writes as
        web_client again). A Terraform name written for CloudFormation would lose what the label spells and the
        name cannot (`Production VPC` is production_vpc there, ProductionVpc here): the label names it, as it
        names the resources of a design drawn here."""
        imported = self.architecture.imported
        if imported is None:
            return {}
        if imported.format == "terraform":
            if not self.for_terraform:
                return {}
            return {node: pascal(address.split(".")[-1]) for node, address in imported.names.items()}
        return imported.names

    def _companion(self, node: AnyNode, suffix: str) -> str | None:
        imported = self.architecture.imported
        types = COMPANION_TYPES.get(suffix)
        if imported is None or imported.format != "cloudformation" or not types:
            return None
        written = imported.template.get("Resources") or {}
        own = imported.names.get(node.id)
        found = [
            name
            for name, owner in imported.owners.items()
            if owner == node.id and name != own and (written.get(name) or {}).get("Type") in types
        ]
        return found[0] if len(found) == 1 else None

    def add(self, logical_id: str, resource_type: str, properties: dict[str, Any], **attributes: Any) -> str:
        entry: dict[str, Any] = {"Type": resource_type}
        if attributes:  # most resources have none (a DependsOn, a Condition)
            entry.update({key: value for key, value in attributes.items() if value is not None})
        if properties:
            entry["Properties"] = properties
        new = logical_id not in self.resources
        self.resources[logical_id] = entry
        added = self._added_of_type.get(resource_type)
        if added is None:
            self._added_of_type[resource_type] = {logical_id: None}
        else:
            if new:  # one taken out and added again is last in the template, as in the index
                added.pop(logical_id, None)
            added[logical_id] = None
        return logical_id

    def of_type(self, resource_type: str) -> list[str]:
        """The logical ids of the template's resources of a type, in template order. A resource taken out of
        the template since, or replaced by one of another type, is not listed."""
        resources = self.resources
        return [
            logical
            for logical in self._added_of_type.get(resource_type, ())
            if logical in resources and resources[logical]["Type"] == resource_type
        ]

    def parameter(self, name: str, kind: str, default: Any, description: str, **extra: Any) -> dict[str, str]:
        """A template parameter; with no default (None), the deploy must give its value."""
        has_default = {"Default": default} if default is not None else {}
        self.parameters.setdefault(name, {"Type": kind, **has_default, "Description": description, **extra})
        return ref(name)

    def output(self, name: str, value: Any, description: str) -> None:
        self.outputs[name] = {"Description": description, "Value": value}

    def subnet_refs(self, node: ServiceNode) -> list[Any]:
        return [
            self.container_ref(self.architecture.node(s)) for s in self.graph.placements[node.id].subnet_ids
        ]

    def container_ref(self, node: AnyNode) -> Any:
        """How the template names a VPC or subnet: its resource, or, for a network the design takes as it is,
        the parameter (an item of a list parameter), literal id or import the design was given."""
        existing = getattr(node, "existing", None)
        if existing is None:
            return ref(self.lid(node))
        if existing.parameter:
            named = ref(existing.parameter)
            return named if existing.index is None else {"Fn::Select": [existing.index, named]}
        return existing.value

    def subnet_nodes(self, node: ServiceNode) -> list[SubnetNode]:
        return [
            n
            for s in self.graph.placements[node.id].subnet_ids
            if isinstance(n := self.architecture.node(s), SubnetNode)
        ]

    def vpc_ref(self, node: ServiceNode) -> Any:
        vpc_id = self.graph.placements[node.id].vpc_id
        return self.container_ref(self.architecture.node(vpc_id)) if vpc_id else None

    def sg_refs(self, node: ServiceNode) -> list[dict[str, str]]:
        """The service's own group, then the groups drawn as nodes and attached to it."""
        own = [node.id] if node.id in self.security_groups else []
        drawn = (
            [g.id for g in attached_security_groups(self.graph, node.id) if g.id in self.security_groups]
            if "security_group" in self.graph.by_type
            else []
        )
        return [ref(self.security_groups[group]) for group in own + drawn]

    def tags(self, node: AnyNode) -> list[dict[str, str]]:
        return [{"Key": "Name", "Value": node.label}]

    def allow(self, node: ServiceNode, actions: list[str], resource: Any) -> None:
        """Give the node's role a least-privilege statement (only when the node has a role)."""
        role = self.roles.get(node.id)
        if role is not None:
            self.grant(role, actions, resource)

    def grant(self, role: str, actions: list[str], resource: Any) -> None:
        """A least-privilege statement in the policy of the role `role` (a logical id)."""
        resources = resource if isinstance(resource, list) else [resource]
        self.role_statements.setdefault(role, []).append(
            {"Effect": "Allow", "Action": sorted(actions), "Resource": resources}
        )
