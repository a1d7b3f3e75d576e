"""Properties of the links between networks read from their companions: a network ACL's entries, a transit
gateway's shares, a VPN connection's static routes, a virtual private gateway's route propagation."""

from __future__ import annotations

import re
from typing import Any

from archbuilder.catalog.service_type import PropertySpec
from archbuilder.importers.property_paths import Reading, interpret, walk
from archbuilder.importers.reader import TemplateReader
from archbuilder.importers.references import refs

ACL_ENTRY = "AWS::EC2::NetworkAclEntry"
PROTOCOL_NAMES = {"6": "tcp", "17": "udp", "1": "icmp", "-1": "-1"}
# The inbound rule the export writes for the replies to outbound traffic (ACLs are stateless).
REPLIES = ("tcp", 1024, 65535, "0.0.0.0/0")
# The numbers the export gives the entries it derives from traffic connections, and the replies' entry.
TRAFFIC_FIRST, REPLIES_NUMBER = 200, 32000


class NetworkReaders(TemplateReader):
    def _users_of(self, logical: str, kind: str, key: str) -> list[str]:
        raise NotImplementedError

    def _acl_entries(self, logical: str) -> list[dict[str, Any]]:
        """The ACL's entries, each setting resolved (parameters read as their defaults), lowest rule number first
        (as EC2 evaluates them)."""
        entries = [
            {
                key: self.resolver.value(value)
                for key, value in self._props(name).items()
                if key != "NetworkAclId"
            }
            for name in self._users_of(logical, ACL_ENTRY, "NetworkAclId")
        ]
        return sorted(
            entries, key=lambda e: int(str(e.get("RuleNumber"))) if str(e.get("RuleNumber")).isdigit() else 0
        )

    def _read_acl_denied(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        denied = [
            str(e["CidrBlock"])
            for e in self._acl_entries(logical)
            if str(e.get("RuleAction")).lower() == "deny" and _false(e.get("Egress")) and "CidrBlock" in e
        ]
        return Reading(denied)

    def _read_acl_allowed(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        rules = []
        own_range = self._acl_vpc_range(logical)
        for acl_entry in self._acl_entries(logical):
            if str(acl_entry.get("RuleAction")).lower() != "allow" or not _false(acl_entry.get("Egress")):
                continue
            if _from_connection(acl_entry, own_range):
                continue
            rule = _acl_rule(acl_entry)
            if (
                rule is not None
                and (rule["protocol"], rule.get("from_port"), rule.get("to_port"), rule["cidr"]) != REPLIES
            ):
                rules.append(rule)
        return Reading(rules)

    def _acl_vpc_range(self, logical: str) -> Any:
        vpc = self._ref_of(self._props(logical).get("VpcId"))
        return self.resolver.value(self._props(vpc).get("CidrBlock")) if vpc else None

    def _read_acl_outbound(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        for acl_entry in self._acl_entries(logical):
            if (
                not _false(acl_entry.get("Egress"))
                and str(acl_entry.get("RuleAction")).lower() == "allow"
                and acl_entry.get("CidrBlock") == "0.0.0.0/0"
                and str(acl_entry.get("Protocol")) == "-1"
            ):
                return Reading(True)
        return Reading(False)

    def _read_transit_shares(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        principals: list[str] = []
        for name in self.resources:
            props = self._props(name)
            if self._type(name) == "AWS::RAM::ResourceShare" and logical in refs(props.get("ResourceArns")):
                value = self.resolver.value(props.get("Principals"))
                principals += [str(p) for p in value] if isinstance(value, list) else []
        return Reading(principals)

    def _read_peer_vpc(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        """A peer outside the design, by its id; a peer VPC of the template by its name on the canvas (the way
        the design names a peer it holds, graph/queries.py peerings)."""
        written = self._props(logical).get("PeerVpcId")
        peer = self._ref_of(written)
        if peer is not None and self._type(peer) == "AWS::EC2::VPC":
            return Reading(self._label(peer))
        value = self.resolver.value(written)
        return interpret(value, {}, spec) if isinstance(value, str) else Reading("")

    def _read_vpn_routes(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        """The connection's static routes, else the on-premises ranges the VPCs route to its AWS end (a BGP
        connection's ranges where nothing propagates them, or a transit gateway's)."""
        routes = [
            self.resolver.value(self._props(r).get("DestinationCidrBlock"))
            for r in self._users_of(logical, "AWS::EC2::VPNConnectionRoute", "VpnConnectionId")
        ]
        declared = [str(r) for r in routes if isinstance(r, str)]
        return Reading(declared or self._ranges_routed_to(logical))

    def _ranges_routed_to(self, logical: str) -> list[str]:
        """Destinations of the VPC routes through the connection's virtual private or transit gateway that are
        no VPC of the template. When several connections end there, only routes the export named after this one
        (`<table>To<connection>`) are its own."""
        props = self._props(logical)
        aws_end = self._ref_of(props.get("VpnGatewayId")) or self._ref_of(props.get("TransitGatewayId"))
        if aws_end is None:
            return []
        sharing = [
            name
            for key in ("VpnGatewayId", "TransitGatewayId")
            for name in self._users_of(aws_end, "AWS::EC2::VPNConnection", key)
        ]
        networks = {
            self.resolver.value(self._props(vpc).get("CidrBlock"))
            for vpc in self.resources
            if self._type(vpc) == "AWS::EC2::VPC"
        }
        ranges: list[str] = []
        for name in self.resources:
            route = self._props(name)
            if self._type(name) != "AWS::EC2::Route" or (
                len(sharing) > 1 and _named_for(name, sharing) != logical
            ):
                continue
            through = self._ref_of(route.get("GatewayId")) or self._ref_of(route.get("TransitGatewayId"))
            cidr = self.resolver.value(route.get("DestinationCidrBlock"))
            if through == aws_end and isinstance(cidr, str) and cidr not in networks and cidr not in ranges:
                ranges.append(cidr)
        return ranges

    def _read_customer_gateway_asn(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        """BgpAsn takes ASNs up to 2,147,483,647; four-byte ASNs above it are written in BgpAsnExtended."""
        props = self._props(logical)
        key = "BgpAsnExtended" if "BgpAsnExtended" in props and "BgpAsn" not in props else "BgpAsn"
        return interpret(walk(props, key, self.resolver), entry, spec)

    def _read_route_propagation(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        propagations = self._users_of(logical, "AWS::EC2::VPNGatewayRoutePropagation", "VpnGatewayId")
        return Reading(bool(propagations))


def _from_connection(entry: dict[str, Any], own_range: Any) -> bool:
    """Whether an inbound allow is one the export derives from a traffic connection into a guarded subnet (TCP
    from the VPC's range, numbered from TRAFFIC_FIRST in network_acls.py) rather than a declared rule: the design
    says it again by its connection."""
    number = str(entry.get("RuleNumber"))
    return (
        number.isdigit()
        and TRAFFIC_FIRST <= int(number) < REPLIES_NUMBER
        and str(entry.get("Protocol")) == "6"
        and entry.get("CidrBlock") == own_range
    )


def _named_for(route: str, connections: list[str]) -> str | None:
    """The connection a route is named after (`<table>To<connection>`, numbered from 2 when it routes several
    ranges): the longest name that fits."""
    fitting = [c for c in connections if re.fullmatch(rf".+To{re.escape(c)}\d*", route)]
    return max(fitting, key=len) if fitting else None


def _false(value: Any) -> bool:
    return str(value).lower() in ("false", "none", "")


def _acl_rule(entry: dict[str, Any]) -> dict[str, Any] | None:
    if not isinstance(entry.get("CidrBlock"), str):
        return None
    protocol = PROTOCOL_NAMES.get(str(entry.get("Protocol")), str(entry.get("Protocol")))
    rule: dict[str, Any] = {"protocol": protocol}
    ports = entry.get("PortRange")
    if isinstance(ports, dict) and str(ports.get("From", "")).lstrip("-").isdigit():
        rule["from_port"] = int(str(ports["From"]))
        rule["to_port"] = int(str(ports.get("To", ports["From"])))
    rule["cidr"] = entry["CidrBlock"]
    return rule
