"""A finding: what a rule found, on which nodes, how to fix it, and the guide passage it comes from."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from archbuilder.catalog import Citation


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANKS[self]


_RANKS = {Severity.ERROR: 3, Severity.WARNING: 2, Severity.INFO: 1}  # read for every finding when sorting


class Pillar(StrEnum):
    """The six pillars of the AWS Well-Architected Framework."""

    OPERATIONAL_EXCELLENCE = "operational_excellence"
    SECURITY = "security"
    RELIABILITY = "reliability"
    PERFORMANCE_EFFICIENCY = "performance_efficiency"
    COST_OPTIMIZATION = "cost_optimization"
    SUSTAINABILITY = "sustainability"

    @property
    def heading(self) -> str:
        return self.value.replace("_", " ").capitalize()


@dataclass(frozen=True)
class Finding:
    rule_id: str
    severity: Severity
    pillar: Pillar
    message: str
    node_ids: tuple[str, ...]
    remediation: str
    source: Citation
    suppressed: bool = False
    suppression_reason: str = ""

    def sort_key(self) -> tuple[int, str, tuple[str, ...], str]:
        return (-self.severity.rank, self.rule_id, self.node_ids, self.message)

    def suppress(self, reason: str) -> Finding:
        return replace(self, suppressed=True, suppression_reason=reason)

    def to_json(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "severity": self.severity.value,
            "pillar": self.pillar.value,
            "message": self.message,
            "nodes": list(self.node_ids),
            "remediation": self.remediation,
            "source": self.source.to_json(),
            "suppressed": self.suppressed,
            "suppression_reason": self.suppression_reason,
        }
