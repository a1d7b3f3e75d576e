"""A production data store on a burstable instance class."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, is_production, label

# The property naming each store's instance class, and the prefix of its burstable (T) classes.
CLASS_PROPERTY = {
    "rds_instance": ("instance_class", "db.t"),
    "documentdb_cluster": ("instance_class", "db.t"),
    "neptune_cluster": ("instance_class", "db.t"),
    "elasticache_cluster": ("node_type", "cache.t"),
    "dax_cluster": ("node_type", "dax.t"),
    "opensearch_domain": ("instance_type", "t"),
}


def _burstable(node: ServiceNode) -> bool:
    name, prefix = CLASS_PROPERTY[node.type]
    return str(node.properties.get(name) or "").startswith(prefix)


RULE = Rule(
    id="PERF-022",
    title="Production data store on a burstable class",
    severity=Severity.INFO,
    pillar=Pillar.PERFORMANCE_EFFICIENCY,
    effort=Effort.MEDIUM,
    source=cite("000", "EC2 Tips"),
    description="T classes run on CPU credits: under sustained load they spend the credits and drop to a fraction "
    "of a CPU (or bill the surplus), which a database, cache or search cluster serving production feels at once. "
    "AWS recommends them for development and test.",
    remediation="Use a fixed-performance class (db.m/r, cache.m/r, m/r search instances) for production stores.",
    check=each_service(
        tuple(CLASS_PROPERTY),
        lambda node, graph: is_production(graph) and _burstable(node),
        lambda node, graph: (
            f"{label(node)} runs production on burstable "
            f"{node.properties.get(CLASS_PROPERTY[node.type][0])}, which slows down when its CPU credits run out"
        ),
    ),
    applies_to=tuple(CLASS_PROPERTY),
    tags=("database", "compute"),
    wa_best_practice="PERF02-BP04",
    checked="2026-12-06",
)
