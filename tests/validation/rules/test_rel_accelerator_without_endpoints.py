"""REL-082 (Accelerator without endpoints): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.rel_accelerator_without_endpoints import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _accelerator(endpoint: bool) -> Build:
    return with_(
        svc("global_accelerator", None, "edge"),
        svc("nlb", "public-a", "game", ["public-b"]),
        *([connect("edge", "game", ConnectionKind.TRAFFIC, 443)] if endpoint else []),
    )


CASE = Case(
    ok=_accelerator(True),
    bad=_accelerator(False),
    expected=[(("edge",), "“Edge” sends traffic to no endpoint")],
)


def test_rel_accelerator_without_endpoints() -> None:
    check_case(RULE, CASE)
