"""Named undo commands for notes, callouts and actors (archbuilder.model.annotations), each one
transaction of the Document like those in commands.py."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial

from archbuilder.editor.commands import DocumentCommand, Position, Steps
from archbuilder.model import Architecture
from archbuilder.model.annotations import Annotation


class AddAnnotationCommand(DocumentCommand):
    def __init__(self, architecture: Architecture, text: str, annotation: Annotation) -> None:
        super().__init__(architecture, text)
        self.annotation = annotation

    def steps(self, steps: Steps) -> None:
        annotations = self.architecture.annotations
        steps.run(partial(annotations.add, self.annotation), partial(annotations.remove, self.annotation.id))

    def revert(self) -> None:
        self.architecture.annotations.remove(self.annotation.id)


class RemoveAnnotationsCommand(DocumentCommand):
    def __init__(self, architecture: Architecture, text: str, annotation_ids: Sequence[str]) -> None:
        super().__init__(architecture, text)
        self.removed = [architecture.annotations.get(i) for i in annotation_ids]

    def steps(self, steps: Steps) -> None:
        annotations = self.architecture.annotations
        for annotation in self.removed:
            steps.run(partial(annotations.remove, annotation.id), partial(annotations.add, annotation))

    def revert(self) -> None:
        for annotation in reversed(self.removed):
            self.architecture.annotations.add(annotation)


class MoveAnnotationsCommand(DocumentCommand):
    def __init__(self, architecture: Architecture, text: str, moves: Mapping[str, Position]) -> None:
        super().__init__(architecture, text)
        self.moves = dict(moves)
        items = architecture.annotations.items
        self.before = {i: (items[i].x, items[i].y) for i in self.moves}

    def steps(self, steps: Steps) -> None:
        annotations = self.architecture.annotations
        for annotation_id, place in self.moves.items():
            steps.run(
                partial(annotations.move, annotation_id, *place),
                partial(annotations.move, annotation_id, *self.before[annotation_id]),
            )

    def revert(self) -> None:
        for annotation_id in reversed(self.moves):
            self.architecture.annotations.move(annotation_id, *self.before[annotation_id])


class SetAnnotationTextCommand(DocumentCommand):
    def __init__(self, architecture: Architecture, annotation_id: str, text: str) -> None:
        super().__init__(architecture, "Edit note" if text else "Clear note")
        self.annotation_id = annotation_id
        self.new_text = text
        self.before = architecture.annotations.get(annotation_id).text

    def steps(self, steps: Steps) -> None:
        annotations = self.architecture.annotations
        steps.run(
            partial(annotations.set_text, self.annotation_id, self.new_text),
            partial(annotations.set_text, self.annotation_id, self.before),
        )

    def revert(self) -> None:
        self.architecture.annotations.set_text(self.annotation_id, self.before)
