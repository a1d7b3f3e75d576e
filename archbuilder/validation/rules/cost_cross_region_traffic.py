"""Services exchanging data across regions, which is billed per GB."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite

DATA_KINDS = {
    ConnectionKind.TRAFFIC,
    ConnectionKind.INVOKE,
    ConnectionKind.EVENT,
    ConnectionKind.POLL,
    ConnectionKind.SUBSCRIBE,
    ConnectionKind.READ,
    ConnectionKind.WRITE,
    ConnectionKind.READ_WRITE,
    ConnectionKind.REPLICATE,
}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    if len({p.region for p in graph.placements.values() if p.region}) < 2:
        return []  # the usual single-region design: nothing to look at
    arch = graph.architecture
    findings = []
    seen: set[tuple[str, str]] = set()
    for source_id, target_id, attributes in graph.flow.edges(data=True):
        if not attributes["kinds"] & DATA_KINDS:
            continue
        source_region = graph.placements.get(source_id)
        target_region = graph.placements.get(target_id)
        if source_region is None or target_region is None:
            continue  # the Internet node
        if (
            not source_region.region
            or not target_region.region
            or source_region.region == target_region.region
        ):
            continue
        pair = (min(source_id, target_id), max(source_id, target_id))
        if pair in seen:
            continue
        seen.add(pair)
        source, target = arch.service(source_id), arch.service(target_id)
        findings.append(
            rule.finding(
                [source, target],
                f"“{source.label}” ({source_region.region}) → “{target.label}” ({target_region.region}): data "
                "leaving a region is billed per GB",
            )
        )
    return findings


RULE = Rule(
    id="COST-017",
    title="Traffic between regions",
    severity=Severity.INFO,
    pillar=Pillar.COST_OPTIMIZATION,
    effort=Effort.HIGH,
    source=cite("000", "AWS Data Transfer Costs"),
    description="Inbound data is mostly free and traffic inside a region is cheap, but region-to-region traffic is "
    "billed per GB when it leaves a region (about $0.02/GB in the guide); chatty paths across regions, and "
    "replication of busy stores, add up.",
    remediation="Keep services that exchange a lot of data in one region, cache or replicate data close to its "
    "readers, and estimate the volume of cross-region replication.",
    check=check,
    applies_to=("s3_bucket", "dynamodb_table", "rds_instance"),
    tags=("cost", "network", "topology"),
    wa_best_practice="COST08-BP02",
    checked="2026-11-23",
)
