"""A CloudTrail trail that misses other regions or cannot prove its logs unaltered."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_problem, label


def _problem(trail: ServiceNode) -> str | None:
    gaps = []
    if trail.properties.get("multi_region") is False:
        gaps.append("records only its own region")
    if trail.properties.get("log_file_validation") is False:
        gaps.append("writes no digest files to prove its logs unaltered")
    return f"{label(trail)} {' and '.join(gaps)}" if gaps else None


RULE = Rule(
    id="SEC-047",
    title="Trail with gaps",
    severity=Severity.WARNING,
    pillar=Pillar.SECURITY,
    effort=Effort.LOW,
    source=cite("000", "Security and IAM Tips"),
    description="The guide's first advice is to turn CloudTrail on for every API call. A single-region trail misses "
    "the calls made in other regions (an attacker's favourite place to start instances), and without log file "
    "validation nobody can show afterwards that the logs were not changed.",
    remediation="Make the trail multi-region and turn log file validation on.",
    check=each_problem(("cloudtrail",), _problem),
    applies_to=("cloudtrail",),
    tags=("audit", "logging"),
    wa_best_practice="SEC04-BP01",
    checked="2026-12-06",
)
