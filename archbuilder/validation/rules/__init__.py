"""Every rule, one module each. Each domain lists its modules in its own index (`_security.py`, ...), so people
adding rules in different domains edit different files; this module only joins the domains."""

from archbuilder.validation.rules import _cost, _limits, _operations, _performance, _reliability, _security

RULES = [
    *_security.RULES,
    *_reliability.RULES,
    *_cost.RULES,
    *_performance.RULES,
    *_operations.RULES,
    *_limits.RULES,
]
