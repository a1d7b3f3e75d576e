"""SEC-026 (AWS access key in user data): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_access_key_in_user_data import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _instance(user_data: str) -> Build:
    return with_(svc("ec2_instance", "private-a", "app", user_data=user_data))


CASE = Case(
    ok=_instance("#!/bin/bash\naws s3 cp s3://deploy/app.tar.gz /opt/app/\n"),
    bad=_instance(
        "#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\naws s3 cp s3://deploy/app.tar.gz /opt/app/\n"
    ),
    expected=[
        (
            ("app",),
            "“App” has an AWS access key (AKIA…) in its user data, readable by anyone who can describe the instance "
            "or reach its metadata",
        )
    ],
)


def test_sec_access_key_in_user_data() -> None:
    check_case(RULE, CASE)
