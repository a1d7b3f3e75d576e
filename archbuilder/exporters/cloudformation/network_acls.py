"""CloudFormation for network ACLs: the list, its numbered entries and its subnet associations.

A network ACL guards the subnets of the services it is attached to, or every subnet of its VPC when it is attached
to none. Its entries, lowest number first as EC2 evaluates them: the denied ranges both ways, the declared inbound
allow rules, one inbound rule per traffic connection into a guarded subnet (the connection's port from the VPC's
range), and, with outbound allowed, the ephemeral ports inbound for the replies to what the subnets start (ACLs are
stateless, so replies are rules too)."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.context import CfnContext, ref
from archbuilder.exporters.cloudformation.kit import Renderer, prop, targets_of
from archbuilder.exporters.cloudformation.network import target_port_of
from archbuilder.exporters.registry import ExportError
from archbuilder.model import ServiceNode, SubnetNode, VpcNode

PROTOCOLS = {"tcp": 6, "udp": 17, "icmp": 1, "-1": -1, "all": -1}
DENY_FIRST, ALLOW_FIRST, TRAFFIC_FIRST, REPLIES = 10, 100, 200, 32000
EPHEMERAL = (1024, 65535)


def guarded_subnets(ctx: CfnContext, node: ServiceNode) -> list[SubnetNode]:
    """The subnets the ACL guards: those of the services it is attached to, else all of its VPC's."""
    vpc_id = ctx.graph.placements[node.id].vpc_id or ""
    attached = [target for target, _ in targets_of(ctx, node, ConnectionKind.ATTACH)]
    ids = {subnet for target in attached for subnet in ctx.graph.placements[target.id].subnet_ids}
    subnets = [n for n in ctx.architecture.descendants(vpc_id) if isinstance(n, SubnetNode)]
    return [subnet for subnet in subnets if subnet.id in ids] if attached else subnets


def _entry(
    ctx: CfnContext, acl: str, number: int, egress: bool, action: str, cidr: str, protocol: int, ports: Any
) -> None:
    props: dict[str, Any] = {
        "NetworkAclId": ref(acl),
        "RuleNumber": number,
        "Egress": egress,
        "RuleAction": action,
        "CidrBlock": cidr,
        "Protocol": protocol,
    }
    if protocol in (6, 17):
        props["PortRange"] = {"From": ports[0], "To": ports[1]}
    elif protocol == 1:
        props["Icmp"] = {"Type": -1, "Code": -1}
    direction = "Out" if egress else "In"
    ctx.add(
        ctx.names.get(f"{acl}:{direction}:{number}", f"{acl}{direction}{number}"),
        "AWS::EC2::NetworkAclEntry",
        props,
    )


def _declared_rules(node: ServiceNode) -> list[tuple[int, tuple[int, int], str]]:
    rules = []
    for rule in prop(node, "allow_inbound", []):
        if "cidr" not in rule:
            continue  # the catalog asks for CIDR sources only; a group reference means nothing to an ACL
        low = int(rule.get("from_port", -1))
        high = int(rule.get("to_port", low))
        ports = (0, 65535) if low < 0 else (low, high)
        rules.append((PROTOCOLS[str(rule.get("protocol", "tcp"))], ports, str(rule["cidr"])))
    return rules


def _traffic_rules(
    ctx: CfnContext, subnets: list[SubnetNode], vpc: VpcNode
) -> list[tuple[int, tuple[int, int], str]]:
    """The port of every traffic connection into a service of a guarded subnet, from the VPC's range, in the
    order of their ports: the same rules whatever order the connections were drawn (or imported) in."""
    guarded = {subnet.id for subnet in subnets}
    ports: list[tuple[int, tuple[int, int], str]] = []
    for connection in ctx.graph.connections_by_kind.get(ConnectionKind.TRAFFIC, []):
        target = ctx.architecture.service(connection.target_id)
        if not guarded & set(ctx.graph.placements[target.id].subnet_ids):
            continue
        port = connection.port or target_port_of(ctx, target)
        rule = (6, (port, port) if port else (0, 65535), vpc.cidr)
        if rule not in ports:
            ports.append(rule)
    return sorted(ports)


def _network_acl(ctx: CfnContext, node: ServiceNode) -> None:
    vpc = ctx.architecture.node(ctx.graph.placements[node.id].vpc_id or "")
    assert isinstance(vpc, VpcNode)
    acl = ctx.add(ctx.lid(node), "AWS::EC2::NetworkAcl", {"VpcId": ref(ctx.lid(vpc)), "Tags": ctx.tags(node)})
    for index, cidr in enumerate(str(c) for c in prop(node, "deny_cidrs", [])):
        for egress in (False, True):
            _entry(ctx, acl, DENY_FIRST + index, egress, "deny", cidr, -1, None)
    subnets = guarded_subnets(ctx, node)
    for first, rules in (
        (ALLOW_FIRST, _declared_rules(node)),
        (TRAFFIC_FIRST, _traffic_rules(ctx, subnets, vpc)),
    ):
        for index, (protocol, ports, cidr) in enumerate(rules):
            _entry(ctx, acl, first + index, False, "allow", cidr, protocol, ports)
    if prop(node, "allow_all_outbound", True):
        _entry(ctx, acl, ALLOW_FIRST, True, "allow", "0.0.0.0/0", -1, None)
        _entry(ctx, acl, REPLIES, False, "allow", "0.0.0.0/0", 6, EPHEMERAL)
    for subnet in subnets:
        association = ctx.lid(subnet, "NetworkAclAssociation")
        if association in ctx.resources:
            raise ExportError(
                f"{node.label}: subnet {subnet.label} is already guarded by another network ACL; a subnet takes one"
            )
        ctx.add(
            association,
            "AWS::EC2::SubnetNetworkAclAssociation",
            {"SubnetId": ref(ctx.lid(subnet)), "NetworkAclId": ref(acl)},
        )


# The resource types this module renders; renderers.py merges every module's table.
RENDERERS: dict[str, Renderer] = {"network_acl": _network_acl}
