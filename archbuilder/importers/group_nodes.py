"""Security groups drawn as nodes: which of the groups a service names is its own (folded into it) and which stay
groups of their own, what such a group says (its rules and outbound rule), and the services attached to it.

The model gives each VPC service one group of its own; a group shared by several services, one no service names,
or a second group beside the one named after its service (`<Service>SecurityGroup`, as the export names it) is
drawn as a security group node, attached to the services that name it."""

from __future__ import annotations

import contextlib
import re
from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.catalog.service_type import PropertySpec
from archbuilder.importers.folding import CompanionInference, named_by_owner
from archbuilder.importers.property_paths import Reading, absent
from archbuilder.importers.reader import TemplateReader
from archbuilder.model import InvariantError

GROUP = "AWS::EC2::SecurityGroup"
# Security group rules may name the protocol by its number; -1 is every protocol, which a design calls "all" (the
# catalog's ingress rules accept "-1" too, and the export writes both as -1: group_rules.declared_rule).
PROTOCOL_NUMBERS = {"6": "tcp", "17": "udp", "1": "icmp", "-1": "all"}
# The export's words for a declared rule without a description (exporters/cloudformation/group_rules.py).
DECLARED_RULE = "declared ingress rule"
# What follows `<group>From` in the name of a rule the export writes for a declared rule: `<source>Rule`, numbered.
_SOURCE_RULE = re.compile(r"\w+Rule\d*")


def protocol_and_ports(rule: dict[str, Any]) -> dict[str, Any]:
    """A template rule's protocol and ports as a catalog ingress rule states them. A rule for every protocol with
    the ports -1 is what the export writes for a design's "all" without ports, and reads back as that."""
    written = str(rule.get("IpProtocol", "tcp"))
    entry: dict[str, Any] = {"protocol": PROTOCOL_NUMBERS.get(written, written)}
    for key, name in (("FromPort", "from_port"), ("ToPort", "to_port")):
        if isinstance(rule.get(key), int | str) and str(rule.get(key)).lstrip("-").isdigit():
            entry[name] = int(rule[key])
    if entry["protocol"] == "all" and entry.get("from_port", -1) == entry.get("to_port", -1) == -1:
        entry.pop("from_port", None)
        entry.pop("to_port", None)
    return entry


def export_words(description: Any) -> bool:
    """Whether a rule's description is what the export writes for a declared rule without one ("declared ingress
    rule", or "... of <label>" on a group the service does not make itself)."""
    return isinstance(description, str) and (
        description == DECLARED_RULE or description.startswith(f"{DECLARED_RULE} of ")
    )


def declared_by_export(name: str, group: str, description: Any) -> bool:
    """Whether an ingress resource letting another group into `group` is one the export writes for a declared rule
    (group_rules.declared_rule): in its words, or named `<group>From<source>Rule` (numbered when there are several)
    with the user's description. The rules it writes for drawn connections say "from <source>"; a hand-written rule
    in neither form is read as a connection, as before."""
    if export_words(description):
        return True
    # The group's name, then a fixed pattern: a pattern spelling the group out would be compiled per group.
    named = name.startswith(f"{group}From") and _SOURCE_RULE.fullmatch(name, len(group) + 4) is not None
    return named and not (isinstance(description, str) and description.startswith("from "))


def ingress_rule(rule: dict[str, Any]) -> dict[str, Any]:
    """An inline CIDR rule of a template's group as a catalog ingress rule."""
    ports = protocol_and_ports(rule)
    entry: dict[str, Any] = {"protocol": ports.pop("protocol"), "cidr": rule["CidrIp"], **ports}
    # The export's own words for a rule without a description are not the user's.
    if isinstance(rule.get("Description"), str) and not export_words(rule["Description"]):
        entry["description"] = rule["Description"]
    return entry


def cidr_rules(props: dict[str, Any]) -> list[dict[str, Any]]:
    """A group's inline CIDR ingress rules as catalog ingress rules."""
    return [
        ingress_rule(rule)
        for rule in props.get("SecurityGroupIngress") or []
        if isinstance(rule, dict) and isinstance(rule.get("CidrIp"), str)
    ]


def _all_outbound(rule: Any) -> bool:
    return (
        isinstance(rule, dict)
        and str(rule.get("IpProtocol")) in ("-1", "all")
        and rule.get("CidrIp") == "0.0.0.0/0"
    )


