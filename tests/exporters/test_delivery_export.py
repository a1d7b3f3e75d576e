"""Delivery services export to both formats: a CodeCommit repository, CodeDeploy applications with deployment
groups for the instances, scaling groups and functions they deploy to, pipelines built from their connections, and
a nested stack (deployed in moto from a template put in moto's S3)."""

from __future__ import annotations

import json
from typing import Any

import boto3
from moto import mock_aws

from archbuilder.catalog import ConnectionKind as K
from archbuilder.exporters.cloudformation.manual import manual_steps
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.model import Architecture
from tests.exporters.cfn_tools import lint, moto_deployable
from tests.exporters.tf_correspondence import check
from tests.model.builders import two_az_network

LAYER = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Flags:\n    Type: AWS::SSM::Parameter\n    Properties: {Name: /layer/flags, Type: String, Value: 'on'}\n"


def delivery() -> Architecture:
    arch = two_az_network()
    add = arch.add_service
    add(
        "codecommit_repository",
        "region",
        label="App repo",
        node_id="repo",
        properties={"default_branch": "trunk"},
    )
    add("codebuild_project", "region", label="Build", node_id="build")
    add("codedeploy_app", "region", label="Web deploy", node_id="deploy")
    add(
        "codedeploy_app",
        "region",
        label="Fn deploy",
        node_id="fndeploy",
        properties={"compute_platform": "Lambda", "auto_rollback": False},
    )
    add(
        "codedeploy_app",
        "region",
        label="Ecs deploy",
        node_id="ecsdeploy",
        properties={"compute_platform": "ECS"},
    )
    add("autoscaling_group", "private-a", label="Web fleet", node_id="fleet", extra_subnet_ids=["private-b"])
    add("ec2_instance", "private-a", label="Admin", node_id="admin")
    add("lambda_function", "region", label="Fn", node_id="fn")
    add("ecs_cluster", "region", label="Containers", node_id="containers")
    add("ecs_service", "private-a", label="Orders", node_id="orders", extra_subnet_ids=["private-b"])
    add("codepipeline", "region", label="Release", node_id="release")
    add("codepipeline", "region", label="Docs", node_id="docs", properties={"manual_approval": False})
    add("codepipeline", "region", label="Gate", node_id="gate")
    add("codepipeline", "region", label="Ship", node_id="ship", properties={"manual_approval": False})
    add("s3_bucket", "region", label="Drops", node_id="drops")
    add("cloudformation_stack", "region", label="Shared layer", node_id="layer")
    arch.connect("release", "repo", K.READ)
    arch.connect("release", "build", K.INVOKE)
    arch.connect("release", "deploy", K.DEPLOY)
    arch.connect("deploy", "fleet", K.DEPLOY)
    arch.connect("deploy", "admin", K.DEPLOY)
    arch.connect("fndeploy", "fn", K.DEPLOY)
    arch.connect("gate", "drops", K.READ)
    arch.connect("ship", "orders", K.DEPLOY)
    return arch


