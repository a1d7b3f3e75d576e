"""Containment becomes network config: VPCs, subnets, internet and NAT gateways, route tables, security groups."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.catalog.security_groups import OPENED_ON_CLUSTER_GROUP, TAKES_NO_SECURITY_GROUP
from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref
from archbuilder.exporters.cloudformation.file_mounts import MOUNT_KINDS, mounts
from archbuilder.exporters.cloudformation.group_rules import SourceRule, declared_ingress, drawn_group
from archbuilder.exporters.cloudformation.listeners import classic_listener, listener_of, target_port
from archbuilder.exporters.registry import ExportError
from archbuilder.model import AvailabilityZoneNode, NodeKind, ServiceNode, SubnetNode, SubnetTier, VpcNode

# Services the export gives no group of its own: what takes none, a group drawn as a node (written as it is,
# group_rules.drawn_group), and the members of a cluster whose group the rules reaching them open
# (security_services.py, app_platforms.py).
NO_SECURITY_GROUP = TAKES_NO_SECURITY_GROUP | OPENED_ON_CLUSTER_GROUP | {"security_group"}
LISTENER_DEFAULTS = {"alb": 443, "nlb": 443, "clb": 443}


def takes_no_security_group(node: ServiceNode) -> bool:
    """What gets no group of its own: the types above, and an unmanaged Batch compute environment, whose
    instances are the user's own and which names no group (AWS::Batch::ComputeEnvironment takes security groups in
    ComputeResources, which only a managed one has): a group written for it would protect nothing."""
    if node.type == "batch_compute_environment":
        managed = node.properties.get("managed")
        return managed is not None and not bool(managed)
    return node.type in NO_SECURITY_GROUP


def _listener_ports(ctx: CfnContext, node: ServiceNode) -> list[int]:
    """The ports the balancer's listeners use, so the group opens what is served and nothing else."""
    if node.type == "clb":
        return classic_listener(ctx.graph, node).ports
    return listener_of(ctx.graph, node).ports


def build_network(ctx: CfnContext) -> None:
    arch = ctx.architecture
    for vpc in sorted((n for n in arch.nodes.values() if isinstance(n, VpcNode)), key=lambda n: n.id):
        if vpc.existing is None:
            _vpc(ctx, vpc)
        else:
            _existing_vpc(ctx, vpc)
    _security_groups(ctx)


def _existing_vpc(ctx: CfnContext, vpc: VpcNode) -> None:
    """A VPC the design takes as it is: nothing of its network is created; what it is given as (parameters)
    is declared, for a design that does not carry the template it came from."""
    subnets = [n for n in ctx.architecture.descendants(vpc.id) if isinstance(n, SubnetNode)]
    nodes: list[VpcNode | SubnetNode] = [vpc, *subnets]
    for node in nodes:
        existing = node.existing
        if existing is None or not existing.parameter:
            continue
        single = "AWS::EC2::VPC::Id" if isinstance(node, VpcNode) else "AWS::EC2::Subnet::Id"
        kind = single if existing.index is None else "List<AWS::EC2::Subnet::Id>"
        ctx.parameters.setdefault(
            existing.parameter, {"Type": kind, "Description": f"The existing {node.kind} {node.label}"}
        )


def _vpc(ctx: CfnContext, vpc: VpcNode) -> None:
    """A VPC the design creates: its subnets, internet and NAT gateways, route tables and gateway endpoints."""
    arch = ctx.architecture
    vpc_id = ctx.add(
        ctx.lid(vpc),
        "AWS::EC2::VPC",
        {
            "CidrBlock": vpc.cidr,
            "EnableDnsSupport": True,
            "EnableDnsHostnames": True,
            "Tags": ctx.tags(vpc),
        },
    )
    ctx.output(f"{vpc_id}Id", ref(vpc_id), f"VPC {vpc.label}")
    subnets = [n for n in arch.descendants(vpc.id) if isinstance(n, SubnetNode)]
    _subnets(ctx, vpc_id, subnets)
    inside = [s for s in arch.descendants(vpc.id) if isinstance(s, ServiceNode)]
    gateways = [s for s in inside if s.type == "internet_gateway"]
    attach = None
    if gateways:
        public = [s for s in subnets if s.tier is SubnetTier.PUBLIC]
        attach = _internet_gateway(ctx, vpc, vpc_id, gateways[0], public)
    for igw in gateways[1:]:
        # A VPC takes one gateway (LIM-011, an error): a second is written as drawn, attached, and AWS refuses
        # it, rather than left out of a stack that would then deploy without the user knowing.
        _internet_gateway(ctx, vpc, vpc_id, igw, [])
    nat_by_zone = _nat_gateways(ctx, [s for s in inside if s.type == "nat_gateway"], attach)
    _private_route_tables(ctx, vpc, vpc_id, [s for s in subnets if s.tier is SubnetTier.PRIVATE], nat_by_zone)
    for endpoint in (s for s in inside if s.type == "vpc_endpoint_gateway"):
        _gateway_endpoint(ctx, vpc, vpc_id, endpoint)


