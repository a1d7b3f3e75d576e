"""SSH into a private server allowed from an address range instead of only from a bastion host."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import (
    effective_ingress,
    in_public_subnet,
    in_vpc,
    open_to_world,
    rule_covers_port,
    services_of_type,
)
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label

SERVERS = ("ec2_instance", "autoscaling_group", "emr_cluster")
SSH = 22


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for node in services_of_type(graph, *SERVERS):
        if not in_vpc(graph, node) or in_public_subnet(graph, node):
            continue
        # World-open SSH is SEC-001; a security group source (e.g. the bastion's) is what the guide recommends.
        ranges = sorted(
            {
                str(entry["cidr"])
                for entry in effective_ingress(graph, node)
                if "cidr" in entry and not open_to_world(entry) and rule_covers_port(entry, SSH)
            }
        )
        if ranges:
            findings.append(
                rule.finding(
                    node,
                    f"{label(node)} accepts SSH from {', '.join(ranges)} rather than from a bastion host",
                )
            )
    return findings


RULE = Rule(
    id="SEC-017",
    title="SSH to private servers not through a bastion host",
    severity=Severity.WARNING,
    pillar=Pillar.SECURITY,
    effort=Effort.LOW,
    source=cite(
        "003",
        "- Use Bastion Host - to access private resources in private subnets, e.g. EC2 inside a public subnet",
    ),
    description="Private servers should accept SSH only from a bastion host in a public subnet, the single SSH "
    "access point; an address range lets every machine in it try to log in.",
    remediation="Allow port 22 only from the bastion host's security group (ingress rule with source_id), or use "
    "Session Manager and close the port.",
    check=check,
    applies_to=("ec2_instance", "autoscaling_group", "emr_cluster"),
    tags=("access", "network"),
    wa_best_practice="SEC06-BP03",
    checked="2026-11-22",
)
