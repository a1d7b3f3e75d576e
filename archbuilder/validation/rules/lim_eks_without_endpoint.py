"""An EKS cluster with both its public and its private API endpoint turned off."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="LIM-049",
    title="EKS cluster without an API endpoint",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("003", "EKS is a managed Kubernetes cluster service"),
    description="Nodes and kubectl reach the cluster's Kubernetes API through its public or its private endpoint; "
    "EKS refuses a cluster with both turned off, since nothing could reach the control layer.",
    remediation="Turn the private endpoint on (and keep the public one off unless people must reach it from the "
    "internet).",
    check=each_service(
        ("eks_cluster",),
        lambda node, graph: (
            node.properties.get("endpoint_public_access") is False
            and node.properties.get("endpoint_private_access") is False
        ),
        lambda node, graph: f"{label(node)} has neither a public nor a private API endpoint",
    ),
    applies_to=("eks_cluster",),
    tags=("containers", "limits"),
    wa_best_practice="REL01-BP03",
    checked="2026-12-06",
)
