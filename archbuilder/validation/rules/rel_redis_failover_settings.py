"""Redis settings that promise failover the cluster cannot give."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_problem, label
from archbuilder.validation.rules._links import count


def _problem(cache: ServiceNode) -> str | None:
    if cache.properties.get("engine", "redis") != "redis":
        return None
    nodes = count(cache.properties.get("num_nodes"), 1)
    failover = cache.properties.get("automatic_failover") is True
    if cache.properties.get("multi_az") is True and not failover:
        return f"{label(cache)} is marked Multi-AZ without automatic failover, which Multi-AZ requires"
    if failover and nodes < 2:
        return f"{label(cache)} has automatic failover but one node: there is no replica to promote"
    return None


RULE = Rule(
    id="REL-072",
    title="Redis failover settings that cannot work",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("003", "- Multi-AZ replication with auto failover"),
    description="ElastiCache for Redis fails over by promoting a replica to primary: Multi-AZ requires automatic "
    "failover to be on, and automatic failover requires at least one replica (two nodes or more).",
    remediation="Turn automatic failover on with Multi-AZ, and give the replication group at least one replica.",
    check=each_problem(("elasticache_cluster",), _problem),
    applies_to=("elasticache_cluster",),
    tags=("database", "availability", "limits"),
    wa_best_practice="REL11-BP02",
    checked="2026-12-06",
)
