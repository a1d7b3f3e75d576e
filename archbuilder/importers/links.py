"""The links between networks as a design draws them (exporters/cloudformation/connectivity.py, network_acls.py):
which gateway a declared Direct Connect connection belongs to, what the export records of a link it leaves to do
by hand, and the connections that gateway associations and network ACL subnet associations stand for."""

from __future__ import annotations

import json
import re
from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.catalog.service_type import PropertySpec
from archbuilder.importers.connections import ConnectionInference
from archbuilder.importers.property_paths import Reading, absent, interpret, walk
from archbuilder.model import ServiceNode, SubnetNode

DX_CONNECTION = "AWS::DirectConnect::Connection"
DX_GATEWAY = "AWS::DirectConnect::DirectConnectGateway"
DX_ASSOCIATION = "AWS::DirectConnect::DirectConnectGatewayAssociation"
ACL = "AWS::EC2::NetworkAcl"
ACL_ASSOCIATION = "AWS::EC2::SubnetNetworkAclAssociation"
# What the export records of a link it does not declare (kit.by_hand in connectivity.py): a hosted connection is
# ordered from a partner, a dedicated one without a location is ordered once a location is chosen.
HOSTED_STEP = re.compile(r"^order a hosted (?P<bandwidth>\S+) connection\b")
UNPLACED_STEP = re.compile(r"^choose the Direct Connect location of the (?P<bandwidth>\S+) port\b")


class LinkInference(ConnectionInference):
    def _said_connections(self) -> None:
        super()._said_connections()
        self._link_connections()

    def _of_type(self, kind: str) -> list[str]:
        return [name for name in self.resources if self._type(name) == kind]

    def _link_companions(self) -> dict[str, str]:
        """Dedicated Direct Connect connection -> the gateway of its link: the one of the same name (the export
        names both after the node), else the only one when the template declares one gateway and one connection.
        Nothing else in a template joins them: the virtual interface between them is created by hand."""
        connections = self._of_type(DX_CONNECTION)
        gateways = self._of_type(DX_GATEWAY)
        names = {_key(self._props(g).get("DirectConnectGatewayName")): g for g in reversed(gateways)}
        owners = {}
        for connection in connections:
            name = _key(self._props(connection).get("ConnectionName"))
            if name != _key(None) and name in names:
                owners[connection] = names[name]
        if not owners and len(connections) == 1 and len(gateways) == 1:
            owners[connections[0]] = gateways[0]
        return owners

    def _stands_alone(self, logical: str, kind: str) -> bool:
        """A dedicated connection with no gateway of its own is the link itself."""
        return kind == DX_CONNECTION and logical not in self.owners

    # ---------------------------------------------------------------- Direct Connect settings

    def _dedicated_connection(self, logical: str) -> str | None:
        """The declared connection of a link: the node's own resource, or the one folded into its gateway."""
        if self._type(logical) == DX_CONNECTION:
            return logical
        return next((c for c, gateway in self.owners.items() if gateway == logical), None)

    def _link_steps(self, logical: str) -> list[str]:
        short_name = self.catalog.get("direct_connect").short_name
        return self._recorded_steps(self._label(logical), short_name)

    def _read_direct_connect_type(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        if self._dedicated_connection(logical) is not None:
            # CloudFormation orders dedicated ports; partners provision hosted ones.
            return Reading("dedicated")
        if any(HOSTED_STEP.match(step) for step in self._link_steps(logical)):
            return Reading("hosted")
        return absent(entry, spec)

    def _read_direct_connect_bandwidth(
        self, logical: str, entry: dict[str, Any], spec: PropertySpec
    ) -> Reading:
        connection = self._dedicated_connection(logical)
        if connection is not None:
            return interpret(walk(self._props(connection), "Bandwidth", self.resolver), entry, spec)
        for step in self._link_steps(logical):
            found = HOSTED_STEP.match(step) or UNPLACED_STEP.match(step)
            if found:
                return interpret(found.group("bandwidth"), entry, spec)
        return absent(entry, spec)

    def _read_direct_connect_location(
        self, logical: str, entry: dict[str, Any], spec: PropertySpec
    ) -> Reading:
        connection = self._dedicated_connection(logical)
        if connection is None:
            return Reading("")  # not chosen yet, or a partner's
        return interpret(walk(self._props(connection), "Location", self.resolver), entry, spec)

    # ---------------------------------------------------------------- connections

    def _link_connections(self) -> None:
        """A Direct Connect gateway association joins the link to a virtual private or transit gateway; a network
        ACL associated with some of its VPC's subnets guards the services in them."""
        for association in self._of_type(DX_ASSOCIATION):
            props = self._props(association)
            gateway = self._ref_of(props.get("DirectConnectGatewayId"))
            link = self.nodes.get(gateway or "")
            aws_end = self.nodes.get(self._ref_of(props.get("AssociatedGatewayId")) or "")
            if link is not None and aws_end is not None:
                self._connect(link, aws_end, preferred=ConnectionKind.ATTACH)
        for acl in self._of_type(ACL):
            if acl in self.nodes:
                for service in self._guarded_services(acl):
                    self._connect(self.nodes[acl], service, preferred=ConnectionKind.ATTACH)

    def _guarded_services(self, acl: str) -> list[str]:
        """The services an ACL is attached to: none when it guards every subnet of its VPC (as an ACL attached
        to nothing does), else those whose subnets it all guards."""
        guarded = {
            self.nodes[subnet]
            for name in self._of_type(ACL_ASSOCIATION)
            if self._ref_of(self._props(name).get("NetworkAclId")) == acl
            and (subnet := self._ref_of(self._props(name).get("SubnetId"))) in self.nodes
        }
        vpc = self.arch.node(self.nodes[acl]).parent_id or ""
        subnets = {node.id for node in self.arch.descendants(vpc) if isinstance(node, SubnetNode)}
        if not guarded or guarded == subnets:
            return []
        return sorted(
            node.id
            for node in self.arch.nodes.values()
            if isinstance(node, ServiceNode)
            and node.parent_id in guarded
            and set(node.extra_subnet_ids) <= guarded
        )


def _key(value: Any) -> str:
    """A name as written (text or expression), comparable."""
    return json.dumps(value, sort_keys=True)
