"""A KMS key attached to a resource in another region."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked, region_of

ATTACH = {ConnectionKind.ATTACH}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for key in services_of_type(graph, "kms_key"):
        region = region_of(graph, key)
        for resource in linked(graph, key, ATTACH, direction="both"):
            if graph.catalog.get(resource.type).placement.value == "global":
                continue
            other = region_of(graph, resource)
            if other != region:
                findings.append(
                    rule.finding(
                        [key, resource],
                        f"{label(key)} ({region}) encrypts {label(resource)} in {other}; a KMS key is used only in "
                        "its own region",
                    )
                )
    return findings


RULE = Rule(
    id="LIM-061",
    title="KMS key used in another region",
    severity=Severity.ERROR,
    pillar=Pillar.SECURITY,
    effort=Effort.MEDIUM,
    source=cite("003", "- Key Policies - JSON defining who can manage/use keys"),
    description="KMS keys are regional: a service encrypts with a key of its own region, and a key cannot protect a "
    "resource elsewhere. A resource in another region needs a key there (a multi-Region replica key keeps the same "
    "key material).",
    remediation="Create a key in the resource's region, or make the key a multi-Region key and attach its replica "
    "in that region.",
    check=check,
    applies_to=("kms_key", "s3_bucket", "rds_instance", "ebs_volume"),
    tags=("encryption", "limits", "topology"),
    wa_best_practice="SEC08-BP01",
    checked="2026-12-06",
)
