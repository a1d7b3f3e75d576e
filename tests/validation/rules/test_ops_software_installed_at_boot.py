"""OPS-018 (Software installed at boot): ok and bad fixtures, exact findings."""

from __future__ import annotations

import pytest

from archbuilder.validation import validate
from archbuilder.validation.rules.ops_software_installed_at_boot import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("ec2_instance", "private-a", "web", user_data="#!/bin/bash\nsystemctl start httpd\n")),
    bad=with_(svc("ec2_instance", "private-a", "web", user_data="#!/bin/bash\nyum install httpd -y\n")),
    expected=[(("web",), "“Web” installs packages in its user data at every launch")],
)


def test_ops_software_installed_at_boot() -> None:
    check_case(RULE, CASE)


@pytest.mark.parametrize(
    "script",
    ["apt-get -y install nginx", "dnf -q install git", "pip install flask", "sudo npm install -g pm2"],
)
def test_other_package_managers_count(script: str) -> None:
    arch = with_(svc("ec2_instance", "private-a", "web", user_data=script))()
    assert [f.node_ids for f in validate(arch, [RULE]).findings] == [("web",)]
