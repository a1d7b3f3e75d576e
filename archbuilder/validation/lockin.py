"""Vendor lock-in: each service's catalog rating, and a 0-100 score for the whole architecture.

The score is the mean of the services' ratings on a 0-3 scale (none 0, low 1, medium 2, high 3), scaled to
0-100 and rounded: a design of only high-lock-in services scores 100, one of only portable services 0. Every
service counts once, whatever its size; containers and the implicit Internet do not count. The breakdown by
category uses the same formula within each category.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.catalog.service_type import Alternative, Citation, RaisedLockin, ServiceType
from archbuilder.model import Architecture, ServiceNode

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
                    "source": s.source.to_json(),
                }
                for s in self.services
            ],
        }


def _ratio(points: int, count: int) -> int:
    """`points` of `count` services on the 0-3 scale, as 0-100."""
    return round(100 * points / (3 * count)) if count else 0


def _raises(raised: RaisedLockin, node: ServiceNode, started: set[tuple[str, ConnectionKind]]) -> bool:
    """Whether the node uses what raises its type's rating: a listed property value or a connection it starts."""
    for name, values in raised.properties.items():
        if node.properties.get(name) in values:
            return True
    return any((node.id, kind) in started for kind in raised.connections)


def _started(architecture: Architecture) -> set[tuple[str, ConnectionKind]]:
    return {(c.source_id, c.kind) for c in architecture.connections.values()}


_Entry = tuple[int, str, str, str, str, tuple[Alternative, ...], Citation]


class _Entries:
    """What a service's lock-in entry says (points, name, category, rating, rationale, alternatives, source).
    It depends only on the type, and for types whose rating rises with the features a service uses (Route 53's
    aliases and latency routing) on whether it uses them: each is looked up once, not once per service."""

    def __init__(self, architecture: Architecture) -> None:
        self._architecture = architecture
        self.per_type: dict[str, _Entry] = {}
        self._raised: dict[str, _Entry] = {}
        self._raising = {t.id: t.lockin.raised for t in architecture.catalog if t.lockin.raised is not None}
        self._started: set[tuple[str, ConnectionKind]] | None = None  # (source id, kind), when needed

    def of(self, node: ServiceNode) -> _Entry:
        entry = self.per_type.get(node.type)
        if entry is None:
            service_type: ServiceType = self._architecture.catalog.get(node.type)
            lockin = service_type.lockin
            entry = self.per_type[node.type] = (
                RATING_POINTS[lockin.rating],
                service_type.name,
                service_type.category.value,
                lockin.rating,
                lockin.rationale,
                lockin.alternatives,
                lockin.source,
            )
        raised = self._raising.get(node.type)
        if raised is None:
            return entry
        if self._started is None:
            self._started = _started(self._architecture)
        if not _raises(raised, node, self._started):
            return entry
        raised_entry = self._raised.get(node.type)
        if raised_entry is None:
            raised_entry = self._raised[node.type] = (
                RATING_POINTS[raised.rating],
                *entry[1:3],
                raised.rating,
                raised.rationale,
                entry[5],
                raised.source,
            )
        return raised_entry


def score(architecture: Architecture, nodes: Iterable[ServiceNode] | None = None) -> LockinScore:
    """The lock-in of the architecture's services (`nodes`: the caller's list of them, sorted by id)."""
    entries = _Entries(architecture)
    services = []
    sort_keys = []
    counts: dict[str, int] = {}  # services per type
    points_by_type: dict[str, int] = {}  # the points of each type's services, raised ones included
    if nodes is None:
        nodes = sorted(architecture.services(), key=attrgetter("id"))
    for node in nodes:
        points, name, category, rating, rationale, alternatives, source = entries.of(node)
        counts[node.type] = counts.get(node.type, 0) + 1
        points_by_type[node.type] = points_by_type.get(node.type, 0) + points
        label = node.label
        # Ties keep the id order the services come in (the sort is stable), so the id stays out of the key:
        # many services share a label, and comparing their ids as well made the sort several times slower.
        sort_keys.append((-points, label.lower()))
        services.append(
            ServiceLockin(node.id, label, node.type, name, category, rating, rationale, alternatives, source)
        )
    order = sorted(range(len(services)), key=sort_keys.__getitem__)
    return _summed([services[index] for index in order], counts, points_by_type, entries.per_type)


def _summed(
    services: list[ServiceLockin],
    counts: dict[str, int],
    points_by_type: dict[str, int],
    per_type: dict[str, _Entry],
) -> LockinScore:
    """The score of the whole design and of each category: the points per type, summed per category."""
    categories: dict[str, list[int]] = {}
    total = 0
    for type_id, count in counts.items():
        category = per_type[type_id][2]
        points = points_by_type[type_id]
        categories.setdefault(category, [0, 0])
        categories[category][0] += points
        categories[category][1] += count
        total += points
    return LockinScore(
        score=_ratio(total, len(services)),
        services=services,
        by_category={name: _ratio(*sums) for name, sums in sorted(categories.items())},
    )
