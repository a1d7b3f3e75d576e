"""Vendor lock-in: each service's catalog rating, and a 0-100 score for the whole architecture.

The score is the mean of the services' ratings on a 0-3 scale (none 0, low 1, medium 2, high 3), scaled to
0-100 and rounded: a design of only high-lock-in services scores 100, one of only portable services 0. Every
service counts once, whatever its size; containers and the implicit Internet do not count. The breakdown by
category uses the same formula within each category.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from archbuilder.catalog.service_type import Alternative, Citation, ServiceType
from archbuilder.model import Architecture

RATING_POINTS = {"none": 0, "low": 1, "medium": 2, "high": 3}


@dataclass(slots=True)  # not frozen: a frozen dataclass costs ~3 µs per instance, one per service
class ServiceLockin:
    node_id: str
    label: str
    type_id: str
    service_name: str
    category: str
    rating: str
    rationale: str
    alternatives: tuple[Alternative, ...]
    source: Citation


@dataclass
class LockinScore:
    score: int
    services: list[ServiceLockin] = field(default_factory=list)  # most locked-in first
    by_category: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "by_category": self.by_category,
            "services": [
                {
                    "node_id": s.node_id,
                    "label": s.label,
                    "type": s.type_id,
                    "category": s.category,
                    "rating": s.rating,
                    "rationale": s.rationale,
                    "alternatives": [a.model_dump() for a in s.alternatives],
                    "source": {"seed": s.source.seed, "section": s.source.section},
                }
                for s in self.services
            ],
        }


def _scale(points: list[int]) -> int:
    return round(100 * sum(points) / (3 * len(points))) if points else 0


def score(architecture: Architecture) -> LockinScore:
    services = []
    entries: dict[str, ServiceType] = {}
    for node in architecture.services():
        entry = entries.get(node.type) or entries.setdefault(node.type, architecture.catalog.get(node.type))
        services.append(
            ServiceLockin(
                node_id=node.id,
                label=node.label,
                type_id=node.type,
                service_name=entry.name,
                category=entry.category.value,
                rating=entry.lockin.rating,
                rationale=entry.lockin.rationale,
                alternatives=entry.lockin.alternatives,
                source=entry.lockin.source,
            )
        )
    services.sort(key=lambda s: (-RATING_POINTS[s.rating], s.label.lower(), s.node_id))
    categories: dict[str, list[int]] = {}
    for service in services:
        categories.setdefault(service.category, []).append(RATING_POINTS[service.rating])
    return LockinScore(
        score=_scale([RATING_POINTS[s.rating] for s in services]),
        services=services,
        by_category={name: _scale(points) for name, points in sorted(categories.items())},
    )
