"""A production CloudHSM cluster of one HSM."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, is_production, label
from archbuilder.validation.rules._links import count

RULE = Rule(
    id="REL-067",
    title="CloudHSM cluster with a single HSM",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "CloudHSM"),
    description="CloudHSM is a dedicated device that can be deployed in a highly available fashion: a cluster "
    "keeps its keys on every HSM it has. With one HSM, its failure stops every operation with the keys until a new "
    "HSM is restored from backup.",
    remediation="Run at least two HSMs in the cluster, in different Availability Zones.",
    check=each_service(
        ("cloudhsm_cluster",),
        lambda node, graph: is_production(graph) and count(node.properties.get("hsm_count"), 1) < 2,
        lambda node, graph: f"{label(node)} holds the keys on one HSM: its failure stops every key operation",
    ),
    applies_to=("cloudhsm_cluster",),
    tags=("encryption", "availability"),
    wa_best_practice="REL10-BP01",
    checked="2026-12-06",
)
