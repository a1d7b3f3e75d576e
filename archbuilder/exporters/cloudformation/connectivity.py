"""CloudFormation for the links between networks: transit gateways, virtual private and customer gateways, Site-to-Site
VPN connections, VPC peerings and Direct Connect. The links become routes in the route tables the network builder
wrote (network.py), so that the subnets of each VPC reach the ranges on the other side."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref, sub
from archbuilder.exporters.cloudformation.kit import Renderer, add_route, by_hand, prop, route_tables_of
from archbuilder.graph.queries import peerings
from archbuilder.model import (
    AvailabilityZoneNode,
    NodeKind,
    RegionNode,
    ServiceNode,
    SubnetNode,
    SubnetTier,
    VpcNode,
)
from archbuilder.model.naming import snake

LINKS = (ConnectionKind.ATTACH, ConnectionKind.ROUTE)


def linked(ctx: CfnContext, node: ServiceNode, *types: str) -> list[ServiceNode]:
    """The services of `types` joined to `node` by a connection either way, sorted by id."""
    found = {}
    for connection in ctx.graph.connections_of(node.id):
        other = connection.target_id if connection.source_id == node.id else connection.source_id
        service = ctx.architecture.service(other)
        if service.type in types:
            found[service.id] = service
    return [found[key] for key in sorted(found)]


def vpcs_in_region(ctx: CfnContext, node: ServiceNode) -> list[VpcNode]:
    """The VPCs of the region a regional service sits in, in the design's order."""
    region = ctx.graph.placements[node.id].region
    return [vpc for vpc in ctx.graph.vpcs if _region_of(ctx, vpc) == region]


def _region_of(ctx: CfnContext, vpc: VpcNode) -> str | None:
    found = ctx.architecture.enclosing(vpc.id, NodeKind.REGION)
    return found.region if isinstance(found, RegionNode) else None


def attachment_subnets(ctx: CfnContext, vpc: VpcNode) -> list[SubnetNode]:
    """One subnet per AZ of the VPC, private where the AZ has one: a transit gateway attachment takes at most one
    subnet per AZ and reaches every subnet of the VPC from it."""
    chosen: dict[str, SubnetNode] = {}
    for subnet in (n for n in ctx.architecture.descendants(vpc.id) if isinstance(n, SubnetNode)):
        zone = ctx.architecture.enclosing(subnet.id, NodeKind.AZ)
        key = zone.zone if isinstance(zone, AvailabilityZoneNode) else ""
        kept = chosen.get(key)
        if kept is None or (kept.tier is not SubnetTier.PRIVATE and subnet.tier is SubnetTier.PRIVATE):
            chosen[key] = subnet
    return [chosen[key] for key in sorted(chosen)]


def _transit_gateway(ctx: CfnContext, node: ServiceNode) -> None:
    shared = [str(p) for p in prop(node, "shared_with", [])]
    gateway = ctx.add(
        ctx.lid(node),
        "AWS::EC2::TransitGateway",
        {
            "Description": node.label,
            "AmazonSideAsn": int(prop(node, "amazon_side_asn", 64512)),
            # Attachments join the default route table and propagate their ranges to it, so every attached
            # network reaches every other one (the hub the design draws).
            "DefaultRouteTableAssociation": "enable",
            "DefaultRouteTablePropagation": "enable",
            "AutoAcceptSharedAttachments": "enable" if shared else "disable",
            "DnsSupport": "enable",
            "VpnEcmpSupport": "enable",
            "Tags": ctx.tags(node),
        },
    )
    attached = []
    for vpc in vpcs_in_region(ctx, node):
        subnets = attachment_subnets(ctx, vpc)
        if not subnets:
            continue
        attachment = ctx.add(
            ctx.lid(node, f"{ctx.lid(vpc)}Attachment"),
            "AWS::EC2::TransitGatewayVpcAttachment",
            {
                "TransitGatewayId": ref(gateway),
                "VpcId": ref(ctx.lid(vpc)),
                "SubnetIds": [ref(ctx.lid(subnet)) for subnet in subnets],
                "Tags": [{"Key": "Name", "Value": f"{node.label} to {vpc.label}"}],
            },
        )
        attached.append((vpc, attachment))
    # Each attached VPC routes the ranges of the others through the hub, once its own attachment exists.
    for vpc, attachment in attached:
        for other, _ in attached:
            if other.id == vpc.id:
                continue
            for table in route_tables_of(ctx, vpc.id):
                add_route(
                    ctx, table, other.cidr, ctx.lid(other), {"TransitGatewayId": ref(gateway)}, attachment
                )
    if shared:
        ctx.add(
            ctx.lid(node, "Share"),
            "AWS::RAM::ResourceShare",
            {
                "Name": sub(f"${{AWS::StackName}}-{snake(node.label).replace('_', '-')}"),
                "ResourceArns": [get_att(gateway, "TransitGatewayArn")],
                "Principals": shared,
                "AllowExternalPrincipals": any(not p.startswith("arn:") for p in shared),
                "Tags": ctx.tags(node),
            },
        )
    ctx.output(f"{gateway}Id", ref(gateway), f"Transit gateway {node.label}")


