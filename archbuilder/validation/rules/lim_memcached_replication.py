"""A Memcached cluster configured for failover or backups, which Memcached cannot do."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import count


def _redis_only_settings(cache: ServiceNode) -> list[str]:
    settings = []
    if cache.properties.get("automatic_failover") is True:
        settings.append("automatic failover")
    if cache.properties.get("multi_az") is True:
        settings.append("Multi-AZ")
    if count(cache.properties.get("backup_retention_days")) > 0:
        settings.append("backups")
    return settings


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for cache in services_of_type(graph, "elasticache_cluster"):
        if cache.properties.get("engine") != "memcached":
            continue
        settings = _redis_only_settings(cache)
        if settings:
            findings.append(
                rule.finding(
                    cache,
                    f"{label(cache)} runs Memcached, which ignores its {', '.join(settings)} settings: the cache "
                    "keeps no replica or copy of its data",
                )
            )
    return findings


RULE = Rule(
    id="LIM-035",
    title="Failover or backups asked of Memcached",
    # A note, not a warning: the catalog's defaults are Redis's (failover, Multi-AZ, a day of snapshots), so every
    # cluster switched to Memcached carries them without anyone asking for them.
    severity=Severity.INFO,
    pillar=Pillar.RELIABILITY,
    effort=Effort.HIGH,
    source=cite("003", "- Data is ephemeral (will dissapear after some time), so no replication"),
    description="Memcached data is ephemeral: the engine has no replication, so there is no replica to fail over to "
    "in another AZ and no snapshot to restore; those are Redis features. A design that counts on them for the "
    "cache will lose it with a node.",
    remediation="Use the Redis engine for a replicated, failover-capable or backed-up cache, or turn these settings "
    "off and treat the Memcached cache as disposable.",
    check=check,
    applies_to=("elasticache_cluster",),
    tags=("limits", "database", "availability"),
    wa_best_practice="REL01-BP03",
    checked="2026-11-23",
)
