"""A production Kubernetes node group on Spot capacity only."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, is_production, label

RULE = Rule(
    id="REL-086",
    title="Production node group on Spot only",
    severity=Severity.INFO,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("003", "EKS is a managed Kubernetes cluster service"),
    description="Spot nodes can be reclaimed with two minutes' notice, several at once when a capacity pool runs "
    "dry; when every node of a production cluster is Spot, pods that must keep running have nowhere safe to go.",
    remediation="Keep an On-Demand node group for the pods that must stay up, and use Spot for the interruptible "
    "ones (spread over several instance types).",
    check=each_service(
        ("eks_node_group",),
        lambda node, graph: (
            is_production(graph)
            and node.properties.get("capacity_type") == "SPOT"
            and all(
                n.properties.get("capacity_type") == "SPOT" for n in graph.by_type.get("eks_node_group", [])
            )
        ),
        lambda node, graph: f"{label(node)} gives the production cluster Spot nodes only",
    ),
    applies_to=("eks_node_group", "eks_cluster"),
    tags=("containers", "availability", "pricing"),
    wa_best_practice="REL10-BP01",
    checked="2026-12-06",
)
