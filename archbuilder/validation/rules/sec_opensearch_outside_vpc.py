"""An OpenSearch domain on a public endpoint instead of in a VPC."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="SEC-049",
    title="OpenSearch domain on a public endpoint",
    severity=Severity.INFO,
    pillar=Pillar.SECURITY,
    effort=Effort.HIGH,
    source=cite("002", "Amazon OpenSearch"),
    description="A domain created outside a VPC has a public endpoint reachable from the internet, guarded only by "
    "its access policy and fine-grained access control; one in a VPC sits behind security groups like the other "
    "data stores, and the choice cannot be changed after creation.",
    remediation="Create the domain in private subnets of the VPC (two or three AZs with zone awareness).",
    check=each_service(
        ("opensearch_domain",),
        lambda node, graph: graph.placements[node.id].vpc_id is None,
        lambda node, graph: f"{label(node)} has a public endpoint: it is not placed in a VPC",
    ),
    applies_to=("opensearch_domain",),
    tags=("analytics", "exposure", "network"),
    wa_best_practice="SEC05-BP01",
    checked="2026-12-06",
)