def _subnets(ctx: CfnContext, vpc_id: str, subnets: list[SubnetNode]) -> None:
    for subnet in subnets:
        zone_node = ctx.architecture.enclosing(subnet.id, _AZ)
        ctx.add(
            ctx.lid(subnet),
            "AWS::EC2::Subnet",
            {
                "VpcId": ref(vpc_id),
                "CidrBlock": subnet.cidr,
                "AvailabilityZone": zone_value(zone_node),
                "MapPublicIpOnLaunch": subnet.tier is SubnetTier.PUBLIC,
                "Tags": ctx.tags(subnet),
            },
        )


def _internet_gateway(
    ctx: CfnContext, vpc: VpcNode, vpc_id: str, igw: ServiceNode, public: list[SubnetNode]
) -> str:
    """The gateway attached to the VPC, and the route table sending the public subnets through it; the
    attachment's logical id, which resources that need the internet wait for."""
    igw_id = ctx.add(ctx.lid(igw), "AWS::EC2::InternetGateway", {"Tags": ctx.tags(igw)})
    attach = ctx.add(
        ctx.lid(igw, "Attachment"),
        "AWS::EC2::VPCGatewayAttachment",
        {"VpcId": ref(vpc_id), "InternetGatewayId": ref(igw_id)},
    )
    if public:
        _public_route_table(ctx, vpc, vpc_id, igw_id, attach, public)
    return attach


def _public_route_table(
    ctx: CfnContext, vpc: VpcNode, vpc_id: str, igw_id: str, attach: str, public: list[SubnetNode]
) -> None:
    table = ctx.add(
        ctx.lid(vpc, "PublicRouteTable"),
        "AWS::EC2::RouteTable",
        {
            "VpcId": ref(vpc_id),
            "Tags": [{"Key": "Name", "Value": f"{vpc.label} public"}],
        },
    )
    ctx.add(
        ctx.lid(vpc, "PublicDefaultRoute"),
        "AWS::EC2::Route",
        {
            "RouteTableId": ref(table),
            "DestinationCidrBlock": "0.0.0.0/0",
            "GatewayId": ref(igw_id),
        },
        DependsOn=attach,
    )
    for subnet in public:
        ctx.add(
            ctx.lid(subnet, "RouteTableAssociation"),
            "AWS::EC2::SubnetRouteTableAssociation",
            {"SubnetId": ref(ctx.lid(subnet)), "RouteTableId": ref(table)},
        )


def _nat_gateways(ctx: CfnContext, nats: list[ServiceNode], attach: str | None) -> dict[str, str]:
    """Each NAT gateway (public ones with their Elastic IP); the public gateway each AZ routes through."""
    nat_by_zone: dict[str, str] = {}
    for nat in nats:
        subnet_ref = ref(ctx.lid(ctx.architecture.node(nat.parent_id or "")))
        if nat.properties.get("connectivity", "public") == "private":
            # A private NAT gateway has no Elastic IP and cannot reach the internet: it serves routes to other
            # networks (peered VPCs, transit gateways), so no default route goes through it.
            ctx.add(
                ctx.lid(nat),
                "AWS::EC2::NatGateway",
                {"ConnectivityType": "private", "SubnetId": subnet_ref, "Tags": ctx.tags(nat)},
            )
            continue
        # An Elastic IP of a VPC created in the same template must wait for the gateway attachment (EIP docs).
        eip = ctx.add(
            ctx.lid(nat, "Eip"),
            "AWS::EC2::EIP",
            {"Domain": "vpc", "Tags": ctx.tags(nat)},
            **({"DependsOn": attach} if attach is not None else {}),
        )
        nat_id = ctx.add(
            ctx.lid(nat),
            "AWS::EC2::NatGateway",
            {
                "AllocationId": get_att(eip, "AllocationId"),
                "SubnetId": subnet_ref,
                "Tags": ctx.tags(nat),
            },
        )
        for nat_zone in ctx.graph.placements[nat.id].zones:
            nat_by_zone.setdefault(nat_zone, nat_id)
    return nat_by_zone


