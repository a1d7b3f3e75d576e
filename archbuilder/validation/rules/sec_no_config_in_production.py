"""A production design without an AWS Config recorder."""

from archbuilder.graph import ArchGraph
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import is_production


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    if not is_production(graph) or graph.by_type.get("config_recorder") or not graph.services:
        return []
    return [
        rule.finding(
            [],
            "The production design has no AWS Config recorder: configuration changes are not recorded and no rule "
            "checks them",
        )
    ]


RULE = Rule(
    id="SEC-040",
    title="No configuration recording in production",
    severity=Severity.INFO,
    pillar=Pillar.SECURITY,
    effort=Effort.MEDIUM,
    source=cite("002", "AWS Config"),
    description="AWS Config keeps the configuration history of the resources and evaluates rules against it, per "
    "region; without a recorder nobody can tell what changed before an incident or whether resources still meet "
    "their requirements.",
    remediation="Turn on an AWS Config recorder (all supported resource types) in each region of the workload, with "
    "a delivery channel and the managed rules you need.",
    check=check,
    applies_to=("config_recorder",),
    tags=("audit", "logging"),
    wa_best_practice="SEC04-BP01",
    checked="2026-12-06",
)
