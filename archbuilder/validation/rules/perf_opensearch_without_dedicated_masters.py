"""A production OpenSearch domain whose data nodes also manage the cluster."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, is_production, label
from archbuilder.validation.rules._links import count

RULE = Rule(
    id="PERF-023",
    title="Production search cluster without dedicated masters",
    severity=Severity.INFO,
    pillar=Pillar.PERFORMANCE_EFFICIENCY,
    effort=Effort.MEDIUM,
    source=cite("002", "Amazon OpenSearch"),
    description="Without dedicated master nodes the data nodes also manage the cluster state; under heavy indexing "
    "or query load cluster management stalls with them, and the domain can become unstable. AWS recommends three "
    "dedicated masters for production domains.",
    remediation="Add three dedicated master nodes to production domains of three data nodes or more.",
    check=each_service(
        ("opensearch_domain",),
        lambda node, graph: (
            is_production(graph)
            and node.properties.get("dedicated_master") is not True
            and count(node.properties.get("instance_count"), 2) >= 3
        ),
        lambda node, graph: (
            f"{label(node)} lets its {count(node.properties.get('instance_count'), 2)} data nodes "
            "manage the cluster too"
        ),
    ),
    applies_to=("opensearch_domain",),
    tags=("analytics", "scaling"),
    wa_best_practice="PERF03-BP02",
    checked="2026-12-06",
)