class GroupReaders(TemplateReader):
    """The settings of a group drawn as a node, read by `reader:` entries of resources/import/*.yaml."""

    def _read_group_ingress(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        rules = cidr_rules(self._props(logical))
        return Reading(rules) if rules else Reading()

    def _read_all_egress(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        """Whether the group keeps an allow-all outbound rule. Without SecurityGroupEgress, CloudFormation keeps
        AWS's default one (`absent: true`); Terraform removes it from the groups it creates (`absent: false`)."""
        rules = self._props(logical).get("SecurityGroupEgress")
        if not isinstance(rules, list) or not rules:
            return absent(entry, spec)
        return Reading(any(_all_outbound(rule) for rule in rules))


class GroupNodeInference(CompanionInference):
    def _one_group_each(self, owners: dict[str, str]) -> dict[str, str]:
        """Of the groups that would fold into one service, only the one named after it does when there are
        several: the others are groups drawn beside it, attached to it."""
        groups: dict[str, list[str]] = {}
        for companion, owner in owners.items():
            if self._type(companion) == GROUP:
                groups.setdefault(owner, []).append(companion)
        kept = dict(owners)
        for owner, named in groups.items():
            own = [group for group in named if named_by_owner(group, owner, "SecurityGroup")]
            if len(named) > 1 and len(own) == 1:
                for group in named:
                    if group not in own:
                        del kept[group]
        return kept

    def _drawn_groups(self) -> None:
        """Each group drawn as a node is attached to the services that name it (through a launch template or
        instance profile too, where the service takes attachments), and its rules letting in another group are
        its own ingress rules, naming the node that group is (or belongs to)."""
        users = self._companion_users()
        apart = self._ingress_resources_by_group()
        for logical, node_id in sorted(self.nodes.items()):
            if not self._drawn_group(logical):
                continue
            for user in sorted(self._final_users(users, logical)):
                target = self.nodes.get(user)
                if target is None or target == node_id:
                    continue
                if ConnectionKind.ATTACH in self.arch.accepted_kinds(node_id, target):
                    with contextlib.suppress(InvariantError):  # already attached
                        self.arch.connect(node_id, target, ConnectionKind.ATTACH)
            naming = [self._source_rule(rule) for rule in self._group_rules(logical, apart)]
            if any(naming):
                rules = list(self.arch.service(node_id).properties.get("ingress") or [])
                self.arch.set_property(node_id, "ingress", rules + [r for r in naming if r], as_written=True)

    def _declared_source_rules(self) -> None:
        """The rules the export writes for a service's declared rules letting in another group come back as the
        service's declared ingress rules, naming the node that group is; its rules for drawn connections stay
        connections (connections.py)."""
        for name in self.resources:
            declared = self._declared_rule(name)
            if declared is not None:
                node_id, rule = declared
                rules = list(self.arch.service(node_id).properties.get("ingress") or [])
                self.arch.set_property(node_id, "ingress", [*rules, rule], as_written=True)

    def _declared_rule(self, name: str) -> tuple[str, dict[str, Any]] | None:
        """(the service, its declared rule) when the ingress resource `name` is one of the export's declared rules
        on a service's own group, naming a group that is (or belongs to) a node."""
        props = self._props(name)
        group = self._ref_of(props.get("GroupId"))
        if self._type(name) != "AWS::EC2::SecurityGroupIngress" or group is None or self._drawn_group(group):
            return None
        owner = self.nodes.get(self.owners.get(group, "")) if self._type(group) == GROUP else None
        node = self.arch.nodes.get(owner or "")
        if (
            node is None
            or node.kind != "service"
            or not declared_by_export(name, group, props.get("Description"))
        ):
            return None
        if self.arch.catalog.get(node.type).property_spec("ingress") is None:
            return None
        rule = self._source_rule(props)
        return (node.id, rule) if rule is not None else None

    def _drawn_group(self, logical: str) -> bool:
        node = self.arch.nodes.get(self.nodes.get(logical, ""))
        return self._type(logical) == GROUP and getattr(node, "type", "") == "security_group"

    def _ingress_resources_by_group(self) -> dict[str | None, list[dict[str, Any]]]:
        """The properties of the ingress resources of the template by the group they add to, in template
        order: gathered once (looking them up per group read every resource once per group: 75 million reads
        for the 8,000 groups of a 5 MB template)."""
        by_group: dict[str | None, list[dict[str, Any]]] = {}
        for name in self.resources:
            if self._type(name) == "AWS::EC2::SecurityGroupIngress":
                props = self._props(name)
                by_group.setdefault(self._ref_of(props.get("GroupId")), []).append(props)
        return by_group

    def _group_rules(self, group: str, apart: dict[str | None, list[dict[str, Any]]]) -> list[dict[str, Any]]:
        """A group's rules letting in another group: inline, then as ingress resources of their own (`apart`,
        by group)."""
        inline = [r for r in self._props(group).get("SecurityGroupIngress") or [] if isinstance(r, dict)]
        return [
            rule for rule in inline + apart.get(group, []) if rule.get("SourceSecurityGroupId") is not None
        ]

    def _source_rule(self, rule: dict[str, Any]) -> dict[str, Any] | None:
        """A rule letting in another group as a catalog ingress rule naming its node (None when the group is no
        node's: the rule stays in the kept template)."""
        source = self.group_node(self._ref_of(rule.get("SourceSecurityGroupId")))
        if source is None:
            return None
        entry = ingress_rule({**rule, "CidrIp": ""})
        del entry["cidr"]
        return {**entry, "source_id": source}

    def group_node(self, group: str | None) -> str | None:
        """The node a security group is: itself drawn as a node, or the service it folds into."""
        if group is None or self._type(group) != GROUP:
            return None
        return self.nodes.get(group) or self.nodes.get(self.owners.get(group, ""))
