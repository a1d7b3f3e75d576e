"""Every rule, one module each. Each domain lists its modules in its own index (`_security.py`, ...), so people
adding rules in different domains edit different files; this module only joins the domains (one line each)."""

from types import ModuleType

from archbuilder.validation.rules import (
    _cost,
    _limits,
    _operations,
    _performance,
    _reliability,
    _security,
    _sustainability,
)

DOMAINS: tuple[ModuleType, ...] = (
    _security,
    _reliability,
    _cost,
    _performance,
    _operations,
    _limits,
    _sustainability,
)
MODULES: tuple[ModuleType, ...] = tuple(module for domain in DOMAINS for module in domain.MODULES)
RULES = [module.RULE for module in MODULES]
