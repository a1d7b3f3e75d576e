"""An EMR cluster launched in a public subnet."""

from archbuilder.graph.queries import in_public_subnet
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="SEC-046",
    title="EMR cluster in a public subnet",
    severity=Severity.WARNING,
    pillar=Pillar.SECURITY,
    effort=Effort.HIGH,
    source=cite("000", "EMR Tips"),
    description="EMR nodes run Hadoop, Spark and their web interfaces on many ports; in a public subnet they get "
    "public addresses and are one security group mistake away from the internet. EMR's block public access setting "
    "exists for that reason.",
    remediation="Launch the cluster in a private subnet, reaching S3 through a gateway endpoint and its interfaces "
    "through a bastion, Session Manager or EMR Studio.",
    check=each_service(
        ("emr_cluster",),
        lambda node, graph: in_public_subnet(graph, node),
        lambda node, graph: f"{label(node)} runs in a public subnet",
    ),
    applies_to=("emr_cluster",),
    tags=("analytics", "exposure", "network"),
    wa_best_practice="SEC05-BP01",
    checked="2026-12-06",
)