def _private_route_tables(
    ctx: CfnContext, vpc: VpcNode, vpc_id: str, private: list[SubnetNode], nat_by_zone: dict[str, str]
) -> None:
    """One route table per AZ for its private subnets, with the default route through a NAT gateway."""
    zones = sorted({_zone(ctx, s) for s in private})
    for zone in zones:
        table = ctx.add(
            ctx.names.get(f"{vpc.id}:private:{zone}", f"{ctx.lid(vpc)}PrivateRouteTable{zone[-1].upper()}"),
            "AWS::EC2::RouteTable",
            {"VpcId": ref(vpc_id), "Tags": [{"Key": "Name", "Value": f"{vpc.label} private {zone}"}]},
        )
        # Each AZ routes through its own NAT gateway, so one AZ failing does not cut the others off.
        route_nat = nat_by_zone.get(zone) or next(iter(sorted(nat_by_zone.values())), None)
        if route_nat is not None:
            ctx.add(
                f"{table}DefaultRoute",
                "AWS::EC2::Route",
                {
                    "RouteTableId": ref(table),
                    "DestinationCidrBlock": "0.0.0.0/0",
                    "NatGatewayId": ref(route_nat),
                },
            )
        for subnet in private:
            if _zone(ctx, subnet) == zone:
                ctx.add(
                    ctx.lid(subnet, "RouteTableAssociation"),
                    "AWS::EC2::SubnetRouteTableAssociation",
                    {"SubnetId": ref(ctx.lid(subnet)), "RouteTableId": ref(table)},
                )


def _gateway_endpoint(ctx: CfnContext, vpc: VpcNode, vpc_id: str, endpoint: ServiceNode) -> None:
    """A gateway endpoint is reached through route tables: every one of the VPC's written so far."""
    service = endpoint.properties.get("service", "s3")
    tables = [ref(t) for t in ctx.of_type("AWS::EC2::RouteTable") if t.startswith(ctx.lid(vpc))]
    ctx.add(
        ctx.lid(endpoint),
        "AWS::EC2::VPCEndpoint",
        {
            "VpcId": ref(vpc_id),
            "VpcEndpointType": "Gateway",
            "ServiceName": {"Fn::Sub": f"com.amazonaws.${{AWS::Region}}.{service}"},
            "RouteTableIds": tables,
        },
    )


_AZ = NodeKind.AZ


def zone_value(zone: object) -> object:
    """us-east-1b -> !Select [1, !GetAZs ''], so the template deploys in whichever region the stack is in."""
    if not isinstance(zone, AvailabilityZoneNode):
        return None
    return {"Fn::Select": [ord(zone.zone[-1]) - ord("a"), {"Fn::GetAZs": ""}]}


def _zone(ctx: CfnContext, subnet: SubnetNode) -> str:
    zone = ctx.architecture.enclosing(subnet.id, _AZ)
    return zone.zone if isinstance(zone, AvailabilityZoneNode) else ""


def _security_groups(ctx: CfnContext) -> None:
    """One group per VPC-placed service and per group drawn as a node; their declared rules plus one rule per
    traffic connection drawn to a service."""
    # Rules naming another service's group become stand-alone ingress resources once every group exists (a
    # group cannot reference one declared after it inside its own body).
    pending: list[SourceRule] = []
    for node in ctx.graph.services:
        if ctx.graph.placements[node.id].vpc_id is None:
            continue
        if node.type == "security_group":
            _refuse_members_without_groups(ctx, node)
            pending += drawn_group(ctx, node)
        elif not takes_no_security_group(node):
            pending += _security_group(ctx, node)
    for node, entry, source_id in pending:
        _group_source_rule(ctx, node, entry, source_id)
    _connection_rules(ctx)


def _refuse_members_without_groups(ctx: CfnContext, group: ServiceNode) -> None:
    """A drawn group attached to what takes no security group (a volume, a NAT or VPN gateway) or to a service
    outside any VPC would protect nothing: refused by name rather than left out of the template."""
    for connection in ctx.graph.connections_of(group.id):
        if connection.kind is not ConnectionKind.ATTACH:
            continue
        member = ctx.architecture.service(
            connection.target_id if connection.source_id == group.id else connection.source_id
        )
        if takes_no_security_group(member):
            why = "it takes no security group"
        elif ctx.graph.placements[member.id].vpc_id is None:
            why = "it is in no VPC"
        else:
            continue
        raise ExportError(f"{group.label}: the security group cannot be attached to {member.label}: {why}")


def _security_group(ctx: CfnContext, node: ServiceNode) -> list[SourceRule]:
    """The service's group with its declared CIDR rules (or its listeners open to the internet, for an
    internet-facing balancer declaring none); the declared rules naming another group, left for later."""
    ingress, pending = declared_ingress(node)
    if node.type in LISTENER_DEFAULTS and node.properties.get("internet_facing") and not ingress:
        ingress.extend(
            {
                "IpProtocol": "tcp",
                "FromPort": port,
                "ToPort": port,
                "CidrIp": "0.0.0.0/0",
                "Description": "listener open to the internet",
            }
            for port in _listener_ports(ctx, node)
        )
    group = ctx.add(
        ctx.lid(node, "SecurityGroup"),
        "AWS::EC2::SecurityGroup",
        {
            "GroupDescription": f"{node.label} ({ctx.architecture.catalog.get(node.type).short_name})",
            "VpcId": ctx.vpc_ref(node),
            **({"SecurityGroupIngress": ingress} if ingress else {}),
            "Tags": ctx.tags(node),
        },
    )
    ctx.security_groups[node.id] = group
    return pending


