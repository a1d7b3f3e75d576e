"""OPS-030 (Tracing that receives no traces): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.ops_xray_without_traced_services import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _tracing(traced: bool) -> Build:
    return with_(
        svc("xray", "region", "traces"),
        svc("lambda_function", "region", "api"),
        *([connect("api", "traces", ConnectionKind.LOGS)] if traced else []),
    )


CASE = Case(
    ok=_tracing(traced=True),
    bad=_tracing(traced=False),
    expected=[(("traces",), "“Traces” receives traces from no service")],
)


def test_ops_xray_without_traced_services() -> None:
    check_case(RULE, CASE)
