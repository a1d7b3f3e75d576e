"""LIM-056 (Multi-AZ file system without a second AZ): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_fsx_multi_az_in_one_az import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(
        svc("fsx_file_system", "private-a", "shares", ["private-b"], file_system_type="ONTAP", multi_az=True)
    ),
    bad=with_(svc("fsx_file_system", "private-a", "shares", file_system_type="ONTAP", multi_az=True)),
    expected=[(("shares",), "“Shares” is Multi-AZ but its subnets are all in one AZ")],
)


def test_lim_fsx_multi_az_in_one_az() -> None:
    check_case(RULE, CASE)
