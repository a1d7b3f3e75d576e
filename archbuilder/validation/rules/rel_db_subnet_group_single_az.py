"""Database subnet group covering fewer than two availability zones."""

from archbuilder.graph.queries import zones_spanned
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

# The engines whose DB subnet group AWS refuses with subnets in one AZ. ElastiCache, Redshift and DAX subnet groups
# may hold a single AZ; their single-AZ risks are REL-017, REL-051 and REL-058.
DATABASES = ("rds_instance", "aurora_cluster", "documentdb_cluster", "neptune_cluster")

RULE = Rule(
    id="REL-001",
    title="DB subnet group in a single AZ",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("000", "VPC and Network Security Gotchas and Limitations"),
    description="New RDS instances need a subnet group in the VPC, and it must hold subnets in at least two AZs "
    "(AWS refuses a DB subnet group covering one AZ); it is also what Multi-AZ failover uses. The same holds for "
    "Aurora, DocumentDB and Neptune, which use DB subnet groups too.",
    remediation="Give the database a subnet in a second AZ (extra subnets), so its subnet group spans two or more AZs.",
    check=each_service(
        DATABASES,
        lambda node, graph: (
            graph.placements[node.id].vpc_id is not None and len(zones_spanned(graph, node)) < 2
        ),
        lambda node, graph: (
            f"{label(node)} has subnets in {len(zones_spanned(graph, node))} availability zone(s); its subnet group needs two"
        ),
    ),
    checked="2026-12-06",
    note="Applies to RDS, Aurora, DocumentDB and Neptune only: ElastiCache, Redshift and DAX subnet groups accept "
    "subnets in a single AZ.",
    applies_to=("rds_instance", "aurora_cluster", "documentdb_cluster", "neptune_cluster"),
    tags=("database", "multi-az"),
    wa_best_practice="REL10-BP01",
)
