"""Secrets written in clear in a design — most often brought in by an import: a NoEcho parameter's default,
a password-like property with a literal value, an output that is a secret, an access key in user data. Import
lists them; export refuses to write them unless the user allows it (`--allow-secrets`, or the design's
`metadata.allow_secrets_in_exports`).

A value is a secret only when it is written out: a Ref, a dynamic reference ({{resolve:...}}) or a managed
password is how a template should carry one, and is never reported.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from archbuilder.model import Architecture

# Access key ids: 20 upper-case characters, AKIA for long-term keys, ASIA for temporary STS keys.
ACCESS_KEY_ID = re.compile(r"\b(AKIA|ASIA)[A-Z0-9]{16}\b")
SECRET_TEXT = re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----|aws_secret_access_key\s*[=:]", re.IGNORECASE)
# Property names whose literal value is a secret (MasterUserPassword, AuthToken, SecretString, ...).
SECRET_NAME = re.compile(r"password|passwd|secret(?!s?manager)|token|private_?key|credential", re.IGNORECASE)
# HttpTokens is an instance metadata setting (required or optional), not a token.
_NOT_SECRET_NAME = re.compile(
    r"Arn$|Id$|Name$|Length$|Policy|Rotation|Managed|Manage|Enabled$|Required|^HttpTokens$", re.IGNORECASE
)


@dataclass(frozen=True)
class Secret:
    where: str  # e.g. "parameter DbPassword", "'Web' › user_data"
    why: str
    value: str = field(default="", repr=False, compare=False)  # to report one value once

    def __str__(self) -> str:
        return f"{self.where}: {self.why}"


def design_secrets(architecture: Architecture) -> list[Secret]:
    """Every secret the design holds in clear, in a stable order."""
    found: list[Secret] = []
    parameters = architecture.template.parameters
    for name, spec in sorted(parameters.items()):
        if isinstance(spec, dict) and _truthy(spec.get("NoEcho")) and _literal(spec.get("Default")):
            found.append(Secret(f"parameter {name}", "a NoEcho parameter with a default written in clear"))
    hidden = {n for n, s in parameters.items() if isinstance(s, dict) and _truthy(s.get("NoEcho"))}
    for name, output in sorted(architecture.template.outputs.items()):
        value = output.get("Value") if isinstance(output, dict) else output
        if isinstance(value, dict) and value.get("Ref") in hidden:
            found.append(Secret(f"output {name}", f"shows the NoEcho parameter {value['Ref']}"))
        elif _looks_secret(value):
            found.append(Secret(f"output {name}", "its value is a key or password"))
    for node in sorted(architecture.services(), key=lambda n: n.id):
        found += _in_values(f"{node.label!r}", node.properties)  # read-only: a dict, not copied
    if architecture.imported is not None:
        # The template an import kept is written back on export, its resources' properties with it.
        resources = architecture.imported.template.get("Resources")
        kept = (
            resources
            if isinstance(resources, dict)
            else {k: v for k, v in architecture.imported.template.items() if k not in ("variable", "output")}
        )
        found += _in_values("template", kept)
    unique: dict[tuple[str, str], Secret] = {}
    for secret in found:  # a generic node's properties are also in the kept template: each value once
        unique.setdefault((secret.why, secret.value), secret)
    return list(unique.values())


def _in_values(owner: str, values: dict[str, Any]) -> list[Secret]:
    found: list[Secret] = []
    _search(owner, values, (), found)
    return found


def _search(owner: str, value: Any, path: tuple[str, ...], found: list[Secret]) -> None:
    """The secrets among the entries of the mappings in `value`, depth first, each entry before what it holds.
    The place is spelt out only for a secret found (a large design has a million values and few secrets)."""
    if isinstance(value, dict):
        for key, item in value.items():
            name = str(key)
            if _secret_name(name) and _literal(item):
                found.append(Secret(_where(owner, path, name), _PASSWORD_LIKE, str(item)))
            elif isinstance(item, str):
                if _looks_secret(item):
                    found.append(Secret(_where(owner, path, name), _KEY_IN_TEXT, item))
                continue
            if isinstance(item, dict | list):
                _search(owner, item, (*path, name), found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict | list):
                _search(owner, item, (*path, f"[{index}]"), found)


_PASSWORD_LIKE = "a password-like property with its value written in clear"
_KEY_IN_TEXT = "an access key or private key written in clear"


def _where(owner: str, path: tuple[str, ...], name: str) -> str:
    return f"{owner} › {' › '.join((*path, name))}"


@functools.lru_cache(maxsize=1 << 12)  # property names repeat from node to node
def _secret_name(name: str) -> bool:
    return bool(SECRET_NAME.search(name)) and not _NOT_SECRET_NAME.search(name)


def _literal(value: Any) -> bool:
    """A value written out (not a reference, an intrinsic or a dynamic reference to a secret store)."""
    if isinstance(value, str):
        return bool(value.strip()) and "{{resolve:" not in value and not value.startswith("${")
    return isinstance(value, int | float) and not isinstance(value, bool)


def _looks_secret(value: Any) -> bool:
    if isinstance(value, str):
        # Short values repeat from node to node (an engine, a size, a runtime): each is searched once.
        return _short_text_looks_secret(value) if len(value) <= 256 else _text_looks_secret(value)
    if isinstance(value, dict):  # Fn::Base64 / Fn::Sub around user data
        return any(_looks_secret(item) for item in value.values())
    if isinstance(value, list):
        return any(_looks_secret(item) for item in value)
    return False


def _text_looks_secret(text: str) -> bool:
    return bool(ACCESS_KEY_ID.search(text) or SECRET_TEXT.search(text))


_short_text_looks_secret = functools.lru_cache(maxsize=1 << 12)(_text_looks_secret)


def _truthy(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.lower() == "true")
