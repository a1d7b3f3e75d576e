"""A warehouse or Aurora cluster asking for a public address."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="SEC-048",
    title="Database set to publicly accessible",
    severity=Severity.WARNING,
    pillar=Pillar.SECURITY,
    effort=Effort.LOW,
    source=cite("003", "- Minimize Internet Exposure - expose only necessary resources in public subnets"),
    description="Publicly accessible gives the database endpoint a public address as soon as it sits in a subnet "
    "with a route to an internet gateway; then only its security group stands between it and the internet. A "
    "database reached only by the application tier never needs it.",
    remediation="Turn publicly accessible off and reach the database from the application tier, a VPN or a bastion.",
    check=each_service(
        ("redshift_cluster", "aurora_cluster"),
        lambda node, graph: node.properties.get("publicly_accessible") is True,
        lambda node, graph: f"{label(node)} is set to publicly accessible",
    ),
    applies_to=("redshift_cluster", "aurora_cluster"),
    tags=("database", "exposure"),
    wa_best_practice="SEC05-BP01",
    checked="2026-12-06",
)
