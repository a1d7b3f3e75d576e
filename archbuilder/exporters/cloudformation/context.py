"""Shared state while a CloudFormation template is assembled: names, resources, parameters, outputs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from archbuilder.graph import ArchGraph
from archbuilder.model import AnyNode, Architecture, ServiceNode, SubnetNode
from archbuilder.model.naming import Names, pascal

Json = Any


def ref(name: str) -> dict[str, str]:
    return {"Ref": name}


def get_att(name: str, attribute: str) -> dict[str, list[str]]:
    return {"Fn::GetAtt": [name, attribute]}


def sub(text: str) -> dict[str, str]:
    return {"Fn::Sub": text}


@dataclass
class CfnContext:
    architecture: Architecture
    graph: ArchGraph
    names: Names = field(default_factory=Names)
    resources: dict[str, dict[str, Any]] = field(default_factory=dict)
    parameters: dict[str, dict[str, Any]] = field(default_factory=dict)
    outputs: dict[str, dict[str, Any]] = field(default_factory=dict)
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

    def lid(self, node: AnyNode, suffix: str = "") -> str:
        """The logical id of a node (or of a companion resource: `suffix` like "SecurityGroup")."""
        return self.names.get(f"{node.id}:{suffix}", pascal(node.label) + suffix)

    def add(self, logical_id: str, resource_type: str, properties: dict[str, Any], **attributes: Any) -> str:
        entry: dict[str, Any] = {"Type": resource_type}
        entry.update({key: value for key, value in attributes.items() if value is not None})
        if properties:
            entry["Properties"] = properties
        self.resources[logical_id] = entry
        return logical_id

    def parameter(self, name: str, kind: str, default: Any, description: str, **extra: Any) -> dict[str, str]:
        self.parameters.setdefault(
            name, {"Type": kind, "Default": default, "Description": description, **extra}
        )
        return ref(name)

    def output(self, name: str, value: Any, description: str) -> None:
        self.outputs[name] = {"Description": description, "Value": value}

    def subnet_refs(self, node: ServiceNode) -> list[dict[str, str]]:
        return [ref(self.lid(self.architecture.node(s))) for s in self.graph.placements[node.id].subnet_ids]

    def subnet_nodes(self, node: ServiceNode) -> list[SubnetNode]:
        return [
            n
            for s in self.graph.placements[node.id].subnet_ids
            if isinstance(n := self.architecture.node(s), SubnetNode)
        ]

    def vpc_ref(self, node: ServiceNode) -> dict[str, str] | None:
        vpc_id = self.graph.placements[node.id].vpc_id
        return ref(self.lid(self.architecture.node(vpc_id))) if vpc_id else None

    def sg_refs(self, node: ServiceNode) -> list[dict[str, str]]:
        return [ref(self.security_groups[node.id])] if node.id in self.security_groups else []

    def tags(self, node: AnyNode) -> list[dict[str, str]]:
        return [{"Key": "Name", "Value": node.label}]

    def allow(self, node: ServiceNode, actions: list[str], resource: Any) -> None:
        """Give the node's role a least-privilege statement (only when the node has a role)."""
        role = self.roles.get(node.id)
        if role is None:
            return
        resources = resource if isinstance(resource, list) else [resource]
        self.role_statements.setdefault(role, []).append(
            {"Effect": "Allow", "Action": sorted(actions), "Resource": resources}
        )
