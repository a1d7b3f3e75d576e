"""LIM-023 (User data over 16 KB): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_user_data_too_large import RULE
from tests.validation.builders import Case, check_case, svc, with_

SCRIPT_LINE = "echo 'configure the application' >> /var/log/setup.log\n"  # 55 bytes

CASE = Case(
    ok=with_(svc("ec2_instance", "private-a", "app", user_data=SCRIPT_LINE * 297)),  # 16,335 bytes
    bad=with_(svc("ec2_instance", "private-a", "app", user_data=SCRIPT_LINE * 298)),  # 16,390 bytes
    expected=[(("app",), "“App” has 16,390 bytes of user data; an instance accepts at most 16,384 (16 KB)")],
)


def test_lim_user_data_too_large() -> None:
    check_case(RULE, CASE)
