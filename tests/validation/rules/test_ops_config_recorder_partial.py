"""OPS-029 (Config recorder limited to some resource types): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.ops_config_recorder_partial import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("config_recorder", "region", "recorder", all_supported=True)),
    bad=with_(svc("config_recorder", "region", "recorder", all_supported=False)),
    expected=[(("recorder",), "“Recorder” records only the resource types it lists")],
)


def test_ops_config_recorder_partial() -> None:
    check_case(RULE, CASE)
