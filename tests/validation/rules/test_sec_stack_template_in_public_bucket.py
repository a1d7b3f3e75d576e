"""SEC-035 (Stack template in a public bucket): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_stack_template_in_public_bucket import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _templates(public: bool) -> Build:
    return with_(
        svc("s3_bucket", "region", "site", bucket_name="example-site", public_access=True),
        svc("s3_bucket", "region", "templates", bucket_name="example-templates", public_access=public),
        svc(
            "cloudformation_stack",
            "region",
            "network",
            template_url="https://example-templates.s3.amazonaws.com/network.yaml",
        ),
    )


CASE = Case(
    ok=_templates(public=False),
    bad=_templates(public=True),
    expected=[
        (("network", "templates"), "“Network” keeps its template in “Templates”, which is open to the public")
    ],
)


def test_sec_stack_template_in_public_bucket() -> None:
    check_case(RULE, CASE)
