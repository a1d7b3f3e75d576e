"""A rule: its metadata and a pure check over the derived graph."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from archbuilder.catalog import Citation
from archbuilder.catalog.guides import seed_file
from archbuilder.graph import ArchGraph
from archbuilder.model import AnyNode
from archbuilder.validation.finding import Finding, Pillar, Severity

Check = Callable[["Rule", ArchGraph], list[Finding]]

# What a rule's applies_to may name besides catalog service types: the containers it reasons about.
CONTAINER_KINDS = ("region", "vpc", "availability_zone", "subnet")
# The words rules are tagged with (so that `archbuilder rules` and docs/rules.md can be filtered by them).
TAGS = frozenset(
    {
        "access",
        "analytics",
        "audit",
        "availability",
        "backup",
        "caching",
        "cdn",
        "compute",
        "configuration",
        "containers",
        "cost",
        "data",
        "database",
        "deployment",
        "detection",
        "dns",
        "dr",
        "egress",
        "encryption",
        "events",
        "exposure",
        "hybrid",
        "iac",
        "identity",
        "legacy",
        "lifecycle",
        "limits",
        "logging",
        "messaging",
        "monitoring",
        "multi-az",
        "network",
        "pricing",
        "quota",
        "scaling",
        "secrets",
        "security",
        "serverless",
        "storage",
        "streaming",
        "timeouts",
        "tls",
        "topology",
        "vulnerability",
        "waste",
    }
)


class Effort(StrEnum):
    """How big the change a rule's remediation asks for is, judged for AWS as it behaves today.

    low: a setting or policy change on what exists, applied in place without downtime.
    medium: adding or reconfiguring resources (a new endpoint, alarm, replica, subnet, second AZ copy), or a setting
    that takes a restart, with no data migration.
    high: replacing or moving what runs or holds data (recreate, migrate, re-architect, downtime or data copy),
    including a property AWS sets only by replacing the resource.

    A property AWS cannot change in place (EFS performance mode, RDS encryption at rest, a DynamoDB key schema, a
    subnet's CIDR) makes the change high. Where the remediation offers alternatives, its first (recommended) course
    is the one rated.
    """

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def rank(self) -> int:
        """0 for low, 1 for medium, 2 for high: the order the review ranks actions in."""
        return list(Effort).index(self)

    @property
    def meaning(self) -> str:
        """The level's definition, as the docstring above, docs/rules.md and the review report give it."""
        return _EFFORT_MEANINGS[self]


_EFFORT_MEANINGS = {
    Effort.LOW: "a setting or policy change on what exists, applied in place without downtime",
    Effort.MEDIUM: "adding or reconfiguring resources (a new endpoint, alarm, replica, subnet, second AZ copy), or a "
    "setting that takes a restart, with no data migration",
    Effort.HIGH: "replacing or moving what runs or holds data (recreate, migrate, re-architect, downtime or data "
    "copy), including a property AWS sets only by replacing the resource",
}


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    severity: Severity
    pillar: Pillar
    source: Citation
    description: str
    remediation: str
    check: Check
    # The service types the rule reports on or reasons about (catalog ids).
    applies_to: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    # The AWS Well-Architected Framework best practice the rule checks, e.g. "REL10-BP01".
    wa_best_practice: str = ""
    checked: str = ""  # ISO date on which the AWS facts the rule states were last confirmed
    note: str = ""  # where the rule departs from its guide because AWS changed, and how
    # The size of the change the remediation asks for (Effort's docstring defines the levels); every rule rates its
    # own, so the field has no default.
    effort: Effort = field(kw_only=True)

    def finding(
        self,
        nodes: AnyNode | Iterable[AnyNode],
        message: str,
        *,
        remediation: str | None = None,
    ) -> Finding:
        items: list[AnyNode] = [nodes] if hasattr(nodes, "id") else list(nodes)  # type: ignore[list-item]
        return Finding(
            rule_id=self.id,
            severity=self.severity,
            pillar=self.pillar,
            message=message,
            node_ids=tuple(node.id for node in items),
            remediation=remediation or self.remediation,
            source=self.source,
        )

    def run(self, graph: ArchGraph) -> list[Finding]:
        return self.check(self, graph)


def cite(seed: str, section: str) -> Citation:
    """A citation of guide "000"…"004" (or its seed file name) at a section heading."""
    return Citation(seed=seed_file(seed), section=section)
