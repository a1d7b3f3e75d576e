"""An Auto Scaling group whose cooldown is too short for new instances to take effect."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

MINIMUM_SECONDS = 60


def _cooldown(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


RULE = Rule(
    id="REL-048",
    title="Scaling cooldown under a minute",
    severity=Severity.INFO,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "Auto Scaling Cooldown Period"),
    description="The cooldown period keeps an Auto Scaling group from launching or terminating more instances before "
    "the previous scaling activity takes effect (default 300 s); a cooldown shorter than an instance's start-up lets "
    "one alarm launch instance after instance (runaway scaling) or thrash up and down.",
    remediation="Keep the cooldown at least as long as an instance needs to boot and take load (the default 300 s is a "
    "good start).",
    check=each_service(
        ("autoscaling_group",),
        lambda node, graph: (
            (c := _cooldown(node.properties.get("cooldown_seconds"))) is not None and c < MINIMUM_SECONDS
        ),
        lambda node, graph: (
            f"{label(node)} waits only {node.properties.get('cooldown_seconds')} s between scaling activities, less "
            "than new instances need to take effect"
        ),
    ),
    applies_to=("autoscaling_group",),
    tags=("scaling",),
    wa_best_practice="REL07-BP01",
    checked="2026-11-23",
)
