"""An EventBridge rule whose schedule is neither a valid rate(...) nor a six-field cron(...) expression."""

import re

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

_RATE = re.compile(r"rate\(\s*(\d+)\s+(minute|minutes|hour|hours|day|days)\s*\)")
_CRON = re.compile(r"cron\(([^()]*)\)")


def valid_schedule(expression: str) -> bool:
    """rate(value unit) with a positive value (singular unit for 1, plural otherwise) or cron() with six fields."""
    rate = _RATE.fullmatch(expression)
    if rate is not None:
        value, unit = int(rate.group(1)), rate.group(2)
        return value > 0 and (value == 1) == (not unit.endswith("s"))
    cron = _CRON.fullmatch(expression)
    return cron is not None and len(cron.group(1).split()) == 6


def _schedule(node: ServiceNode) -> str:
    return str(node.properties.get("schedule_expression") or "").strip()


RULE = Rule(
    id="OPS-011",
    title="Invalid schedule expression",
    severity=Severity.ERROR,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.LOW,
    source=cite("002", "EventBridge Concepts -"),
    description="A scheduled EventBridge rule triggers on a rate-based expression such as rate(1 hour) or a "
    "cron-based one such as cron(0 12 * * ? *) (minutes, hours, day of month, month, day of week, year); anything "
    "else is refused when the rule is created.",
    remediation="Write the schedule as rate(<value> <unit>) (minute/hour/day, plural above 1) or as cron() with "
    "six fields.",
    check=each_service(
        ("eventbridge_rule",),
        lambda node, graph: bool(_schedule(node)) and not valid_schedule(_schedule(node)),
        lambda node, graph: f"{label(node)} has a schedule EventBridge cannot parse: {_schedule(node)}",
    ),
    applies_to=("eventbridge_rule",),
    tags=("events", "configuration"),
    wa_best_practice="OPS05-BP02",
    checked="2026-11-23",
)
