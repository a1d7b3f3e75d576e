"""A network the template takes as given instead of creating it: a VPC and subnets passed as Parameters
(`AWS::EC2::VPC::Id`, `List<AWS::EC2::Subnet::Id>`, SSM parameters of those), literal ids or imports. They
become an existing VPC with placeholder subnets per tier and Availability Zone, so that the services placed in
them are drawn and checked like any other; the export names them as the template did and creates nothing."""

from __future__ import annotations

import json
import re
from typing import Any

from archbuilder.importers.reader import TemplateReader
from archbuilder.importers.references import refs
from archbuilder.model import AvailabilityZoneNode, SubnetNode, SubnetTier, VpcNode
from archbuilder.model.nodes import ExistingNetwork

VPC_TYPES = {"AWS::EC2::VPC::Id", "AWS::SSM::Parameter::Value<AWS::EC2::VPC::Id>"}
SUBNET_TYPES = {"AWS::EC2::Subnet::Id", "AWS::SSM::Parameter::Value<AWS::EC2::Subnet::Id>"}
SUBNET_LIST_TYPES = {
    "List<AWS::EC2::Subnet::Id>",
    "AWS::SSM::Parameter::Value<List<AWS::EC2::Subnet::Id>>",
}
# Where resources name their VPC and their subnets (at any depth: ECS networking, Lambda VPC config...).
VPC_KEYS = frozenset({"VpcId"})
SUBNET_KEYS = frozenset({"SubnetId", "SubnetIds", "Subnets", "VPCZoneIdentifier", "ClientSubnets"})
NETWORK_TYPES = {"AWS::EC2::VPC", "AWS::EC2::Subnet"}
_TRAILING_INDEX = re.compile(r"(\d+|[A-Ca-c])$")


