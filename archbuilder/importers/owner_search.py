"""The owners of the helpers an import leaves without a node, found in the order ownership.py's rules pick them
but in time that grows with the template, not with its square.

The rules, in order: a helper naming an owned resource in its owner property (OWNER_KEYS); naming it by the name
the resource is given (NAME_KEYS); referring to an owned resource anywhere; referred to by an owned resource.
Each step takes the first helper (in template order) the first rule that applies to any finds, then that helper
is owned too, which may make others found. Asking every helper every rule at every step was quadratic: a 4 MB
Terraform file of 2,000 services took 290 s of CPU here. A rule found for a helper stays found (owned resources
only grow), so each rule keeps a heap of the helpers it finds, woken by the resource whose ownership found them.
"""

from __future__ import annotations

import heapq
import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from archbuilder.importers.reader import TemplateReader


class OwnerSearch:
    def __init__(self, reader: TemplateReader, pending: list[str], owned: dict[str, str]) -> None:
        from archbuilder.importers.ownership import NAME_KEYS, OWNER_KEYS, named_owners

        self.reader = reader
        self.owned = owned
        self.names = list(pending)
        self.position = {name: index for index, name in enumerate(pending)}
        self.pending = set(pending)
        self.by_key = {name: named_owners(reader, name) for name in pending}
        self.references = {name: reader._refs_in(name) for name in pending}
        self.owner_name: dict[str, str] = {}
        for name in pending:
            key = OWNER_KEYS.get(reader._type(name))
            value = reader._props(name).get(key) if key else None
            if value is not None:
                self.owner_name[name] = json.dumps(value, sort_keys=True)
        # Who is given each name (NAME_KEYS values), in template and key order.
        self.named: dict[str, list[str]] = {}
        if self.owner_name:
            for user in reader.resources:
                for key in NAME_KEYS:
                    value = reader._props(user).get(key)
                    if value is not None:
                        text = json.dumps(value, sort_keys=True)
                        self.named.setdefault(text, []).append(user)
        # Rules 0 to 2 find a helper by what it names; rule 3 by who names it, read only if ever needed.
        self.referrers: dict[str, list[str]] | None = None
        self.heaps: list[list[int]] = [[], [], [], []]
        self.woken_by: list[dict[str, list[str]]] = [{}, {}, {}]
        for rule, table in ((0, self.by_key), (2, self.references)):
            for name in pending:
                for resource in table[name]:
                    self.woken_by[rule].setdefault(resource, []).append(name)
        for name, text in self.owner_name.items():
            for user in self.named.get(text, []):
                self.woken_by[1].setdefault(user, []).append(name)
        for resource in list(owned):
            self._wake(resource)

    def owners(self) -> None:
        """Adds to `owned` every helper the rules find an owner for, in the order they find them."""
        while self.pending:
            found = self._first(0) or self._first(1) or self._first(2)
            if found is None:
                if self.referrers is None:
                    self._read_referrers()
                found = self._first(3)
            if found is None:
                return
            name, owner = found
            self.owned[name] = owner
            self.pending.discard(name)
            self._wake(name)

    def _wake(self, resource: str) -> None:
        """The helpers that `resource`, now owned, makes found."""
        for rule in range(3):
            for name in self.woken_by[rule].get(resource, ()):
                if name in self.pending:
                    heapq.heappush(self.heaps[rule], self.position[name])
        if self.referrers is not None:
            for name in self.references.get(resource, ()):
                if name in self.pending:
                    heapq.heappush(self.heaps[3], self.position[name])

    def _read_referrers(self) -> None:
        self.referrers = {name: self.reader._referrers(name) for name in self.pending}
        for name in self.pending:
            if any(user in self.owned for user in self.referrers.get(name, ())):
                heapq.heappush(self.heaps[3], self.position[name])

    def _first(self, rule: int) -> tuple[str, str] | None:
        """The first helper (in template order) the rule finds, and its owner's node."""
        heap = self.heaps[rule]
        while heap and self.names[heap[0]] not in self.pending:
            heapq.heappop(heap)
        if not heap:
            return None
        name = self.names[heap[0]]
        if rule == 1:  # the last resource given the name, as a mapping of names to resources keeps
            user = next(u for u in reversed(self.named[self.owner_name[name]]) if u in self.owned)
        elif rule == 3:
            user = next(u for u in (self.referrers or {})[name] if u in self.owned)
        else:
            user = next(r for r in (self.by_key if rule == 0 else self.references)[name] if r in self.owned)
        return name, self.owned[user]
