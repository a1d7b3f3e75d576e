"""The design's annotations in its diagram: notes and callouts as boxes of text (a callout with a leader line
to the node it points at), and actors the user placed, with arrows to the services they reach."""

from __future__ import annotations

from dataclasses import dataclass

from archbuilder.drawing.geometry import Box, Point
from archbuilder.drawing.shapes import LABEL_SIZE, ServiceGeometry, service_geometry
from archbuilder.drawing.text import wrap
from archbuilder.model import Architecture, ServiceNode
from archbuilder.model.annotations import Annotation

ACTOR_ICONS = {
    "users": "aws.general.Users",
    "internet": "aws.general.InternetAlt1",
    "corporate": "aws.general.OfficeBuilding",
}
NOTE_PADDING = 8.0


@dataclass(frozen=True)
class Note:
    key: str
    kind: str  # note or callout
    lines: tuple[str, ...]
    box: Box
    target: Point | None  # where a callout's leader line ends


def note_of(annotation: Annotation, boxes: dict[str, Box]) -> Note:
    box = Box(annotation.x, annotation.y, annotation.width, annotation.height)
    lines = tuple(
        line
        for paragraph in annotation.text.splitlines() or [""]
        for line in wrap(paragraph, LABEL_SIZE, annotation.width - 2 * NOTE_PADDING, max_lines=20)
    )
    target = None
    if annotation.kind == "callout" and annotation.targets and annotation.targets[0] in boxes:
        target = boxes[annotation.targets[0]].center
    return Note(annotation.id, annotation.kind, lines, box, target)


def placed_actors(architecture: Architecture) -> list[tuple[Annotation, list[str]]]:
    """The actors the user placed, each with the services it reaches (ids that still name a service)."""
    found = []
    for annotation in sorted(architecture.annotations.items.values(), key=lambda a: a.id):
        if annotation.is_actor:
            targets = [t for t in annotation.targets if isinstance(architecture.nodes.get(t), ServiceNode)]
            found.append((annotation, targets))
    return found


def actor_geometry(annotation: Annotation) -> ServiceGeometry:
    return service_geometry(annotation.id, annotation.id, annotation.title, annotation.x, annotation.y)
