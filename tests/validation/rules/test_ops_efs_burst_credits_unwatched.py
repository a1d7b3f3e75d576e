"""OPS-017 (EFS burst credits not monitored): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation import validate
from archbuilder.validation.rules.ops_efs_burst_credits_unwatched import RULE
from tests.validation.builders import Case, check_case, svc, with_

_FILES = svc("efs_file_system", "private-a", "files", ["private-b"], throughput_mode="bursting")

CASE = Case(
    ok=with_(_FILES, svc("cloudwatch_alarm", "region", "credits", metric_name="BurstCreditBalance")),
    bad=with_(_FILES, svc("cloudwatch_alarm", "region", "cpu", metric_name="CPUUtilization")),
    expected=[(("files",), "“Files” runs on burst credits but no alarm watches BurstCreditBalance")],
)


def test_ops_efs_burst_credits_unwatched() -> None:
    check_case(RULE, CASE)


def test_elastic_throughput_spends_no_credits() -> None:
    arch = with_(svc("efs_file_system", "private-a", "files", ["private-b"], throughput_mode="elastic"))()
    assert validate(arch, [RULE]).findings == []
