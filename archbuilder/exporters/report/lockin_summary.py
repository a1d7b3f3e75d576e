"""The lock-in section, built from the same services and points as the score, so its rows add up to it."""

from __future__ import annotations

from dataclasses import dataclass

from archbuilder.catalog import Citation
from archbuilder.catalog.service_type import Alternative
from archbuilder.validation.lockin import RATING_POINTS, LockinScore


@dataclass(frozen=True)
class LockinRow:
    """One service type of the design: how many services, its rating, and the way out the guides describe."""

    service_name: str
    labels: tuple[str, ...]
    rating: str
    points: int  # per service, on the 0-3 scale
    rationale: str
    alternatives: tuple[Alternative, ...]
    source: Citation

    @property
    def total(self) -> int:
        return self.points * len(self.labels)

    def alternatives_text(self) -> str:
        return ", ".join(f"{a.name} ({a.kind.replace('_', ' ')})" for a in self.alternatives)


@dataclass(frozen=True)
class LockinSummary:
    score: int
    services: int
    rows: tuple[LockinRow, ...]  # every type that adds points, most locked-in first
    portable: tuple[LockinRow, ...]  # types rated none: they add no points but count as services

    @property
    def points(self) -> int:
        return sum(row.total for row in self.rows)

    def formula(self) -> str:
        """How the score follows from the rows: "33/100 = 100 × 7 points ÷ (3 points × 7 services)"."""
        return (
            f"{self.score}/100 = 100 × {self.points} points ÷ (3 points × {self.services} services), "
            "rounded; a service rated high counts 3 points, medium 2, low 1, none 0"
        )


def summarize(lockin: LockinScore) -> LockinSummary:
    grouped: dict[str, list[str]] = {}
    first: dict[str, int] = {}
    for index, service in enumerate(lockin.services):
        grouped.setdefault(service.type_id, []).append(service.label)
        first.setdefault(service.type_id, index)
    rows = []
    for type_id, labels in grouped.items():
        s = lockin.services[first[type_id]]
        rows.append(
            LockinRow(
                service_name=s.service_name,
                labels=tuple(sorted(labels, key=str.lower)),
                rating=s.rating,
                points=RATING_POINTS[s.rating],
                rationale=s.rationale,
                alternatives=tuple(s.alternatives),
                source=s.source,
            )
        )
    rows.sort(key=lambda row: (-row.points, row.service_name.lower()))
    return LockinSummary(
        score=lockin.score,
        services=len(lockin.services),
        rows=tuple(row for row in rows if row.points > 0),
        portable=tuple(row for row in rows if row.points == 0),
    )
