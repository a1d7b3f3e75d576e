"""An MSK cluster whose brokers all sit in one availability zone."""

from archbuilder.graph.queries import in_vpc, zones_spanned
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="REL-038",
    title="Kafka brokers in a single AZ",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.HIGH,
    source=cite("002", "Amazon MSK"),
    description="MSK creates broker nodes in each Availability Zone the cluster is given, one subnet per AZ; with "
    "subnets of one AZ only, every broker and every replica of every partition goes down with that AZ.",
    remediation="Give the cluster subnets in two or, better, three AZs so partitions are replicated across them.",
    check=each_service(
        ("msk_cluster",),
        lambda node, graph: in_vpc(graph, node) and len(zones_spanned(graph, node)) == 1,
        lambda node, graph: (
            f"{label(node)} has subnets in {next(iter(zones_spanned(graph, node)))} only, so all its brokers share "
            "one AZ"
        ),
    ),
    applies_to=("msk_cluster",),
    tags=("streaming", "multi-az"),
    wa_best_practice="REL10-BP01",
    checked="2026-11-23",
)
