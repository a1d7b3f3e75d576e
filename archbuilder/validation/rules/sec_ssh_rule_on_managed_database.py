"""A managed database whose security group opens SSH, which the service does not offer."""

from archbuilder.graph.queries import effective_ingress, rule_covers_port
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

SSH = 22
MANAGED_DATABASES = (
    "rds_instance",
    "aurora_cluster",
    "documentdb_cluster",
    "neptune_cluster",
    "redshift_cluster",
)


def _opens_ssh(rules: list[dict[str, object]]) -> bool:
    # "All ports" rules are SEC-002's; only a rule aimed at port 22 itself shows the mistake.
    return any(entry.get("from_port") == SSH and rule_covers_port(entry, SSH) for entry in rules)


RULE = Rule(
    id="SEC-024",
    title="SSH opened on a managed database",
    severity=Severity.INFO,
    pillar=Pillar.SECURITY,
    effort=Effort.LOW,
    source=cite("002", "Relational Database Service (RDS)"),
    description="RDS runs on virtual machines you cannot reach: there is no SSH into an RDS instance (AWS patches "
    "the OS), so a port 22 rule on its security group only widens what the group admits.",
    remediation="Remove the port 22 rule; admit only the engine port from the application's security group.",
    check=each_service(
        MANAGED_DATABASES,
        lambda node, graph: _opens_ssh(effective_ingress(graph, node)),
        lambda node, graph: f"{label(node)} opens port 22, but a managed database offers no SSH",
    ),
    applies_to=("rds_instance", "aurora_cluster", "redshift_cluster"),
    tags=("network", "access", "database"),
    wa_best_practice="SEC05-BP02",
    checked="2026-11-22",
)
