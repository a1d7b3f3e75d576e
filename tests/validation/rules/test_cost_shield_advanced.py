"""COST-005 (Shield Advanced is expensive): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.cost_shield_advanced import RULE
from tests.validation.builders import (
    Case,
    check_case,
    svc,
    with_,
)

CASE = Case(
    ok=with_(svc("cloudfront_distribution", None, "cdn")),
    bad=with_(svc("shield", None, "shield")),
    expected=[(("shield",), "“Shield” subscribes to Shield Advanced (USD 3,000 per month)")],
)


def test_cost_shield_advanced() -> None:
    check_case(RULE, CASE)
