"""A Glacier vault read by a service that answers requests from the internet."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import internet_path, services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked

READS = (ConnectionKind.READ, ConnectionKind.READ_WRITE)


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for vault in services_of_type(graph, "glacier_vault"):
        for reader in linked(graph, vault, READS, direction="in"):
            if internet_path(graph, reader.id) is not None:
                findings.append(
                    rule.finding(
                        [reader, vault],
                        f"{label(reader)} answers requests from the internet and reads {label(vault)}, whose "
                        "retrievals take hours",
                    )
                )
    return findings


RULE = Rule(
    id="REL-049",
    title="Glacier on a request path",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.HIGH,
    source=cite("000", "Glacier Basics"),
    description="Glacier is only useful for data that is rarely accessed: a retrieval request generally takes 3-5 "
    "hours to fulfil, so a request that waits for it times out long before the data arrives.",
    remediation="Serve the data from S3 (Standard or Infrequent Access) and keep Glacier for archives restored "
    "asynchronously, outside any user request.",
    check=check,
    applies_to=("glacier_vault", "s3_bucket"),
    tags=("storage",),
    wa_best_practice="PERF03-BP01",
    checked="2026-11-23",
)
