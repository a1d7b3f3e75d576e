"""Operational rules, registered explicitly in order."""

from archbuilder.validation.rules import (
    ops_no_alarms,
)

MODULES = (ops_no_alarms,)
RULES = [module.RULE for module in MODULES]
