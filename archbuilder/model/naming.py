"""Stable, readable resource names from labels: `Web ALB` -> `WebAlb` (CloudFormation) or `web_alb` (Terraform)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

_WORDS = re.compile(r"[A-Za-z0-9]+")


def _capitalised(word: str) -> str:
    """`web` -> `Web`; acronyms (`NAT`, `VPC`) and names already in camel case (`AppServers`) keep their case."""
    if (word.isupper() and len(word) <= 4) or any(char.isupper() for char in word[1:]):
        return word[:1].upper() + word[1:]
    return word[:1].upper() + word[1:].lower()


@functools.lru_cache(maxsize=1 << 14)  # an export names each node several times, and labels repeat
def pascal(label: str, fallback: str = "Resource") -> str:
    words = _WORDS.findall(label)
    name = "".join(_capitalised(word) for word in words)
    if not name or not name[0].isalpha():
        name = fallback + name
    return name[:200]


# A boundary before a capital that follows a lowercase letter or digit (`webAlb`), or that follows a capital and
# starts a word (`ALBListener`): the capital is looked for first, as most positions fail there (a third faster
# than the two lookbehinds first; a large export names 100,000 resources).
_CAMEL = re.compile(r"(?=[A-Z])(?:(?<=[a-z0-9])|(?<=[A-Z])(?=[A-Z][a-z]))")


_DIGITS = "0123456789"


@functools.lru_cache(maxsize=1 << 15)  # a large export's logical ids have some 20,000 stems
def _camel_words(word: str) -> str:
    return _CAMEL.sub("_", word).lower()


def snake(label: str, fallback: str = "resource") -> str:
    """`Web ALB (prod)` -> `web_alb_prod`; `ProductionVPC` -> `production_vpc`."""
    if label.isascii() and label.isalnum():
        # One word of letters and digits (a logical id): its words are the parts between the camel-case
        # boundaries, so joining them is marking the boundaries (a large export names 100,000 resources).
        # Trailing digits mark none (no boundary comes before a digit), and most logical ids are a stem shared
        # by thousands (`RdsSecurityGroup`) and a number: the stem's words are worked out once.
        stem = label.rstrip(_DIGITS)
        name = _camel_words(stem) + label[len(stem) :] if stem else label
    else:
        name = "_".join(word.lower() for word in _WORDS.findall(_CAMEL.sub(" ", label)))
    if not name or not name[0].isalpha():
        name = f"{fallback}_{name}".rstrip("_")
    return name[:64]


class Names:
    """Hands out unique names in a deterministic order: the first to ask for `WebAlb` gets it, the next `WebAlb2`."""

    def __init__(self, reserved: Iterable[str] = ()) -> None:
        self._taken = set(reserved)
        self._by_key: dict[str, str] = {}
        # wanted name -> the number to try next. Names are never given back, so every number below it is taken:
        # starting there gives the same name as counting from 2, without recounting (20,000 services with a
        # few labels were 200 million tries).
        self._next_number: dict[str, int] = {}

    def get(self, key: str, wanted: str) -> str:
        if key in self._by_key:
            return self._by_key[key]
        name, number = wanted, self._next_number.get(wanted, 2)
        if name in self._taken:
            name = f"{wanted}{number}"
            while name in self._taken:
                number += 1
                name = f"{wanted}{number}"
            self._next_number[wanted] = number + 1
        self._taken.add(name)
        self._by_key[key] = name
        return name

    def __getitem__(self, key: str) -> str:
        return self._by_key[key]
