"""LIM-055 (FSx for Lustre marked Multi-AZ): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_fsx_lustre_multi_az import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("fsx_file_system", "private-a", "scratch", file_system_type="LUSTRE", multi_az=False)),
    bad=with_(svc("fsx_file_system", "private-a", "scratch", file_system_type="LUSTRE", multi_az=True)),
    expected=[(("scratch",), "“Scratch” is an FSx for Lustre file system, which has no Multi-AZ deployment")],
)


def test_lim_fsx_lustre_multi_az() -> None:
    check_case(RULE, CASE)
