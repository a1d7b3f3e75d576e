"""Ingress allowed from an address range inside the VPC where a security group source would be precise."""

import ipaddress

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import ingress_rules, open_to_world, rule_covers_port, services_with_ingress
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label

SSH = 22  # SSH from address ranges on private servers is SEC-017


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    vpc_networks: dict[str, ipaddress.IPv4Network | ipaddress.IPv6Network] = {}
    for node in services_with_ingress(graph):  # only services with rules of their own can match
        if not graph.placements[node.id].subnet_ids:
            continue
        entries = [
            e
            for e in ingress_rules(node)
            if "cidr" in e and not open_to_world(e) and not rule_covers_port(e, SSH)
        ]
        vpc_id = graph.placements[node.id].vpc_id
        if not entries or vpc_id is None:
            continue
        if vpc_id not in vpc_networks:
            vpc_networks[vpc_id] = ipaddress.ip_network(
                getattr(graph.architecture.node(vpc_id), "cidr", "0.0.0.0/0")
            )
        vpc_network = vpc_networks[vpc_id]
        ranges = []
        for entry in entries:
            try:
                network = ipaddress.ip_network(str(entry["cidr"]), strict=False)
            except ValueError:
                continue
            if network.version == vpc_network.version and network.subnet_of(vpc_network):  # type: ignore[arg-type]
                ranges.append(str(network))
        if ranges:
            findings.append(
                rule.finding(
                    node,
                    f"{label(node)} admits {', '.join(sorted(set(ranges)))} from its own VPC by address range "
                    "instead of by security group",
                )
            )
    return findings


RULE = Rule(
    id="SEC-019",
    title="Address range where a security group source fits",
    severity=Severity.INFO,
    pillar=Pillar.SECURITY,
    effort=Effort.LOW,
    source=cite("000", "VPC and Network Security Tips"),
    description="A rule admitting a CIDR of the VPC lets every host that ever gets an address there in; using the "
    "source's security group admits exactly the hosts in that group, and follows them as they change.",
    remediation="Replace the CIDR with the security group of the services that need access (ingress source_id).",
    check=check,
    applies_to=("security_group",),
    tags=("network", "access"),
    wa_best_practice="SEC05-BP02",
    checked="2026-11-22",
)
