"""What-if swaps: a service replaced by an alternative, with the design's findings, lock-in and cost after it.

Inside AWS a swap is real: the node keeps its id, label and position, moves to the nearest container its new
type may sit in, keeps the properties that mean the same, and keeps every connection the new service accepts
(a request to a data store becomes a read/write where the store takes no traffic). Outside AWS (the catalog's
lock-in alternatives) the design cannot express the service, so only the lock-in it would remove is shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from archbuilder.catalog import ConnectionKind, ParentKind, ServiceType
from archbuilder.model import (
    Architecture,
    Connection,
    InvariantError,
    NodeKind,
    ServiceNode,
    SubnetNode,
    dumps,
)
from archbuilder.model import loads as load_text

# Alternatives inside AWS, both ways, grouped by the job they do.
AWS_ALTERNATIVES: tuple[tuple[str, ...], ...] = (
    ("rds_instance", "aurora_cluster", "dynamodb_table"),
    ("documentdb_cluster", "dynamodb_table"),
    ("alb", "api_gateway_http", "api_gateway_rest"),
    ("alb", "nlb"),
    ("nat_gateway", "vpc_endpoint_gateway", "vpc_endpoint_interface"),
    ("ec2_instance", "autoscaling_group", "fargate_task", "lambda_function"),
    ("ecs_service", "fargate_task", "eks_node_group"),
    ("kinesis_stream", "msk_cluster", "sqs_queue"),
    ("sqs_queue", "sns_topic", "eventbridge_bus"),
    ("elasticache_cluster", "dax_cluster"),
    ("efs_file_system", "fsx_file_system", "s3_bucket"),
    ("redshift_cluster", "athena_workgroup"),
    ("opensearch_domain", "cloudwatch_log_group"),
)

# Properties whose values mean the same in another type under another value.
_VALUE_MAPS: dict[tuple[str, str, str], dict[object, object]] = {
    ("rds_instance", "aurora_cluster", "engine"): {
        "postgres": "aurora-postgresql",
        "mysql": "aurora-mysql",
        "mariadb": "aurora-mysql",
    },
    ("aurora_cluster", "rds_instance", "engine"): {"aurora-postgresql": "postgres", "aurora-mysql": "mysql"},
}
# Sizes name a family of one service (db.t3.micro exists for RDS, not for Aurora): the new type's default stands.
_SIZE_PROPERTIES = {"instance_class", "instance_type", "node_type", "worker_type", "compute_type"}
# Kinds a connection may take instead when the new service does not accept the drawn one, in order.
_FALLBACK_KINDS = (
    ConnectionKind.READ_WRITE,
    ConnectionKind.INVOKE,
    ConnectionKind.TRAFFIC,
    ConnectionKind.WRITE,
)


@dataclass
class SwapResult:
    architecture: Architecture  # a copy; the design swapped from is left as it was
    node_id: str
    old_type: str
    new_type: str
    parent_id: str | None
    kept: list[str] = field(default_factory=list)  # connection ids kept as drawn
    changed: list[tuple[str, str, str]] = field(default_factory=list)  # (connection id, old kind, new kind)
    dropped: list[str] = field(default_factory=list)  # connection ids the new service does not accept


class SwapError(ValueError):
    """The swap cannot be made in this design; the message says why."""


def aws_alternatives(type_id: str) -> list[str]:
    """The AWS services that can do a service's job, in the order the groups list them."""
    found: list[str] = []
    for group in AWS_ALTERNATIVES:
        if type_id in group:
            found.extend(other for other in group if other != type_id and other not in found)
    return found


