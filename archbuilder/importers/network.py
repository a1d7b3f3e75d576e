"""Network inference: VPCs, subnets in their VPC and Availability Zone, public or private by their routes."""

from __future__ import annotations

import ipaddress
from typing import Any

from archbuilder.importers.cfn_yaml import TemplateError
from archbuilder.importers.reader import TemplateReader
from archbuilder.model import AvailabilityZoneNode, InvariantError, SubnetNode, SubnetTier, VpcNode


class NetworkInference(TemplateReader):
    def _network(self) -> None:
        public_subnets = self._public_subnets()
        for logical in [name for name in self.resources if self._type(name) == "AWS::EC2::VPC"]:
            self._import_vpc(logical)
        for logical in [name for name in self.resources if self._type(name) == "AWS::EC2::Subnet"]:
            self._import_subnet(logical, public=logical in public_subnets)

    def _import_vpc(self, logical: str) -> None:
        cidr = self.resolver.value(self._props(logical).get("CidrBlock"))
        if not isinstance(cidr, str):
            self.report.warnings.append(f"{logical}: CIDR is not a literal; using 10.0.0.0/16")
            cidr = "10.0.0.0/16"
        node_id = self.arch.new_id(logical)
        self.arch.add_node(
            VpcNode(
                id=node_id,
                label=self._label(logical),
                parent_id="region",
                cidr=str(ipaddress.ip_network(cidr, strict=False)),
            )
        )
        self.nodes[logical] = node_id
        self.report.mapped.append((logical, "AWS::EC2::VPC", node_id))

    def _import_subnet(self, logical: str, public: bool) -> None:
        """A subnet in its VPC's zone (made on first use); public when it maps public addresses on launch or
        routes to an internet gateway."""
        props = self._props(logical)
        vpc = self._ref_of(props.get("VpcId"))
        if vpc not in self.nodes:
            self.report.warnings.append(
                f"{logical}: its VPC is not in the template; kept as a generic resource"
            )
            return
        vpc_node = self.nodes[vpc]
        az_id = self._zone_of(vpc_node, self._zone_letter(props.get("AvailabilityZone")))
        cidr = self.resolver.value(props.get("CidrBlock"))
        cidr = cidr if isinstance(cidr, str) else self._free_cidr(vpc_node)
        tier = SubnetTier.PUBLIC if props.get("MapPublicIpOnLaunch") is True or public else SubnetTier.PRIVATE
        node_id = self.arch.new_id(logical)
        try:
            self.arch.add_node(
                SubnetNode(id=node_id, label=self._label(logical), parent_id=az_id, cidr=cidr, tier=tier)
            )
        except (InvariantError, ValueError) as exc:
            self.report.warnings.append(f"{logical}: {exc}; using a free CIDR")
            self.arch.add_node(
                SubnetNode(
                    id=node_id,
                    label=self._label(logical),
                    parent_id=az_id,
                    cidr=self._free_cidr(vpc_node),
                    tier=tier,
                )
            )
        self.nodes[logical] = node_id
        self.report.mapped.append((logical, "AWS::EC2::Subnet", node_id))

    def _zone_of(self, vpc_node: str, zone_letter: str) -> str:
        """The Availability Zone of the VPC with that letter, added the first time a subnet is in it."""
        az_id = f"{vpc_node}-az-{zone_letter}"
        if az_id not in self.arch.nodes:
            self.arch.add_node(
                AvailabilityZoneNode(
                    id=az_id,
                    label=f"AZ {zone_letter}",
                    parent_id=vpc_node,
                    zone=f"{self.arch.metadata.default_region}{zone_letter}",
                )
            )
        return az_id

    def _zone_letter(self, value: Any) -> str:
        if isinstance(value, str) and value[-1:].isalpha():
            return value[-1]
        if isinstance(value, dict) and "Fn::Select" in value:
            index = value["Fn::Select"][0]
            if isinstance(index, int | str) and str(index).isdigit():
                return "abcdef"[min(int(index), 5)]
        return "a"

    def _free_cidr(self, vpc_id: str) -> str:
        vpc = self.arch.node(vpc_id)
        network = ipaddress.IPv4Network(vpc.cidr)  # type: ignore[union-attr]
        taken = [
            ipaddress.IPv4Network(s.cidr) for s in self.arch.descendants(vpc_id) if isinstance(s, SubnetNode)
        ]
        for candidate in network.subnets(new_prefix=max(24, network.prefixlen)):
            if not any(candidate.overlaps(t) for t in taken):
                return str(candidate)
        raise TemplateError(f"no free subnet range left in {vpc.label}")

    def _public_subnets(self) -> set[str]:
        gateways = {name for name in self.resources if self._type(name) == "AWS::EC2::InternetGateway"}
        public_tables = {
            self._ref_of(self._props(name).get("RouteTableId"))
            for name in self.resources
            if self._type(name) == "AWS::EC2::Route"
            and self._ref_of(self._props(name).get("GatewayId")) in gateways
        }
        return {
            self._ref_of(self._props(name).get("SubnetId")) or ""
            for name in self.resources
            if self._type(name) == "AWS::EC2::SubnetRouteTableAssociation"
            and self._ref_of(self._props(name).get("RouteTableId")) in public_tables
        }
