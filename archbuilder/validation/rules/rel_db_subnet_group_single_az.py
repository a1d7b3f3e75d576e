"""Database subnet group covering fewer than two availability zones."""

from archbuilder.graph.queries import zones_spanned
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Rule, cite
from archbuilder.validation.rules._kit import each_service, label

DATABASES = (
    "rds_instance",
    "aurora_cluster",
    "documentdb_cluster",
    "neptune_cluster",
    "elasticache_cluster",
    "redshift_cluster",
    "dax_cluster",
)

RULE = Rule(
    id="REL-001",
    title="DB subnet group in a single AZ",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    source=cite("000", "VPC and Network Security Gotchas and Limitations"),
    description="New RDS instances need a subnet group in the VPC, and it must hold subnets in at least two AZs "
    "(AWS refuses a DB subnet group covering one AZ); it is also what Multi-AZ failover uses.",
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
)
