"""SEC-038 (Notebook instance with internet or root access): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_notebook_open import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _notebook(opened: bool) -> Build:
    return with_(
        svc("sagemaker_notebook", "region", "lab", direct_internet_access=opened, root_access=opened),
        svc("sagemaker_notebook", "region", "sandbox", root_access=False),
    )


CASE = Case(
    ok=_notebook(opened=False),
    bad=_notebook(opened=True),
    expected=[(("lab",), "“Lab” gives its users direct internet access and root access")],
)


def test_sec_notebook_open() -> None:
    check_case(RULE, CASE)
