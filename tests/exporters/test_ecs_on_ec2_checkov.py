"""checkov over both exports of an ECS service on EC2: of the resources its container instances add (role,
profile, group, launch template, Auto Scaling group, capacity provider, the cluster's association), only the
instances' group fails a check, CKV_AWS_382 (all outbound, which docs/checkov.md explains for every group: the
agent reaches the ECS and ECR endpoints through it). The rest of the design is the examples' business
(test_checkov.py)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from archbuilder.exporters.registry import export
from tests.exporters.ecs_on_ec2 import ecs_on_ec2
from tests.exporters.test_checkov import EXPLANATIONS, checkov_binary, parse_report

# The names the container instances' resources are given, in either format.
CAPACITY = re.compile(
    r"(Orders|orders_)(Instance|instance_|Instances|instances|LaunchTemplate|launch_template|"
    r"CapacityProvider|capacity_provider)|(Cluster|cluster_)(CapacityProviders|capacity_providers)"
)


def test_only_the_instances_group_fails_and_for_an_explained_check(tmp_path: Path) -> None:
    binary = checkov_binary()
    if binary is None:
        pytest.skip(
            "checkov is not in .venv-checkov (run scripts/install-checkov.sh) nor named in ARCHBUILDER_CHECKOV"
        )
    for fmt in ("cloudformation", "terraform"):
        export(fmt, ecs_on_ec2(), tmp_path / "orders" / fmt)
    env = {**os.environ, "CKV_SKIP_PACKAGE_UPDATE_CHECK": "true", "LOG_LEVEL": "ERROR"}
    command = [str(binary), "-d", str(tmp_path), "--framework", "cloudformation", "terraform", "-o", "json"]
    command += ["--quiet", "--skip-download", "--skip-results-upload"]
    run = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600, check=False)
    assert run.returncode in (0, 1), run.stderr[-2000:]
    failures = parse_report(run.stdout)["orders"]
    capacity = sorted(
        (fmt, check.check_id, check.resource)
        for fmt, checks in failures.items()
        for check in checks
        if CAPACITY.search(check.resource)
    )
    assert capacity == [("terraform", "CKV_AWS_382", "aws_security_group.orders_instance_security_group")]
    assert "### CKV_AWS_382:" in EXPLANATIONS.read_text(encoding="utf-8")
