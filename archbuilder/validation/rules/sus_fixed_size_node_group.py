"""An EKS node group whose minimum equals its maximum, so no autoscaler can follow the load."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label


def _fixed(node: ServiceNode) -> bool:
    low, high = node.properties.get("min_size"), node.properties.get("max_size")
    return isinstance(low, int) and isinstance(high, int) and low == high


RULE = Rule(
    id="SUS-003",
    title="Kubernetes node group of fixed size",
    severity=Severity.INFO,
    pillar=Pillar.SUSTAINABILITY,
    effort=Effort.MEDIUM,
    source=cite("003", "- Use Cluster Autoscaler or Karpenter to automatically adjust the number of nodes"),
    description="Cluster Autoscaler or Karpenter adjust the number of nodes to the traffic; with the minimum equal "
    "to the maximum they have no room to act, and the nodes sized for the peak run at every hour.",
    remediation="Give the node group a lower minimum than its maximum and run Cluster Autoscaler or Karpenter.",
    check=each_service(
        ("eks_node_group",),
        lambda node, graph: _fixed(node),
        lambda node, graph: (
            f"{label(node)} always runs {node.properties.get('min_size')} nodes: its minimum equals its maximum"
        ),
    ),
    applies_to=("eks_node_group",),
    tags=("scaling", "containers"),
    wa_best_practice="SUS02-BP01",
    checked="2026-11-23",
)
