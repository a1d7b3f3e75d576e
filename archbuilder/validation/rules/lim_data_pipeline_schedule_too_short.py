"""An AWS Data Pipeline scheduled more often than every 15 minutes."""

import re

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_problem, label

PERIOD = re.compile(r"^\s*(\d+)\s*(minute|minutes|hour|hours|day|days|week|weeks|month|months)\s*$", re.I)
MINUTES = {"minute": 1, "hour": 60, "day": 1440, "week": 10080, "month": 43200}
SHORTEST_MINUTES = 15


def _problem(pipeline: ServiceNode) -> str | None:
    period = str(pipeline.properties.get("schedule_period") or "")
    match = PERIOD.match(period)
    if match is None:
        return f"{label(pipeline)} has schedule period {period!r}, which is not '<n> minutes|hours|days|weeks|months'"
    minutes = int(match.group(1)) * MINUTES[match.group(2).lower().rstrip("s")]
    if minutes < SHORTEST_MINUTES:
        return f"{label(pipeline)} runs every {period.strip()}; a pipeline's schedule period is 15 minutes at least"
    return None


RULE = Rule(
    id="LIM-048",
    title="Data Pipeline schedule out of range",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("004", "AWS Data Pipeline"),
    description="AWS Data Pipeline runs its activities at specified intervals, given as a period such as "
    "'1 hour'; the shortest period a schedule accepts is 15 minutes, and a period in another form is refused.",
    remediation="Schedule the pipeline every 15 minutes or less often, or run near-continuous work with Glue "
    "streaming, Kinesis or Lambda instead.",
    check=each_problem(("data_pipeline",), _problem),
    applies_to=("data_pipeline",),
    tags=("limits", "analytics"),
    wa_best_practice="REL01-BP03",
    checked="2026-12-06",
)