def key_of(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


class ExistingNetworkInference(TemplateReader):
    # Expression (as key_of) -> the placeholder subnets or existing VPC it names.
    existing_subnets: dict[str, list[str]]
    existing_vpcs: dict[str, str]

    def _existing_network(self) -> None:
        self.existing_subnets, self.existing_vpcs = {}, {}
        vpc_values, subnet_values = self._network_mentions()
        if not vpc_values and not subnet_values:
            return
        vpc_ids = [self._existing_vpc(value, index) for index, value in enumerate(vpc_values)]
        if not vpc_ids:
            vpc_ids = [self._existing_vpc(None, 0)]
        taken: dict[tuple[str, str], int] = {}
        for value in subnet_values:
            self._placeholders(vpc_ids[0], value, taken)
        for vpc_id in vpc_ids:
            self._existing_gateway(vpc_id)

    def _existing_gateway(self, vpc_id: str) -> None:
        """An existing VPC with public subnets has an internet gateway, which the template does not show."""
        public = [
            n
            for n in self.arch.descendants(vpc_id)
            if isinstance(n, SubnetNode) and n.tier is SubnetTier.PUBLIC
        ]
        if public:
            self.arch.add_service(
                "internet_gateway",
                vpc_id,
                label="Internet gateway",
                node_id=self.arch.new_id(f"{vpc_id} igw"),
            )

    def _network_mentions(self) -> tuple[list[Any], list[Any]]:
        """The VPC and subnet values resources give that are not resources of the template, first mention
        first, then parameters of those types that nothing names."""
        vpcs: dict[str, Any] = {}
        subnets: dict[str, Any] = {}
        for logical in self.resources:
            if self._type(logical) in NETWORK_TYPES:
                continue
            for key, value in _keyed_values(self._props(logical), VPC_KEYS | SUBNET_KEYS):
                target = vpcs if key in VPC_KEYS else subnets
                for item in self._network_items(value, single=key in VPC_KEYS):
                    target.setdefault(key_of(item), item)
        for name, spec in self.resolver.parameters.items():
            kind = str(spec.get("Type", "")) if isinstance(spec, dict) else ""
            if kind in VPC_TYPES:
                vpcs.setdefault(key_of({"Ref": name}), {"Ref": name})
            elif kind in SUBNET_TYPES | SUBNET_LIST_TYPES:
                subnets.setdefault(key_of({"Ref": name}), {"Ref": name})
        return list(vpcs.values()), list(subnets.values())

    def _network_items(self, value: Any, *, single: bool) -> list[Any]:
        """The values in `value` that name a VPC or subnets outside the template (refs to its own are not)."""
        if isinstance(value, list) and not single:
            return [item for element in value for item in self._network_items(element, single=True)]
        named = refs(value)
        if named and any(name in self.resources for name in named):
            return []
        if (
            value is None
            or value == ""
            or (isinstance(value, str) and not value.startswith(("vpc-", "subnet-")))
        ):
            return []
        return [value]

    def _existing_vpc(self, value: Any, index: int) -> str:
        parameter = self.resolver.parameter_name(value) or ""
        label = parameter or (value if isinstance(value, str) else "Existing VPC")
        node_id = self.arch.new_id(f"existing {label}")
        existing = ExistingNetwork(parameter=parameter, value=None if parameter else value)
        cidr = f"10.{100 + index}.0.0/16"
        self.arch.add_node(
            VpcNode(id=node_id, label=str(label)[:200], parent_id="region", cidr=cidr, existing=existing)
        )
        if value is not None:
            self.existing_vpcs[key_of(value)] = node_id
        self.report.warnings.append(
            f"{label}: an existing VPC the template is given; its subnets are placeholders ({cidr} is not its range)"
        )
        return node_id

    def _placeholders(self, vpc_id: str, value: Any, taken: dict[tuple[str, str], int]) -> None:
        """Placeholder subnets for one subnet value: each item of a list parameter, or the one subnet named."""
        parameter = self.resolver.parameter_name(value)
        spec = self.resolver.parameters.get(parameter, {}) if parameter else {}
        tier = self._tier(parameter or str(value), spec)
        if parameter and str(spec.get("Type")) in SUBNET_LIST_TYPES | {"CommaDelimitedList"}:
            default = spec.get("Default")
            count = len(str(default).split(",")) if default else 2
            ids = []
            for index in range(count):
                ids.append(
                    self._placeholder(vpc_id, f"{parameter} {index + 1}", tier, index, parameter, index)
                )
                select = {"Fn::Select": [index, {"Ref": parameter}]}
                self.existing_subnets[key_of(select)] = [ids[-1]]
            self.existing_subnets[key_of(value)] = ids
            return
        match = _TRAILING_INDEX.search(parameter or "")
        if match:
            index = (
                int(match.group(1)) - 1 if match.group(1).isdigit() else "abc".index(match.group(1).lower())
            )
        else:
            index = taken.get((vpc_id, tier.value), 0)
        taken[(vpc_id, tier.value)] = max(index, taken.get((vpc_id, tier.value), 0)) + 1
        label = parameter or (value if isinstance(value, str) else "Existing subnet")
        node_id = self._placeholder(vpc_id, str(label), tier, index, parameter or "", None, value)
        self.existing_subnets[key_of(value)] = [node_id]

    def _placeholder(
        self,
        vpc_id: str,
        label: str,
        tier: SubnetTier,
        index: int,
        parameter: str,
        item: int | None,
        value: Any = None,
    ) -> str:
        letter = "abcdef"[min(max(index, 0), 5)]
        az_id = f"{vpc_id}-az-{letter}"
        if az_id not in self.arch.nodes:
            zone = f"{self.arch.metadata.default_region}{letter}"
            self.arch.add_node(
                AvailabilityZoneNode(id=az_id, label=f"AZ {letter}", parent_id=vpc_id, zone=zone)
            )
        existing = ExistingNetwork(parameter=parameter, index=item, value=None if parameter else value)
        node_id = self.arch.new_id(label)
        cidr = self._free_cidr(vpc_id)
        self.arch.add_node(
            SubnetNode(
                id=node_id, label=label[:200], parent_id=az_id, cidr=cidr, tier=tier, existing=existing
            )
        )
        return node_id

    def _default_vpc_subnets(self) -> list[str]:
        """The account's default VPC, where AWS puts what a template gives no network (a database without a
        subnet group, a load balancer given only zones): made on first use, with a public subnet in two zones,
        as a default VPC has."""
        existing = getattr(self, "default_vpc_subnets", None)
        if existing is not None:
            return list(existing)
        node_id = self.arch.new_id("default vpc")
        self.arch.add_node(
            VpcNode(
                id=node_id,
                label="Default VPC",
                parent_id="region",
                cidr="172.31.0.0/16",
                existing=ExistingNetwork(),
            )
        )
        self.default_vpc_subnets = [
            self._placeholder(node_id, f"Default subnet {letter}", SubnetTier.PUBLIC, index, "", None)
            for index, letter in enumerate("ab")
        ]
        self._existing_gateway(node_id)
        self.report.warnings.append(
            "Default VPC: services the template gives no network are in the account's default VPC (public "
            "subnets in every zone)"
        )
        return list(self.default_vpc_subnets)

    def _tier(self, name: str, spec: Any) -> SubnetTier:
        """Public or private from the parameter's name or description; private when neither says."""
        words = f"{name} {spec.get('Description', '') if isinstance(spec, dict) else ''}".lower()
        return SubnetTier.PUBLIC if "public" in words and "private" not in words else SubnetTier.PRIVATE

    def _free_cidr(self, vpc_id: str) -> str:
        raise NotImplementedError


def _keyed_values(value: Any, keys: frozenset[str]) -> list[tuple[str, Any]]:
    """(key, value) for every entry under one of `keys`, at any depth."""
    found: list[tuple[str, Any]] = []
    _gather_keyed(value, keys, found)
    return found


def _gather_keyed(value: Any, keys: frozenset[str], found: list[tuple[str, Any]]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if key in keys:
                found.append((key, item))
            else:
                _gather_keyed(item, keys, found)
    elif isinstance(value, list):
        for item in value:
            _gather_keyed(item, keys, found)
