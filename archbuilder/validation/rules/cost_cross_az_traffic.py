"""Traffic between single-AZ services in different availability zones."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    arch = graph.architecture
    findings = []
    single_zone = graph.single_zone
    for connection in graph.connections_by_kind.get(ConnectionKind.TRAFFIC, []):
        source_zone = single_zone.get(connection.source_id)
        target_zone = single_zone.get(connection.target_id)
        # Multi-AZ groups talk within their AZ where they can; only pinned single-AZ ends must cross.
        if source_zone is not None and target_zone is not None and source_zone != target_zone:
            source, target = arch.service(connection.source_id), arch.service(connection.target_id)
            findings.append(
                rule.finding(
                    [source, target],
                    f"“{source.label}” ({source_zone}) → “{target.label}” ({target_zone}) "
                    "crosses availability zones; that traffic is billed",
                )
            )
    return findings


RULE = Rule(
    id="COST-001",
    title="Cross-AZ traffic",
    severity=Severity.INFO,
    pillar=Pillar.COST_OPTIMIZATION,
    effort=Effort.HIGH,
    source=cite("000", "AWS Data Transfer Costs"),
    description="EC2 traffic between AZs is billed much like traffic between regions; chatty flows crossing AZ "
    "boundaries can be an unpleasant surprise on the bill.",
    remediation="Keep chatty pairs in the same AZ, or make both ends multi-AZ so each AZ talks to its local peer.",
    check=check,
    applies_to=(
        "ec2_instance",
        "autoscaling_group",
        "ecs_service",
        "rds_instance",
        "aurora_cluster",
        "elasticache_cluster",
    ),
    tags=("cost", "network", "multi-az"),
    wa_best_practice="COST08-BP02",
    checked="2026-11-22",
)
