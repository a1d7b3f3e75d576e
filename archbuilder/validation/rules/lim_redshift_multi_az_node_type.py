"""A Redshift cluster marked Multi-AZ on a node type that has no Multi-AZ deployment."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="LIM-063",
    title="Multi-AZ Redshift on a node type without it",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "Amazon Redshift"),
    description="A Multi-AZ Redshift warehouse runs compute in two Availability Zones over RA3 managed storage; "
    "only RA3 node types (ra3.large, ra3.xlplus, ra3.4xlarge, ra3.16xlarge) support it, whether the cluster is "
    "created Multi-AZ or converted from single-AZ later.",
    remediation="Choose an RA3 node type for the Multi-AZ cluster, or deploy it single-AZ.",
    check=each_service(
        ("redshift_cluster",),
        lambda node, graph: (
            node.properties.get("multi_az") is True
            and not str(node.properties.get("instance_class") or "").startswith("ra3.")
        ),
        lambda node, graph: (
            f"{label(node)} is Multi-AZ on {node.properties.get('instance_class')}; only RA3 nodes "
            "support Multi-AZ"
        ),
    ),
    applies_to=("redshift_cluster",),
    tags=("analytics", "limits", "multi-az"),
    wa_best_practice="REL01-BP03",
    checked="2026-12-06",
    note="Beyond the guide, which knows no Multi-AZ Redshift: RA3 clusters have offered it since 2023.",
)