def transit_attachment(ctx: CfnContext, gateway: ServiceNode, vpc: VpcNode) -> str | None:
    """The logical id of the attachment of `vpc` to the transit gateway (None when the VPC has no subnets)."""
    name = ctx.lid(gateway, f"{ctx.lid(vpc)}Attachment")
    return name if name in ctx.resources else None


def _vpn_gateway(ctx: CfnContext, node: ServiceNode) -> None:
    vpc_id = ctx.graph.placements[node.id].vpc_id or ""
    gateway = ctx.add(
        ctx.lid(node),
        "AWS::EC2::VPNGateway",
        {
            "Type": "ipsec.1",
            "AmazonSideAsn": int(prop(node, "amazon_side_asn", 64512)),
            "Tags": ctx.tags(node),
        },
    )
    attachment = ctx.add(
        ctx.lid(node, "Attachment"),
        "AWS::EC2::VPCGatewayAttachment",
        {"VpcId": ref(ctx.lid(ctx.architecture.node(vpc_id))), "VpnGatewayId": ref(gateway)},
    )
    tables = route_tables_of(ctx, vpc_id)
    if prop(node, "route_propagation", True) and tables:
        # The routes the VPN learns (over BGP or its static routes) appear in the subnets' route tables.
        ctx.add(
            ctx.lid(node, "RoutePropagation"),
            "AWS::EC2::VPNGatewayRoutePropagation",
            {"VpnGatewayId": ref(gateway), "RouteTableIds": [ref(table) for table in tables]},
            DependsOn=attachment,
        )


def _customer_gateway(ctx: CfnContext, node: ServiceNode) -> None:
    asn = int(prop(node, "bgp_asn", 65000))
    props: dict[str, Any] = {
        "Type": "ipsec.1",
        # The device's public address is the deployment's to give; the design's value is the default.
        "IpAddress": ctx.parameter(
            f"{ctx.lid(node)}IpAddress",
            "String",
            str(prop(node, "ip_address", "203.0.113.1")),
            f"Internet-routable address of the device behind {node.label}",
        ),
        "Tags": ctx.tags(node),
    }
    # BgpAsn takes 1 to 2,147,483,647; four-byte ASNs above it go in BgpAsnExtended.
    props["BgpAsn" if asn <= 2_147_483_647 else "BgpAsnExtended"] = asn
    if prop(node, "device_name", ""):
        props["DeviceName"] = str(prop(node, "device_name"))
    ctx.add(ctx.lid(node), "AWS::EC2::CustomerGateway", props)


