"""Services: which catalog type a resource is, where it sits (the subnets it names), and the generic node a
resource becomes when the catalog has no entry for it or the template does not say where it goes."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ParentKind, Placement, ServiceType
from archbuilder.importers.existing_network import key_of
from archbuilder.importers.properties import PropertyReading
from archbuilder.importers.references import refs
from archbuilder.model import InvariantError, SubnetNode
from archbuilder.model.containment import parent_kind_of

SUBNET_KEYS = ("SubnetId", "SubnetIds", "Subnets", "VPCZoneIdentifier")


class ServiceInference(PropertyReading):
    def _service_type(self, logical: str, kind: str) -> ServiceType | None:
        props = self._props(logical)
        if kind == "AWS::ElasticLoadBalancingV2::LoadBalancer" and props.get("Type") == "network":
            return self.catalog.get("nlb")
        if kind == "AWS::EC2::VPCEndpoint" and props.get("VpcEndpointType") == "Interface":
            return self.catalog.get("vpc_endpoint_interface")
        # The type the export named where the resource does not tell it (an ECS service on Fargate).
        types = self._design_metadata().get("types")
        named = self.catalog.find(str(types.get(logical))) if isinstance(types, dict) else None
        if named is not None and kind in named.cfn_types:
            return named
        return self.catalog.by_cfn_type(kind)

    def _subnet_candidates(self, logical: str) -> list[Any]:
        props = self._props(logical)
        candidates: list[Any] = [props.get(key) for key in SUBNET_KEYS]
        vpc_config = props.get("VpcConfig")
        candidates.append(vpc_config.get("SubnetIds") if isinstance(vpc_config, dict) else None)
        # A CodeBuild project names them `Subnets` in its VpcConfig.
        candidates.append(vpc_config.get("Subnets") if isinstance(vpc_config, dict) else None)
        # An Elastic Beanstalk environment names its subnets in an option setting.
        for setting in props.get("OptionSettings") or []:
            if isinstance(setting, dict) and setting.get("OptionName") == "Subnets":
                candidates.append(setting.get("Value"))
        # A Batch compute environment's and an EMR cluster's subnets sit in their compute settings.
        for holder, key in (("ComputeResources", "Subnets"), ("Instances", "Ec2SubnetId")):
            nested = props.get(holder)
            candidates.append(nested.get(key) if isinstance(nested, dict) else None)
        network = props.get("NetworkConfiguration")
        if isinstance(network, dict) and isinstance(network.get("AwsvpcConfiguration"), dict):
            candidates.append(network["AwsvpcConfiguration"].get("Subnets"))
        for interface in props.get("NetworkInterfaces") or []:
            if isinstance(interface, dict):
                candidates.append(interface.get("SubnetId"))
        for group_key in (
            "DBSubnetGroupName",
            "CacheSubnetGroupName",
            "SubnetGroupName",
            "ClusterSubnetGroupName",
        ):
            group = self._ref_of(props.get(group_key))
            if group is not None:
                candidates.append(self._props(group).get("SubnetIds"))
        for path in ("ResourcesVpcConfig", "VPCOptions"):
            nested = props.get(path)
            candidates.append(nested.get("SubnetIds") if isinstance(nested, dict) else None)
        candidates += self._companion_subnets(logical)
        brokers = props.get("BrokerNodeGroupInfo")
        candidates.append(brokers.get("ClientSubnets") if isinstance(brokers, dict) else None)
        # An EFS file system is in the subnets of its mount targets.
        candidates += [self._props(name).get("SubnetId") for name in self._mount_targets().get(logical, [])]
        return candidates

    def _mount_targets(self) -> dict[str, list[str]]:
        """File system -> its mount targets, in template order; gathered once (asked for each service)."""
        if self._mount_targets_of is None:
            self._mount_targets_of = {}
            for name in self.resources:
                if self._type(name) == "AWS::EFS::MountTarget":
                    for system in dict.fromkeys(refs(self._props(name).get("FileSystemId"))):
                        self._mount_targets_of.setdefault(system, []).append(name)
        return self._mount_targets_of

    def _subnets(self, logical: str) -> list[str]:
        subnets: list[str] = []
        for candidate in self._subnet_candidates(logical):
            found = [
                self.nodes[ref]
                for ref in refs(candidate)
                if ref in self.nodes and isinstance(self.arch.nodes.get(self.nodes[ref]), SubnetNode)
            ]
            found += self._existing_subnets_named(candidate)
            subnets += [s for s in found if s not in subnets]
        return subnets

    def _existing_subnets_named(self, value: Any) -> list[str]:
        """Placeholder subnets of an existing network that a value names (a list parameter names them all)."""
        existing = getattr(self, "existing_subnets", {})
        if not existing:
            return []  # no existing network: no need to spell the value out (30,000 times for 2,500 services)
        if key_of(value) in existing:
            return list(existing[key_of(value)])
        if isinstance(value, list):
            return [s for item in value for s in existing.get(key_of(item), [])]
        return []

    def _service(self, logical: str, kind: str) -> None:
        service = self._service_type(logical, kind)
        if service is None or service.id == "generic":
            self._generic(logical, kind, "the catalog has no entry for this type")
            return
        if self.writable is not None and not self.writable(service.id):
            self._generic(logical, kind, f"the CloudFormation exporter cannot write {service.short_name} yet")
            return
        parent, extras = self._placement(logical, service)
        if parent == "":
            self._generic(logical, kind, f"{service.short_name} needs a subnet the template does not give")
            return
        properties = self._properties(logical, service)
        node_id = self.arch.new_id(logical)
        try:
            self.arch.add_service(
                service.id,
                parent,
                label=self._label(logical),
                node_id=node_id,
                properties=properties,
                extra_subnet_ids=extras,
            )
        except InvariantError as exc:
            self._generic(logical, kind, str(exc))
            return
        self.nodes[logical] = node_id
        self.report.mapped.append((logical, kind, node_id))

    def _placement(self, logical: str, service: ServiceType) -> tuple[str | None, list[str]]:
        allowed = set(service.allowed_parents)
        if service.placement in (Placement.GLOBAL,):
            return None, []
        if service.placement is Placement.VPC:
            return self._vpc_placement(logical, service)
        subnets = [s for s in self._subnets(logical) if parent_kind_of(self.arch.node(s)) in allowed]
        if not subnets and service.placement is Placement.SUBNET:
            subnets = self._zone_subnets(logical, allowed)
        if not subnets and service.placement in (Placement.SUBNET, Placement.MULTI_SUBNET):
            subnets = [s for s in self._default_vpc_subnets() if parent_kind_of(self.arch.node(s)) in allowed]
        if service.placement in (Placement.SUBNET, Placement.MULTI_SUBNET):
            if not subnets:
                return "", []
            return subnets[0], subnets[1:] if service.spans_subnets else []
        if service.placement is Placement.REGIONAL_VPC_OPTIONAL and subnets:
            return subnets[0], subnets[1:]
        return ("region" if ParentKind.REGION in allowed else None), []

    def _zone_subnets(self, logical: str, allowed: set[ParentKind]) -> list[str]:
        """Subnets of the zone a resource names (an EBS volume names only its zone), private ones first."""
        zone = self._props(logical).get("AvailabilityZone")
        if zone is None:
            return []
        letter = self._zone_letter(zone)
        found = [
            node.id
            for node in self.arch.nodes.values()
            if isinstance(node, SubnetNode)
            and parent_kind_of(node) in allowed
            and self.arch.node(node.parent_id or "").label == f"AZ {letter}"
        ]
        return sorted(found, key=lambda s: (self.arch.node(s).tier.value != "private", s))  # type: ignore[union-attr]

    def _zone_letter(self, value: Any) -> str:
        raise NotImplementedError

    def _default_vpc_subnets(self) -> list[str]:
        raise NotImplementedError

    def _default_vpc(self) -> str:
        """The default VPC's node (made with its subnets on first use)."""
        subnet = self.arch.node(self._default_vpc_subnets()[0])
        return str(self.arch.node(subnet.parent_id or "").parent_id)

    def _vpc_placement(self, logical: str, service: ServiceType) -> tuple[str | None, list[str]]:
        named = getattr(self, "existing_vpcs", {}).get(key_of(self._props(logical).get("VpcId")))
        if named is not None:
            return named, []
        vpc = self._ref_of(self._props(logical).get("VpcId"))
        if vpc is None and service.id in ("internet_gateway", "vpn_gateway"):
            # A gateway is in the VPC it is attached to.
            key = "InternetGatewayId" if service.id == "internet_gateway" else "VpnGatewayId"
            vpc = next(
                (
                    self._ref_of(self._props(name).get("VpcId"))
                    for name in self.resources
                    if self._type(name) == "AWS::EC2::VPCGatewayAttachment"
                    and self._ref_of(self._props(name).get(key)) == logical
                ),
                None,
            )
        if vpc in self.nodes:
            return self.nodes[vpc], []
        if self._props(logical).get("VpcId") is None and service.id not in (
            "internet_gateway",
            "vpn_gateway",
        ):
            return self._default_vpc(), []
        return "", []

    def _generic(self, logical: str, kind: str, why: str) -> None:
        node_id = self.arch.new_id(logical)
        self.arch.add_service(
            "generic",
            "region",
            label=self._label(logical),
            node_id=node_id,
            properties={"resource_type": kind, "raw_properties": self._props(logical)},
        )
        self.nodes[logical] = node_id
        self.report.generic.append((logical, kind, node_id))
        self.report.reasons[logical] = why
