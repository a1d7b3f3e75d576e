"""An OpenSearch domain with zone awareness but a node count it cannot spread evenly."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import count

RULE = Rule(
    id="REL-073",
    title="Zone awareness with an uneven node count",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "Amazon OpenSearch"),
    description="With zone awareness OpenSearch puts primary and replica shards in different Availability Zones; a "
    "two-AZ domain needs an even number of data nodes (at least two) so each AZ holds the same share, and the "
    "service refuses an odd count.",
    remediation="Use an even number of data nodes (or three AZs with a multiple of three), or turn zone awareness "
    "off for a single-node development domain.",
    check=each_service(
        ("opensearch_domain",),
        lambda node, graph: (
            node.properties.get("zone_awareness") is True
            and count(node.properties.get("instance_count"), 2) % 2 == 1
            and len(set(graph.placements[node.id].zones)) <= 2
        ),
        lambda node, graph: (
            f"{label(node)} spreads {count(node.properties.get('instance_count'), 2)} data nodes "
            "over two AZs; zone awareness needs an even number"
        ),
    ),
    applies_to=("opensearch_domain",),
    tags=("analytics", "multi-az", "limits"),
    wa_best_practice="REL10-BP01",
    checked="2026-12-06",
)
