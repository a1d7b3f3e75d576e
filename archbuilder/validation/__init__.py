"""Checks an architecture against the guides' rules and rates its vendor lock-in."""

from archbuilder.validation.engine import ValidationResult, validate
from archbuilder.validation.finding import Finding, Pillar, Severity

__all__ = ["Finding", "Pillar", "Severity", "ValidationResult", "validate"]
