"""A bucket served through CloudFront that is open to the public as well."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked

ORIGIN = {ConnectionKind.ORIGIN}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for cdn in services_of_type(graph, "cloudfront_distribution"):
        for bucket in linked(graph, cdn, ORIGIN):
            if bucket.type == "s3_bucket" and bucket.properties.get("public_access") is True:
                findings.append(
                    rule.finding(
                        [cdn, bucket],
                        f"{label(bucket)} is served through {label(cdn)} but is open to the public too, so its "
                        "objects can be fetched around the distribution",
                    )
                )
    return findings


RULE = Rule(
    id="SEC-043",
    title="CloudFront bucket origin open to the public",
    severity=Severity.WARNING,
    pillar=Pillar.SECURITY,
    effort=Effort.LOW,
    source=cite("000", "CloudFront Tips"),
    description="A bucket behind CloudFront needs no public access: origin access control lets the distribution "
    "read a private bucket. A public one can be read directly at its S3 address, around the distribution's TLS "
    "policy, WAF, logging and caching, and is billed for it.",
    remediation="Block public access on the bucket and grant the distribution read access through origin access "
    "control in the bucket policy.",
    check=check,
    applies_to=("cloudfront_distribution", "s3_bucket"),
    tags=("cdn", "exposure", "storage"),
    wa_best_practice="SEC03-BP07",
    checked="2026-12-06",
    note="Beyond the guide: origin access control (2022) is how CloudFront reads a private bucket today.",
)
