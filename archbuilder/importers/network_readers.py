"""Properties of the links between networks read from their companions: a network ACL's entries, a transit
gateway's shares, a VPN connection's static routes, a virtual private gateway's route propagation."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog.service_type import PropertySpec
from archbuilder.importers.property_paths import Reading, interpret
from archbuilder.importers.reader import TemplateReader
from archbuilder.importers.references import refs

ACL_ENTRY = "AWS::EC2::NetworkAclEntry"
PROTOCOL_NAMES = {"6": "tcp", "17": "udp", "1": "icmp", "-1": "-1"}
# The inbound rule the export writes for the replies to outbound traffic (ACLs are stateless).
REPLIES = ("tcp", 1024, 65535, "0.0.0.0/0")


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
        for acl_entry in self._acl_entries(logical):
            if str(acl_entry.get("RuleAction")).lower() != "allow" or not _false(acl_entry.get("Egress")):
                continue
            rule = _acl_rule(acl_entry)
            if (
                rule is not None
                and (rule["protocol"], rule.get("from_port"), rule.get("to_port"), rule["cidr"]) != REPLIES
            ):
                rules.append(rule)
        return Reading(rules)

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
        """A peer outside the design, by its id; a peer VPC of the template is the design's own (no id)."""
        written = self.resolver.value(self._props(logical).get("PeerVpcId"))
        return interpret(written, {}, spec) if isinstance(written, str) else Reading("")

    def _read_vpn_routes(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        routes = [
            self.resolver.value(self._props(r).get("DestinationCidrBlock"))
            for r in self._users_of(logical, "AWS::EC2::VPNConnectionRoute", "VpnConnectionId")
        ]
        return Reading([str(r) for r in routes if isinstance(r, str)])

    def _read_route_propagation(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        propagations = self._users_of(logical, "AWS::EC2::VPNGatewayRoutePropagation", "VpnGatewayId")
        return Reading(bool(propagations))


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
