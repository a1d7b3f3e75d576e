"""An EKS cluster whose Kubernetes API endpoint answers on the internet."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="SEC-036",
    title="Kubernetes API open to the internet",
    severity=Severity.WARNING,
    pillar=Pillar.SECURITY,
    effort=Effort.LOW,
    source=cite("003", "EKS is a managed Kubernetes cluster service"),
    description="EKS manages the control layer (API server, etcd, scheduler) of the cluster; with public endpoint "
    "access on, its API server takes requests from any address on the internet, guarded only by authentication.",
    remediation="Turn public endpoint access off and reach the API through the private endpoint (from the VPC, a "
    "VPN or a bastion), or restrict the public endpoint to known CIDR blocks.",
    check=each_service(
        ("eks_cluster",),
        lambda node, graph: node.properties.get("endpoint_public_access") is True,
        lambda node, graph: f"{label(node)} exposes its Kubernetes API endpoint to the internet",
    ),
    applies_to=("eks_cluster",),
    tags=("containers", "exposure", "access"),
    wa_best_practice="SEC05-BP01",
    checked="2026-12-06",
)
