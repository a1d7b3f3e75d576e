"""An EMR cluster that keeps running (and billing) when idle."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="COST-012",
    title="EMR cluster without idle auto-termination",
    severity=Severity.WARNING,
    pillar=Pillar.COST_OPTIMIZATION,
    effort=Effort.LOW,
    source=cite("000", "EMR Gotchas and Limitations"),
    description="EMR costs pile up quickly since a cluster is many instances, and accidents like hung jobs or "
    "forgotten clusters are costly; idle auto-termination stops a cluster that has nothing left to do.",
    remediation="Set an idle auto-termination timeout (e.g. one hour) on the cluster.",
    check=each_service(
        ("emr_cluster",),
        lambda node, graph: not node.properties.get("auto_termination_idle_seconds"),
        lambda node, graph: f"{label(node)} never terminates when idle",
    ),
    applies_to=("emr_cluster",),
    tags=("cost", "waste", "analytics"),
    wa_best_practice="COST04-BP04",
    checked="2026-11-22",
)