def _actions(pipeline: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(stage, action, provider) of a pipeline, in order."""
    return [
        (stage["Name"], action["Name"], action["ActionTypeId"]["Provider"])
        for stage in pipeline["Properties"]["Stages"]
        for action in stage["Actions"]
    ]


def test_delivery_passes_cfn_lint() -> None:
    assert lint(json.dumps(build_template(delivery())), "delivery.json") == []


def test_pipelines_are_built_from_their_connections() -> None:
    template = build_template(delivery())
    resources = template["Resources"]
    assert _actions(resources["Release"]) == [
        ("Source", "AppRepo", "CodeCommit"),
        ("Build", "Build", "CodeBuild"),
        ("Approve", "Approve", "Manual"),
        ("Deploy", "WebDeploy", "CodeDeploy"),
    ]
    source = resources["Release"]["Properties"]["Stages"][0]["Actions"][0]["Configuration"]
    assert (source["BranchName"], source["RepositoryName"]) == ("trunk", {"Fn::GetAtt": ["AppRepo", "Name"]})
    # The project a pipeline runs takes its source from the pipeline.
    assert resources["Build"]["Properties"]["Source"]["Type"] == "CODEPIPELINE"
    assert _actions(resources["Gate"]) == [("Source", "Archive", "S3"), ("Approve", "Approve", "Manual")]
    assert _actions(resources["Ship"]) == [("Source", "Archive", "S3"), ("Deploy", "Orders", "ECS")]
    assert resources["Ship"]["Properties"]["Stages"][1]["Actions"][0]["Configuration"]["ServiceName"] == {
        "Fn::GetAtt": ["Orders", "Name"]
    }
    statements = resources["ReleaseRolePolicy"]["Properties"]["PolicyDocument"]["Statement"]
    assert {
        "Effect": "Allow",
        "Action": ["codebuild:BatchGetBuilds", "codebuild:StartBuild"],
        "Resource": [{"Fn::GetAtt": ["Build", "Arn"]}],
    } in statements
    assert resources["Release"]["DependsOn"] == "ReleaseRolePolicy"
    assert "Docs" not in resources and "DocsArtifactBucket" not in resources


def test_deployment_groups_name_what_they_deploy_to() -> None:
    template = build_template(delivery())
    resources = template["Resources"]
    web = resources["WebDeployDeploymentGroup"]["Properties"]
    assert (web["Ec2TagFilters"], web["AutoScalingGroups"], web["AutoRollbackConfiguration"]) == (
        [{"Key": "Name", "Value": "Admin", "Type": "KEY_AND_VALUE"}],
        [{"Ref": "WebFleet"}],
        {"Enabled": True, "Events": ["DEPLOYMENT_FAILURE"]},
    )
    function = resources["FnDeployDeploymentGroup"]["Properties"]
    assert (function["DeploymentStyle"], function["AutoRollbackConfiguration"]) == (
        {"DeploymentType": "BLUE_GREEN", "DeploymentOption": "WITH_TRAFFIC_CONTROL"},
        {"Enabled": False},
    )
    assert "EcsDeployDeploymentGroup" not in resources
    assert manual_steps(template) == [  # in the order of their nodes' labels
        "Docs (CodePipeline): connect a build project or a deployment target: a pipeline needs a second stage; not "
        "written",
        "Ecs deploy (CodeDeploy): create the ECS deployment group: a blue/green deployment needs a second target "
        "group and a test listener for the service (with automatic rollback on)",
        # Gate reads the bucket it is connected to; Ship has no source of its own.
        "Ship (CodePipeline): upload the source archive as source/source.zip to the pipeline's bucket "
        "(ShipArtifactBucket)",
        "Web deploy (CodeDeploy): install the CodeDeploy agent on the instances it deploys to (Systems Manager can)",
    ]


def test_the_terraform_corresponds() -> None:
    found = check(delivery())
    stages = found[("aws_codepipeline", "release")]["stage"]
    assert [stage["name"] for stage in stages] == ["Source", "Build", "Approve", "Deploy"]
    assert stages[0]["action"][0]["configuration"] == {
        "RepositoryName": "${aws_codecommit_repository.app_repo.repository_name}",
        "BranchName": "trunk",
        "PollForSourceChanges": "true",
    }
    group = found[("aws_codedeploy_deployment_group", "web_deploy_deployment_group")]
    assert group["ec2_tag_filter"] == [{"key": "Name", "type": "KEY_AND_VALUE", "value": "Admin"}]
    assert (
        found[("aws_cloudformation_stack", "shared_layer")]["template_url"]
        == "${var.shared_layer_template_url}"
    )


def test_delivery_deploys_in_moto_with_its_nested_stack() -> None:
    deployable, _dropped = moto_deployable(build_template(delivery()))
    with mock_aws():
        s3 = boto3.client("s3", region_name="us-east-1")
        s3.create_bucket(Bucket="example-bucket")
        s3.put_object(Bucket="example-bucket", Key="layer.yaml", Body=LAYER.encode())
        cloudformation = boto3.client("cloudformation", region_name="us-east-1")
        cloudformation.create_stack(
            StackName="delivery", TemplateBody=json.dumps(deployable), Capabilities=["CAPABILITY_IAM"]
        )
        assert (
            cloudformation.describe_stacks(StackName="delivery")["Stacks"][0]["StackStatus"]
            == "CREATE_COMPLETE"
        )
        nested = [
            s
            for s in cloudformation.describe_stacks()["Stacks"]
            if s.get("ParentId") or s["StackName"] != "delivery"
        ]
        assert [s["StackStatus"] for s in nested] == ["CREATE_COMPLETE"]
        # The nested template's own resource was created.
        parameter = boto3.client("ssm", region_name="us-east-1").get_parameter(Name="/layer/flags")[
            "Parameter"
        ]
        assert parameter["Value"] == "on"
