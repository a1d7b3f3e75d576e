"""A nested stack template kept in a bucket of the design that is open to the public."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    public = {
        str(bucket.properties.get("bucket_name")): bucket
        for bucket in services_of_type(graph, "s3_bucket")
        if bucket.properties.get("public_access") is True and bucket.properties.get("bucket_name")
    }
    findings = []
    for stack in services_of_type(graph, "cloudformation_stack") if public else []:
        url = str(stack.properties.get("template_url") or "")
        for name, bucket in sorted(public.items()):
            if f"//{name}." in url or f"amazonaws.com/{name}/" in url:
                findings.append(
                    rule.finding(
                        [stack, bucket],
                        f"{label(stack)} keeps its template in {label(bucket)}, which is open to the public",
                    )
                )
    return findings


RULE = Rule(
    id="SEC-035",
    title="Stack template in a public bucket",
    severity=Severity.WARNING,
    pillar=Pillar.SECURITY,
    effort=Effort.MEDIUM,
    source=cite("000", "S3 Tips"),
    description="Templates describe the whole infrastructure (names, networks, roles, sometimes default "
    "parameter values); a template in a bucket open to the public shows all of it to anyone, and whoever can "
    "write there can change what the next update deploys. The guide's advice is to keep data of different "
    "sensitivity in separate buckets.",
    remediation="Keep templates in a private bucket of their own (Block Public Access on) that only the deploying "
    "roles can read and write.",
    check=check,
    applies_to=("cloudformation_stack", "s3_bucket"),
    tags=("iac", "exposure", "storage"),
    wa_best_practice="SEC03-BP07",
    checked="2026-12-06",
)