def _vpn_connection(ctx: CfnContext, node: ServiceNode) -> None:
    customers = linked(ctx, node, "customer_gateway")
    aws_ends = linked(ctx, node, "vpn_gateway", "transit_gateway")
    if not customers or not aws_ends:
        missing = " and ".join(
            what
            for what, found in (
                ("a customer gateway", customers),
                ("a virtual private gateway or transit gateway", aws_ends),
            )
            if not found
        )
        by_hand(ctx, node, f"connect it to {missing}; the VPN connection is not written without both ends")
        return
    aws_end = aws_ends[0]
    static = bool(prop(node, "static_routes_only", False))
    ranges = [str(cidr) for cidr in prop(node, "static_routes", [])]
    key = "VpnGatewayId" if aws_end.type == "vpn_gateway" else "TransitGatewayId"
    connection = ctx.add(
        ctx.lid(node),
        "AWS::EC2::VPNConnection",
        {
            "Type": "ipsec.1",
            "CustomerGatewayId": ref(ctx.lid(customers[0])),
            key: ref(ctx.lid(aws_end)),
            "StaticRoutesOnly": static,
            "Tags": ctx.tags(node),
        },
    )
    if aws_end.type == "vpn_gateway":
        _routes_through_vpn_gateway(ctx, node, aws_end, connection, ranges if static else [])
        if not static and ranges:
            _route_vpc_to(ctx, node, aws_end, ranges)
    else:
        # After every renderer, so that the hub's attachments exist whichever was drawn first.
        ctx.finishers.append(lambda: _routes_through_transit_gateway(ctx, node, aws_end, ranges))
        if static and ranges:
            by_hand(
                ctx,
                node,
                f"add static routes for {', '.join(ranges)} to the VPN attachment in the transit gateway's route "
                "table (CloudFormation does not expose the attachment of a VPN connection)",
            )


def _routes_through_vpn_gateway(
    ctx: CfnContext, node: ServiceNode, gateway: ServiceNode, connection: str, ranges: list[str]
) -> None:
    for cidr in ranges:
        ctx.add(
            ctx.names.get(f"{node.id}:vpnroute:{cidr}", f"{connection}Route"),
            "AWS::EC2::VPNConnectionRoute",
            {"VpnConnectionId": ref(connection), "DestinationCidrBlock": cidr},
        )
    if ranges and not prop(gateway, "route_propagation", True):
        _route_vpc_to(ctx, node, gateway, ranges)


def _route_vpc_to(ctx: CfnContext, node: ServiceNode, gateway: ServiceNode, ranges: list[str]) -> None:
    """Routes from the gateway's VPC to the on-premises ranges when the gateway does not propagate them."""
    if prop(gateway, "route_propagation", True):
        return
    vpc_id = ctx.graph.placements[gateway.id].vpc_id or ""
    for cidr in ranges:
        for table in route_tables_of(ctx, vpc_id):
            add_route(
                ctx,
                table,
                cidr,
                ctx.lid(node),
                {"GatewayId": ref(ctx.lid(gateway))},
                ctx.lid(gateway, "Attachment"),
            )


def _routes_through_transit_gateway(
    ctx: CfnContext, node: ServiceNode, gateway: ServiceNode, ranges: list[str]
) -> None:
    """The attached VPCs send the on-premises ranges to the hub, which learns where they lead from the VPN."""
    for vpc in vpcs_in_region(ctx, gateway):
        attachment = transit_attachment(ctx, gateway, vpc)
        if attachment is None:
            continue
        for cidr in ranges:
            for table in route_tables_of(ctx, vpc.id):
                add_route(
                    ctx, table, cidr, ctx.lid(node), {"TransitGatewayId": ref(ctx.lid(gateway))}, attachment
                )


