"""How readable a diagram is, measured: connections through services, labels over labels or across container
borders, services over services or across borders, and the picture's aspect ratio. Zero is the aim for all
but the ratio (bench/bench_layout_quality.py prints these for the examples and generated designs)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from archbuilder.drawing.diagram import Diagram
from archbuilder.drawing.geometry import Box, border_crossed, segment_crosses
from archbuilder.drawing.index import BoxIndex


@dataclass(frozen=True)
class Quality:
    crossings: int  # a connection segment through a service's icon or label (not its own ends)
    label_overlaps: int  # two labels (service labels, captions, headers) over each other
    label_borders: int  # a label lying across a container's border
    node_overlaps: int  # two services over each other, or a service across a container's border
    aspect: float  # the longer side of the picture over the shorter

    def as_row(self) -> tuple[int, int, int, int, float]:
        return (self.crossings, self.label_overlaps, self.label_borders, self.node_overlaps, self.aspect)


def measure(diagram: Diagram) -> Quality:
    picture = diagram.picture
    return Quality(
        crossings=_crossings(diagram),
        label_overlaps=_label_overlaps(diagram),
        label_borders=_label_borders(diagram),
        node_overlaps=_node_overlaps(diagram),
        aspect=round(max(picture.width, picture.height) / max(1.0, min(picture.width, picture.height)), 2),
    )


def _labels(diagram: Diagram) -> list[tuple[Box, str]]:
    labels = [(shape.geometry.label, shape.key) for shape in diagram.shapes if shape.geometry.lines != ("",)]
    labels += [(edge.caption_box, edge.key) for edge in diagram.edges if edge.caption_box is not None]
    labels += [(group.header, group.key) for group in diagram.groups]
    labels += [(note.box, note.key) for note in diagram.notes]
    return labels


def _crossings(diagram: Diagram) -> int:
    index: BoxIndex[tuple[str, str]] = BoxIndex()
    for shape in diagram.shapes:
        index.add(shape.geometry.icon, (shape.key, shape.geometry.service_id))
        if shape.geometry.lines != ("",):
            index.add(shape.geometry.label, (shape.key, shape.geometry.service_id))
    count = 0
    for edge in diagram.edges:
        source, target = diagram.ends[edge.key]
        for a, b in pairwise(edge.points):
            area = Box(min(a[0], b[0]), min(a[1], b[1]), abs(b[0] - a[0]) + 1e-6, abs(b[1] - a[1]) + 1e-6)
            hit = {
                key
                for box, (key, _service) in index.near(area)
                if key not in (source, target) and segment_crosses(a, b, box)
            }
            count += len(hit)
    return count


def _label_overlaps(diagram: Diagram) -> int:
    index: BoxIndex[str] = BoxIndex()
    count = 0
    for box, key in _labels(diagram):
        count += sum(1 for other, other_key in index.near(box) if other_key != key)
        index.add(box, key)
    return count


def _label_borders(diagram: Diagram) -> int:
    count = 0
    for box, _key in _labels(diagram):
        count += sum(1 for group in diagram.groups if border_crossed(box, group.box))
    return count


def _node_overlaps(diagram: Diagram) -> int:
    index: BoxIndex[str] = BoxIndex()
    count = 0
    for shape in diagram.shapes:
        footprint = shape.geometry.icon
        count += len(index.near(footprint))
        index.add(footprint, shape.key)
        count += sum(1 for group in diagram.groups if border_crossed(footprint, group.box))
    groups = diagram.groups
    for index_a, a in enumerate(groups):
        for b in groups[index_a + 1 :]:
            if a.box.meets(b.box) and not (a.box.contains(b.box) or b.box.contains(a.box)):
                count += 1
    return count
