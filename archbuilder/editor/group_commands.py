"""One property set on several selected services at once (the properties panel's common fields), as one
transaction of the Document."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from archbuilder.editor.commands import DocumentCommand, Steps
from archbuilder.model import Architecture


class SetPropertiesCommand(DocumentCommand):
    def __init__(
        self, architecture: Architecture, text: str, node_ids: Sequence[str], name: str, value: Any
    ) -> None:
        super().__init__(architecture, text)
        self.node_ids = list(node_ids)
        self.name = name
        self.value = value
        self.before = {i: architecture.service(i).properties.get(name) for i in self.node_ids}

    def _set(self, node_id: str, value: Any, *, as_written: bool = False) -> None:
        self.architecture.set_property(node_id, self.name, value, as_written=as_written)

    def steps(self, steps: Steps) -> None:
        for node_id in self.node_ids:
            steps.run(
                partial(self._set, node_id, self.value),
                partial(self._set, node_id, self.before[node_id], as_written=True),
            )

    def revert(self) -> None:
        for node_id in reversed(self.node_ids):
            self._set(node_id, self.before[node_id], as_written=True)