def _group_source_rule(ctx: CfnContext, node: ServiceNode, entry: dict[str, Any], source_id: str) -> None:
    """A declared rule letting in another service's group, as an ingress resource of its own."""
    if source_id not in ctx.security_groups:
        raise ExportError(
            f"{node.label}: an ingress rule names {source_id!r}, which has no security group in this design"
        )
    source = ctx.architecture.service(source_id)
    ctx.add(
        ctx.names.get(
            f"{node.id}:ingress:{source_id}:{entry['FromPort']}",
            f"{ctx.security_groups[node.id]}From{ctx.lid(source)}Rule",
        ),
        "AWS::EC2::SecurityGroupIngress",
        {
            "GroupId": ref(ctx.security_groups[node.id]),
            **entry,
            "SourceSecurityGroupId": ref(ctx.security_groups[source_id]),
        },
    )


def _connection_rules(ctx: CfnContext) -> None:
    """One ingress resource per traffic connection to a service with a group; connections from the same
    origin on the same ports share one, as EC2 refuses duplicate rules."""
    arch = ctx.architecture
    seen: dict[tuple[str, str, int, int], dict[str, Any]] = {}
    named: set[tuple[tuple[str, str, int, int], str]] = set()
    for connection in sorted(arch.connections.values(), key=lambda c: c.id):
        traffic = connection.kind is ConnectionKind.TRAFFIC
        if not traffic and connection.kind not in MOUNT_KINDS:
            continue
        target = arch.service(connection.target_id)
        source = arch.service(connection.source_id)
        # A mount of a file system reaches it on NFS's port as a traffic connection would (file_mounts.py).
        if not traffic and not mounts(ctx, source, target):
            continue
        if target.id not in ctx.security_groups:
            continue
        ingress_rule, origin = _connection_rule(ctx, connection.port, source, target)
        key = (ctx.security_groups[target.id], origin, ingress_rule["FromPort"], ingress_rule["ToPort"])
        if key in seen:
            kept = seen[key]
            # A source both mounting a file system and drawn sending it traffic is named once.
            if (key, source.id) not in named:
                kept["Description"] = f"{kept['Description']}, {source.label}"[:255]
                named.add((key, source.id))
            continue
        named.add((key, source.id))
        seen[key] = ingress_rule
        ctx.add(
            ctx.names.get(
                f"{connection.id}:ingress", f"{ctx.security_groups[target.id]}From{ctx.lid(source)}"
            ),
            "AWS::EC2::SecurityGroupIngress",
            ingress_rule,
        )


def _connection_rule(
    ctx: CfnContext, connection_port: int | None, source: ServiceNode, target: ServiceNode
) -> tuple[dict[str, Any], str]:
    """The rule letting the source reach the target's port, and where it lets traffic in from (the source's
    group, or the VPC's CIDR)."""
    port = target_port(target, connection_port) or target_port_of(ctx, target)
    ingress_rule: dict[str, Any] = {
        "GroupId": ref(ctx.security_groups[target.id]),
        "IpProtocol": "tcp",
        "FromPort": port if port is not None else 0,
        "ToPort": port if port is not None else 65535,
        "Description": f"from {source.label}",
    }
    if source.id in ctx.security_groups:
        ingress_rule["SourceSecurityGroupId"] = ref(ctx.security_groups[source.id])
        origin = ctx.security_groups[source.id]
    else:
        # A source outside the VPC (a Lambda function without VPC config) reaches the target through the
        # VPC's own addresses; several such sources share one rule, as EC2 refuses duplicates.
        vpc = ctx.architecture.node(ctx.graph.placements[target.id].vpc_id or "")
        ingress_rule["CidrIp"] = origin = vpc.cidr  # type: ignore[union-attr]
    return ingress_rule, origin


ENGINE_PORTS = (("postgres", 5432), ("mysql", 3306), ("maria", 3306), ("oracle", 1521), ("sqlserver", 1433))


def target_port_of(ctx: CfnContext, target: ServiceNode) -> int | None:
    """The port a connection without one reaches: the database engine's, else the catalog's default."""
    engine = str(target.properties.get("engine") or "").lower()
    if target.type in ("rds_instance", "aurora_cluster"):
        for prefix, port in ENGINE_PORTS:
            if prefix in engine:
                return port
    return ctx.architecture.catalog.get(target.type).default_port
