"""Two S3 buckets given the same name, which the global namespace cannot hold."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    by_name: dict[str, list[ServiceNode]] = {}
    for bucket in services_of_type(graph, "s3_bucket"):
        name = bucket.properties.get("bucket_name")
        if isinstance(name, str) and name.strip():
            by_name.setdefault(name.strip().lower(), []).append(bucket)
    return [
        rule.finding(
            buckets,
            f"{', '.join(label(b) for b in buckets)} are all named “{name}”; bucket names are unique across every "
            "AWS account and region",
        )
        for name, buckets in sorted(by_name.items())
        if len(buckets) > 1
    ]


RULE = Rule(
    id="LIM-040",
    title="Two buckets with the same name",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("000", "S3 Tips"),
    description="Bucket names come from one global namespace across all regions (and accounts): creating a bucket "
    "takes ownership of the name, so a second bucket with the same name fails to be created, even in another "
    "region.",
    remediation="Give each bucket its own name, for example prefixed with the company and suffixed with the "
    "environment or region.",
    check=check,
    applies_to=("s3_bucket",),
    tags=("limits", "storage"),
    wa_best_practice="REL01-BP03",
    checked="2026-11-23",
)
