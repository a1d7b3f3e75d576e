"""A service calling a CodeDeploy application may deploy it: its role is granted registering a revision of the
application, deploying it to the application's deployment group and following the deployment, on the application's,
the group's and the group's configuration's ARNs, and the caller is told the application's and the group's names. An
application the export writes no deployment group for (ECS, whose blue/green group is left to do by hand) leaves the
call in the warnings, saying why. cfn-lint, moto (the role's policy as IAM holds it) and terraform validate
(test_terraform_validate) judge the result."""

from __future__ import annotations

import json
from typing import Any

import boto3
from moto import mock_aws

from archbuilder.catalog import ConnectionKind as K
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.registry import export_notes
from archbuilder.model import Architecture
from tests.exporters.cfn_tools import lint
from tests.exporters.moto_topology import deploy
from tests.exporters.tf_correspondence import check
from tests.model.builders import two_az_network

ACTIONS = [
    "codedeploy:CreateDeployment",
    "codedeploy:GetApplicationRevision",
    "codedeploy:GetDeployment",
    "codedeploy:GetDeploymentConfig",
    "codedeploy:RegisterApplicationRevision",
]
AGENT_STEP = (
    "not declared, to do by hand: Release (CodeDeploy): install the CodeDeploy agent on the instances it deploys "
    "to (Systems Manager can)"
)


def releaser(*, ecs: bool = False) -> Architecture:
    """A function deploying an application to a scaling group (and, with `ecs`, one to containers)."""
    arch = two_az_network()
    arch.add_service("lambda_function", "private-a", label="Releaser", node_id="fn")
    arch.add_service(
        "autoscaling_group", "private-a", label="App", node_id="app", extra_subnet_ids=["private-b"]
    )
    arch.add_service("codedeploy_app", "region", label="Release", node_id="release")
    arch.connect("release", "app", K.DEPLOY)
    arch.connect("fn", "release", K.INVOKE)
    if ecs:
        arch.add_service(
            "codedeploy_app",
            "region",
            label="Containers",
            node_id="containers",
            properties={"compute_platform": "ECS"},
        )
        arch.connect("fn", "containers", K.INVOKE)
    return arch


def _codedeploy(resource: str) -> dict[str, str]:
    return {"Fn::Sub": f"arn:${{AWS::Partition}}:codedeploy:${{AWS::Region}}:${{AWS::AccountId}}:{resource}"}


RELEASER = [
    {
        "Effect": "Allow",
        "Action": ACTIONS,
        "Resource": [
            _codedeploy("application:${Release}"),
            _codedeploy("deploymentgroup:${Release}/${ReleaseDeploymentGroup}"),
            _codedeploy("deploymentconfig:CodeDeployDefault.OneAtATime"),
        ],
    },
    {
        "Effect": "Allow",
        "Action": ["sqs:SendMessage"],
        "Resource": [{"Fn::GetAtt": ["ReleaserDeadLetterQueue", "Arn"]}],
    },
]


def _statements(template: dict[str, Any]) -> list[dict[str, Any]]:
    return list(template["Resources"]["ReleaserRolePolicy"]["Properties"]["PolicyDocument"]["Statement"])


def test_a_caller_of_an_application_may_deploy_it_to_its_deployment_group() -> None:
    template = build_template(releaser())
    assert _statements(template) == RELEASER
    variables = template["Resources"]["Releaser"]["Properties"]["Environment"]["Variables"]
    assert variables == {
        "RELEASE_APPLICATION": {"Ref": "Release"},
        "RELEASE_DEPLOYMENT_GROUP": {"Ref": "ReleaseDeploymentGroup"},
    }
    assert lint(json.dumps(template), "releaser.json") == []
    assert export_notes("cloudformation", releaser()) == [AGENT_STEP]


def test_a_call_of_an_application_without_a_deployment_group_is_named_with_why() -> None:
    assert _statements(build_template(releaser(ecs=True))) == RELEASER
    assert export_notes("cloudformation", releaser(ecs=True)) == [
        "not declared, to do by hand: Containers (CodeDeploy): create the ECS deployment group: a blue/green "
        "deployment needs a second target group and a test listener for the service (with automatic rollback on)",
        AGENT_STEP,
        "not declared, to do by hand: Releaser (Lambda): let it start Containers (CodeDeploy) yourself: the "
        "export writes no deployment group for it (its own step says why)",
    ]


def test_the_deployment_grant_is_held_once_deployed_and_terraform_writes_it() -> None:
    with mock_aws():
        physical = deploy(releaser(), "releaser")
        iam = boto3.client("iam", region_name="us-east-1")
        [name] = iam.list_role_policies(RoleName=physical["ReleaserRole"])["PolicyNames"]
        document = iam.get_role_policy(RoleName=physical["ReleaserRole"], PolicyName=name)["PolicyDocument"]
    [deploying] = [s for s in document["Statement"] if s["Action"] == ACTIONS]
    # moto has no CodeDeploy model (moto_stand_ins.py): the names stand in for the application and its group.
    where = "arn:aws:codedeploy:us-east-1:123456789012"
    assert deploying["Resource"] == [
        f"{where}:application:release",
        f"{where}:deploymentgroup:release/releasedeploymentgroup",
        f"{where}:deploymentconfig:CodeDeployDefault.OneAtATime",
    ]
    assert "Release" not in physical and "ReleaserRole" in physical
    policy = check(releaser())[("aws_iam_role_policy", "releaser_role_policy")]["policy"]
    codedeploy = (
        "arn:${data.aws_partition.current.partition}:codedeploy:${data.aws_region.current.name}:"
        "${data.aws_caller_identity.current.account_id}"
    )
    quoted = ", ".join(f'"{action}"' for action in ACTIONS)
    assert (
        f'{{Effect = "Allow", Action = [{quoted}], Resource = ["{codedeploy}:application:'
        '${aws_codedeploy_app.release.name}", '
        f'"{codedeploy}:deploymentgroup:${{aws_codedeploy_app.release.name}}/'
        '${aws_codedeploy_deployment_group.release_deployment_group.deployment_group_name}", '
        f'"{codedeploy}:deploymentconfig:CodeDeployDefault.OneAtATime"]}}'
    ) in policy
