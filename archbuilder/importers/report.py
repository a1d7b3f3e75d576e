"""What an import did with each resource: mapped to a catalog service, folded into the structure, or kept generic."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ImportReport:
    mapped: list[tuple[str, str, str]] = field(default_factory=list)  # logical id, resource type, node id
    folded: list[tuple[str, str]] = field(default_factory=list)  # logical id, resource type
    generic: list[tuple[str, str, str]] = field(default_factory=list)  # logical id, resource type, node id
    warnings: list[str] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)  # generic resource -> why it stays generic

    def render(self) -> str:
        lines = [
            f"{len(self.mapped)} resources mapped to catalog services, {len(self.folded)} folded into containment "
            f"or connections, {len(self.generic)} kept as generic resources"
        ]
        lines += [f"  mapped   {logical} ({kind}) -> {node}" for logical, kind, node in self.mapped]
        lines += [f"  folded   {logical} ({kind})" for logical, kind in self.folded]
        lines += [
            f"  generic  {logical} ({kind}) -> {node}: {self.reasons.get(logical, 'kept as written')}"
            for logical, kind, node in self.generic
        ]
        lines += [f"  warning  {warning}" for warning in self.warnings]
        return "\n".join(lines)
