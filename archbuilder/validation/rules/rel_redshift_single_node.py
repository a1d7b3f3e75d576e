"""A production Redshift warehouse of a single node."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, is_production, label
from archbuilder.validation.rules._links import count

RULE = Rule(
    id="REL-074",
    title="Single-node production warehouse",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.HIGH,
    source=cite("000", "Redshift Gotchas and Limitations"),
    description="A single-node Redshift cluster is leader and compute at once: a node failure stops the warehouse "
    "until it is replaced and restored from the last snapshot, losing what was loaded since. Multi-node clusters "
    "recover a failed node without data loss.",
    remediation="Run production warehouses on two nodes or more (RA3 nodes keep data in managed storage), or on "
    "Redshift Serverless.",
    check=each_service(
        ("redshift_cluster",),
        lambda node, graph: is_production(graph) and count(node.properties.get("num_nodes"), 2) < 2,
        lambda node, graph: f"{label(node)} runs the production warehouse on one node",
    ),
    applies_to=("redshift_cluster",),
    tags=("analytics", "availability"),
    wa_best_practice="REL10-BP01",
    checked="2026-12-06",
)
