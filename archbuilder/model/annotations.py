"""What a diagram says besides the architecture itself: text notes, callouts pointing at a node, and actors
(users, the internet, a corporate data center) with arrows to the services they reach. Kept with the design
(`annotations` in the document, absent when there are none); they never reach CloudFormation or Terraform.
"""

from __future__ import annotations

from collections.abc import Container, Mapping
from types import MappingProxyType
from typing import Any, Literal

from psygnal import Signal, SignalGroup
from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

from archbuilder.model.containment import InvariantError
from archbuilder.model.ids import unique_id
from archbuilder.model.nodes import NodeId

AnnotationKind = Literal["note", "callout", "users", "internet", "corporate"]
ACTOR_KINDS = ("users", "internet", "corporate")
ACTOR_TITLES = {"users": "Users", "internet": "Internet", "corporate": "Corporate data center"}
KIND_TITLES = {"note": "Note", "callout": "Callout", **ACTOR_TITLES}


class Annotation(BaseModel):
    """A note, callout or actor at a place on the canvas (scene coordinates: it belongs to no container)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: NodeId
    kind: AnnotationKind
    text: str = Field(default="", max_length=2000)
    x: float = Field(default=0.0, allow_inf_nan=False)
    y: float = Field(default=0.0, allow_inf_nan=False)
    width: float = Field(default=180.0, gt=0, le=5000, allow_inf_nan=False)
    height: float = Field(default=70.0, gt=0, le=5000, allow_inf_nan=False)
    # A callout points at one node; an actor has an arrow to each service it reaches.
    targets: tuple[NodeId, ...] = Field(default=(), max_length=200)

    @model_serializer(mode="wrap")
    def _without_empty_targets(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        if not self.targets:
            data.pop("targets", None)
        return data

    @property
    def is_actor(self) -> bool:
        return self.kind in ACTOR_KINDS

    @property
    def title(self) -> str:
        """What it shows: the text, or for an actor without text the actor's name."""
        return self.text or (ACTOR_TITLES.get(self.kind, "") if self.is_actor else "")


class AnnotationEvents(SignalGroup):
    added = Signal(object)  # the annotation
    removed = Signal(object)
    changed = Signal(object, str)  # the annotation, the field that changed ("position", "text", "targets")


class Annotations:
    """The design's annotations; every change goes through a method and emits an event."""

    def __init__(self) -> None:
        self.events = AnnotationEvents()
        self._items: dict[str, Annotation] = {}

    @property
    def items(self) -> Mapping[str, Annotation]:
        return MappingProxyType(self._items)

    def get(self, annotation_id: str) -> Annotation:
        try:
            return self._items[annotation_id]
        except KeyError:
            raise InvariantError(f"there is no annotation with id {annotation_id!r}") from None

    def new_id(self, kind: str, taken: Container[str] = ()) -> str:
        """A free id: not an annotation's, nor one of `taken` (the design's node and connection ids)."""
        return unique_id(kind, _Either(self._items, taken))

    def add(self, annotation: Annotation) -> Annotation:
        if annotation.id in self._items:
            raise InvariantError(f"an annotation with id {annotation.id!r} already exists")
        self._items[annotation.id] = annotation
        self.events.added.emit(annotation)
        return annotation

    def remove(self, annotation_id: str) -> Annotation:
        annotation = self.get(annotation_id)
        del self._items[annotation_id]
        self.events.removed.emit(annotation)
        return annotation

    def move(self, annotation_id: str, x: float, y: float) -> None:
        self._swap(annotation_id, "position", x=float(x), y=float(y))

    def resize(self, annotation_id: str, width: float, height: float) -> None:
        self._swap(annotation_id, "size", width=float(width), height=float(height))

    def set_text(self, annotation_id: str, text: str) -> None:
        self._swap(annotation_id, "text", text=text)

    def set_targets(self, annotation_id: str, targets: tuple[str, ...]) -> None:
        self._swap(annotation_id, "targets", targets=tuple(targets))

    def _swap(self, annotation_id: str, field: str, **values: Any) -> None:
        current = self.get(annotation_id)
        try:
            changed = Annotation.model_validate({**current.model_dump(), **values})
        except ValueError as exc:
            raise InvariantError(f"annotation {annotation_id} › {field}: {exc}") from None
        self._items[annotation_id] = changed
        self.events.changed.emit(changed, field)


class _Either:
    def __init__(self, first: Container[str], second: Container[str]) -> None:
        self._first, self._second = first, second

    def __contains__(self, value: object) -> bool:
        return value in self._first or value in self._second
