"""CodeCommit, CodeDeploy, CodePipeline and nested stacks come back from CloudFormation as drawn: each with its
settings, its deployment group, roles and artifact bucket folded into it, the connections its stages and
deployment groups say; the template is written back unchanged, and deleting one takes its own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archbuilder.exporters.cloudformation.source_template import cloudformation_template
from archbuilder.exporters.cloudformation.template import build_template
from tests.exporters.cfn_tools import lint
from tests.exporters.test_delivery_export import delivery
from tests.importers.round_trips import after_deleting, connections, imported, services

DELIVERY_TYPES = {"codecommit_repository", "codedeploy_app", "codepipeline", "cloudformation_stack"}


def test_delivery_comes_back_as_drawn_and_the_template_unchanged(tmp_path: Path) -> None:
    design = delivery()
    template = build_template(design)
    arch, report = imported(template, tmp_path)
    drawn = services(design, DELIVERY_TYPES)
    del drawn["Docs"]  # a pipeline with nothing after its source is a step to do by hand, not written
    assert services(arch, DELIVERY_TYPES) == drawn
    # The ECS service's Cluster reads as an attach connection (the ECS import's, which the export ignores).
    assert connections(arch) - {("Orders", "Containers", "attach")} == connections(design) - {
        # A Lambda deployment group names no function: CodeDeploy is given it by the function's alias.
        ("Fn deploy", "Fn", "deploy"),
    }
    assert report.generic == []
    assert {name for name, _kind in report.folded} >= {
        "WebDeployDeploymentGroup",
        "WebDeployRole",
        "FnDeployDeploymentGroup",
        "ReleaseArtifactBucket",
        "ReleaseRole",
        "GateArtifactBucket",
        "ShipArtifactBucket",
    }
    assert {n.type for n in arch.services()} >= DELIVERY_TYPES
    assert "iam_role" not in {n.type for n in arch.services()}
    assert cloudformation_template(arch) == template


def test_the_stages_say_what_a_pipeline_does_to_each_service(tmp_path: Path) -> None:
    arch, _report = imported(build_template(delivery()), tmp_path)
    assert {c for c in connections(arch) if c[0] in ("Release", "Gate", "Ship", "Web deploy")} == {
        ("Release", "App repo", "read"),  # its source
        ("Release", "Build", "invoke"),  # its build stage
        ("Release", "Web deploy", "deploy"),  # its deploy stage
        ("Gate", "Drops", "read"),
        ("Ship", "Orders", "deploy"),  # the ECS service, not the cluster it names beside it
        ("Web deploy", "Web fleet", "deploy"),  # its deployment group's scaling group
        ("Web deploy", "Admin", "deploy"),  # and the instance its Name tag filter matches
    }


def test_an_ecs_application_rolls_back_as_the_step_left_to_do_says(tmp_path: Path) -> None:
    """Its deployment group is made by hand; the export says there whether it rolls back."""
    design = delivery()
    design.set_property("ecsdeploy", "auto_rollback", False)
    arch, _report = imported(build_template(design), tmp_path)
    assert services(arch, {"codedeploy_app"})["Ecs deploy"][2]["auto_rollback"] is False
    arch, _report = imported(build_template(delivery()), tmp_path)
    assert services(arch, {"codedeploy_app"})["Ecs deploy"][2]["auto_rollback"] is True


@pytest.mark.parametrize(
    ("label", "gone"),
    [
        ("Web deploy", {"WebDeploy", "WebDeployDeploymentGroup", "WebDeployRole"}),
        (
            "Release",
            {
                "Release",
                "ReleaseArtifactBucket",
                "ReleaseArtifactBucketTlsPolicy",  # its artifact bucket's, a production default
                "ReleaseRole",
                "ReleaseRolePolicy",
            },
        ),
        ("App repo", {"AppRepo"}),
        ("Shared layer", {"SharedLayer"}),
    ],
)
def test_deleting_a_delivery_service_takes_its_own(label: str, gone: set[str], tmp_path: Path) -> None:
    template, written = after_deleting(delivery(), label, tmp_path)
    assert set(template["Resources"]) - set(written["Resources"]) == gone
    assert lint(json.dumps(written), "deleted.json") == []
