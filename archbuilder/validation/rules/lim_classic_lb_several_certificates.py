"""A Classic Load Balancer given several certificates, which it cannot serve without SNI."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked

ATTACH = frozenset({ConnectionKind.ATTACH})


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for balancer in services_of_type(graph, "clb"):
        certificates = [
            c for c in linked(graph, balancer, ATTACH, direction="in") if c.type == "acm_certificate"
        ]
        if len(certificates) > 1:
            findings.append(
                rule.finding(
                    [balancer, *certificates],
                    f"{label(balancer)} has {len(certificates)} certificates "
                    f"({', '.join(label(c) for c in certificates)}), but a Classic Load Balancer has no SNI and "
                    "serves only one",
                )
            )
    return findings


RULE = Rule(
    id="LIM-045",
    title="Several certificates on a Classic Load Balancer",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "ELB Security"),
    description="Classic Load Balancers do not support Server Name Indication, which lets one listener host several "
    "TLS certificates for several sites; a CLB presents a single certificate, so clients of the other domains get "
    "certificate errors.",
    remediation="Use one certificate whose Subject Alternative Names cover every domain, or move to an Application "
    "Load Balancer, which selects the certificate by SNI.",
    check=check,
    applies_to=("clb", "acm_certificate"),
    tags=("limits", "tls"),
    wa_best_practice="REL01-BP03",
    checked="2026-11-23",
)