def _vpc_peering(ctx: CfnContext, node: ServiceNode) -> None:
    own_id = ctx.graph.placements[node.id].vpc_id or ""
    own = ctx.architecture.node(own_id)
    in_design = next((peer for peering, _own, peer in peerings(ctx.graph) if peering.id == node.id), None)
    written = str(prop(node, "peer_vpc", "") or "")
    if in_design is None and not written.startswith("vpc-"):
        by_hand(
            ctx,
            node,
            f"name the peer VPC ({written!r} is neither a VPC of the design nor a vpc- id); the peering from "
            f"{own.label} is not written",
        )
        return
    region, account = str(prop(node, "peer_region", "") or ""), str(prop(node, "peer_account_id", "") or "")
    props: dict[str, Any] = {
        "VpcId": ref(ctx.lid(own)),
        "PeerVpcId": ref(ctx.lid(ctx.architecture.node(in_design))) if in_design else written,
        "Tags": ctx.tags(node),
    }
    if region:
        props["PeerRegion"] = region
    if account:
        props["PeerOwnerId"] = account
        props["PeerRoleArn"] = ctx.parameter(
            f"{ctx.lid(node)}PeerRoleArn",
            "String",
            f"arn:aws:iam::{account}:role/vpc-peering-accepter",
            f"Role in account {account} that accepts {node.label}",
        )
        by_hand(
            ctx,
            node,
            f"create in account {account} a role this account may assume to accept VPC peerings, and give its ARN "
            f"as {ctx.lid(node)}PeerRoleArn",
        )
    elif region:
        by_hand(
            ctx, node, f"accept the peering in {region} (a peering across regions waits for its accepter)"
        )
    peering = ctx.add(ctx.lid(node), "AWS::EC2::VPCPeeringConnection", props)
    if in_design is None:
        by_hand(
            ctx, node, f"route the peer VPC {written}'s range through the peering in both VPCs' route tables"
        )
        return
    peer = ctx.architecture.node(in_design)
    assert isinstance(own, VpcNode) and isinstance(peer, VpcNode)
    # After every renderer: where a transit gateway the design draws carries the two ranges already, its routes
    # stand, whichever of the two was drawn (or imported) first.
    ctx.finishers.append(lambda: _routes_through_peering(ctx, peering, own, peer))


def _routes_through_peering(ctx: CfnContext, peering: str, own: VpcNode, peer: VpcNode) -> None:
    for first, second in ((own, peer), (peer, own)):
        for table in route_tables_of(ctx, first.id):
            add_route(ctx, table, second.cidr, ctx.lid(second), {"VpcPeeringConnectionId": ref(peering)})


def _direct_connect(ctx: CfnContext, node: ServiceNode) -> None:
    name = sub(f"${{AWS::StackName}}-{snake(node.label).replace('_', '-')}")
    gateway = ctx.add(
        ctx.lid(node),
        "AWS::DirectConnect::DirectConnectGateway",
        {"DirectConnectGatewayName": name, "AmazonSideAsn": "64512", "Tags": ctx.tags(node)},
    )
    for aws_end in linked(ctx, node, "vpn_gateway", "transit_gateway"):
        props: dict[str, Any] = {
            "DirectConnectGatewayId": get_att(gateway, "DirectConnectGatewayId"),
            "AssociatedGatewayId": ref(ctx.lid(aws_end)),
        }
        if aws_end.type == "transit_gateway":
            # A transit gateway association advertises the ranges of the VPCs behind the hub.
            props["AllowedPrefixesToDirectConnectGateway"] = [
                vpc.cidr for vpc in vpcs_in_region(ctx, aws_end)
            ]
        ctx.add(
            ctx.lid(node, f"{ctx.lid(aws_end)}Association"),
            "AWS::DirectConnect::DirectConnectGatewayAssociation",
            props,
        )
    bandwidth = str(prop(node, "bandwidth", "1Gbps"))
    location = str(prop(node, "location", "") or "")
    if str(prop(node, "connection_type", "dedicated")) == "hosted":
        by_hand(
            ctx, node, f"order a hosted {bandwidth} connection from a Direct Connect partner and accept it"
        )
    elif not location:
        by_hand(
            ctx,
            node,
            f"choose the Direct Connect location of the {bandwidth} port, then order the connection",
        )
    else:
        ctx.add(
            ctx.lid(node, "Connection"),
            "AWS::DirectConnect::Connection",
            {"ConnectionName": name, "Bandwidth": bandwidth, "Location": location, "Tags": ctx.tags(node)},
            DeletionPolicy="Retain",
            UpdateReplacePolicy="Retain",
        )
    by_hand(
        ctx,
        node,
        "once the cross-connect is up (the LOA-CFA from the console), create a private virtual interface on the "
        "connection to the Direct Connect gateway: its VLAN and BGP peering come from the physical link",
    )


# The resource types this module renders; renderers.py merges every module's table.
RENDERERS: dict[str, Renderer] = {
    "transit_gateway": _transit_gateway,
    "vpn_gateway": _vpn_gateway,
    "customer_gateway": _customer_gateway,
    "vpn_connection": _vpn_connection,
    "vpc_peering": _vpc_peering,
    "direct_connect": _direct_connect,
}