def swap(architecture: Architecture, node_id: str, new_type: str) -> SwapResult:
    """A copy of the design with the service replaced by one of `new_type`."""
    catalog = architecture.catalog
    old = architecture.service(node_id)
    target_type = catalog.get(new_type)
    copy = load_text(dumps(architecture), "<what-if>", catalog)
    parent_id = _new_parent(copy, old, target_type)
    if parent_id is _NOWHERE:
        raise SwapError(f"{target_type.short_name} cannot sit anywhere around “{old.label}”")
    removed = copy.remove_node(node_id)
    extras = _extra_subnets(copy, old, target_type, parent_id)
    copy.add_service(
        new_type,
        parent_id,
        label=old.label,
        x=old.x if parent_id == old.parent_id else 20.0,
        y=old.y if parent_id == old.parent_id else 40.0,
        properties=_carried_properties(catalog.get(old.type), target_type, old),
        extra_subnet_ids=extras,
        node_id=node_id,
    )
    result = SwapResult(copy, node_id, old.type, new_type, parent_id)
    for connection in removed.connections:
        _reconnect(copy, connection, result)
    return result


_NOWHERE = "\0"


def _parent_kind(architecture: Architecture, parent_id: str | None) -> ParentKind:
    if parent_id is None:
        return ParentKind.ROOT
    node = architecture.node(parent_id)
    if isinstance(node, SubnetNode):
        return ParentKind.PUBLIC_SUBNET if node.tier.value == "public" else ParentKind.PRIVATE_SUBNET
    return {"region": ParentKind.REGION, "vpc": ParentKind.VPC, "az": ParentKind.AZ}[node.kind]


def _new_parent(architecture: Architecture, old: ServiceNode, new_type: ServiceType) -> str | None:
    """The innermost container around the old service that the new type may sit in."""
    chain: list[str | None] = [old.parent_id]
    chain += [node.id for node in architecture.ancestors(old.id)[1:]] if old.parent_id else []
    chain.append(None)
    for candidate in dict.fromkeys(chain):
        if _parent_kind(architecture, candidate) in new_type.allowed_parents:
            return candidate
    if (
        ParentKind.PRIVATE_SUBNET in new_type.allowed_parents
        or ParentKind.PUBLIC_SUBNET in new_type.allowed_parents
    ):
        vpc = architecture.enclosing(old.id, NodeKind.VPC)
        if (
            vpc is not None
        ):  # e.g. a gateway endpoint (on the VPC) becoming an interface endpoint (in subnets)
            for node in architecture.descendants(vpc.id):
                if (
                    isinstance(node, SubnetNode)
                    and _parent_kind(architecture, node.id) in new_type.allowed_parents
                ):
                    return node.id
    return _NOWHERE


def _extra_subnets(
    architecture: Architecture, old: ServiceNode, new_type: ServiceType, parent_id: str | None
) -> list[str]:
    if not new_type.spans_subnets or parent_id != old.parent_id:
        return []
    return [
        subnet
        for subnet in old.extra_subnet_ids
        if _parent_kind(architecture, subnet) in new_type.allowed_parents
    ]


def _carried_properties(old_type: ServiceType, new_type: ServiceType, old: ServiceNode) -> dict[str, object]:
    from archbuilder.catalog import check_property_value

    carried: dict[str, object] = {}
    for name, value in old.properties.items():
        spec = new_type.property_spec(name)
        if spec is None or name in _SIZE_PROPERTIES:
            continue
        mapping = _VALUE_MAPS.get((old_type.id, new_type.id, name), {})
        mapped = mapping.get(value, value) if isinstance(value, str) else value
        if check_property_value(spec, mapped) is None:
            carried[name] = mapped
    return carried


def _reconnect(architecture: Architecture, connection: Connection, result: SwapResult) -> None:
    kinds = [connection.kind, *(kind for kind in _FALLBACK_KINDS if kind is not connection.kind)]
    for kind in kinds:
        update: dict[str, object] = {"kind": kind}
        if kind is not connection.kind and kind is not ConnectionKind.TRAFFIC:
            update.update(port=None, protocol=None)  # a port belongs to network traffic only
        candidate = connection.model_copy(update=update)
        if kind is not connection.kind and kind not in architecture.accepted_kinds(
            connection.source_id, connection.target_id
        ):
            continue
        try:
            architecture.add_connection(candidate)
        except InvariantError:
            continue
        if kind is connection.kind:
            result.kept.append(connection.id)
        else:
            result.changed.append((connection.id, connection.kind.value, kind.value))
        return
    result.dropped.append(connection.id)
