"""REL-069 (Production file server in one AZ): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_fsx_single_az import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _shares(multi_az: bool) -> Build:
    return with_(
        svc(
            "fsx_file_system",
            "private-a",
            "shares",
            ["private-b"],
            file_system_type="WINDOWS",
            multi_az=multi_az,
        ),
        svc("fsx_file_system", "private-a", "scratch", file_system_type="LUSTRE", multi_az=False),
    )


CASE = Case(
    ok=_shares(multi_az=True),
    bad=_shares(multi_az=False),
    expected=[
        (("shares",), "“Shares” serves production files from a single AZ, with no standby to fail over to")
    ],
)


def test_rel_fsx_single_az() -> None:
    check_case(RULE, CASE)
