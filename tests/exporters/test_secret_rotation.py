"""A secret that rotates (rotation_days > 0) is exported with its rotation: a RotationSchedule every that many days,
calling a function the export generates, which Secrets Manager alone may invoke, for that secret. cfn-lint passes
the template; the stack deploys in moto; and the generated function, run against moto's Secrets Manager as
Secrets Manager calls it (rotate_secret drives createSecret, setSecret, testSecret and finishSecret), replaces the
password with a new one of the same kind. Terraform writes the same rotation (terraform validate judges it in
test_terraform_validate.py, where the example and every design with a secret hold one)."""

from __future__ import annotations

import json
from typing import Any

import boto3
from moto import mock_aws

from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.terraform.files import render
from archbuilder.model import Architecture
from tests.exporters.cfn_tools import lint, moto_deployable
from tests.exporters.secret_rotation_run import REGION, as_lambda, load_handler, rotate
from tests.exporters.tf_tools import resources
from tests.model.builders import two_az_network


def design(days: int) -> Architecture:
    arch = two_az_network()
    arch.add_service(
        "secrets_manager_secret",
        "region",
        label="Db Password",
        node_id="secret",
        properties={"rotation_days": days},
    )
    return arch


def of_secret(template: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {name: body for name, body in template["Resources"].items() if name.startswith("DbPassword")}


def test_the_template_rotates_the_secret_with_a_function_of_its_own() -> None:
    template = build_template(design(45))
    found = of_secret(template)
    assert found["DbPasswordRotationSchedule"] == {
        "Type": "AWS::SecretsManager::RotationSchedule",
        "DependsOn": ["DbPasswordRotationPermission"],
        "Properties": {
            "SecretId": {"Ref": "DbPassword"},
            "RotationLambdaARN": {"Fn::GetAtt": ["DbPasswordRotationFunction", "Arn"]},
            "RotationRules": {"AutomaticallyAfterDays": 45},
        },
    }
    assert found["DbPasswordRotationPermission"]["Properties"] == {
        "FunctionName": {"Ref": "DbPasswordRotationFunction"},
        "Action": "lambda:InvokeFunction",
        "Principal": "secretsmanager.amazonaws.com",
        "SourceArn": {"Ref": "DbPassword"},
    }
    function = found["DbPasswordRotationFunction"]["Properties"]
    assert (function["Runtime"], function["Handler"], function["Role"]) == (
        "python3.12",
        "index.handler",
        {"Fn::GetAtt": ["DbPasswordRotationRole", "Arn"]},
    )
    [policy] = found["DbPasswordRotationRole"]["Properties"]["Policies"]
    assert policy["PolicyDocument"]["Statement"] == [
        {
            "Effect": "Allow",
            "Action": [
                "secretsmanager:DescribeSecret",
                "secretsmanager:GetSecretValue",
                "secretsmanager:PutSecretValue",
                "secretsmanager:UpdateSecretVersionStage",
            ],
            "Resource": {"Ref": "DbPassword"},
        },
        {"Effect": "Allow", "Action": "secretsmanager:GetRandomPassword", "Resource": "*"},
    ]
    assert lint(json.dumps(template), "rotation.json") == []


def test_a_secret_never_rotated_gets_no_rotation() -> None:
    assert sorted(of_secret(build_template(design(0)))) == ["DbPassword"]
    assert "aws_secretsmanager_secret_rotation" not in render(design(0))["main.tf"]


def test_terraform_writes_the_same_rotation() -> None:
    found = resources(render(design(45)))
    assert found[("aws_secretsmanager_secret_rotation", "db_password_rotation_schedule")] == {
        "secret_id": "${aws_secretsmanager_secret.db_password.arn}",
        "rotation_lambda_arn": "${aws_lambda_function.db_password_rotation_function.arn}",
        "depends_on": ["${aws_lambda_permission.db_password_rotation_permission}"],
        "rotation_rules": [{"automatically_after_days": 45}],
    }
    permission = found[("aws_lambda_permission", "db_password_rotation_permission")]
    assert (permission["principal"], permission["source_arn"]) == (
        "secretsmanager.amazonaws.com",
        "${aws_secretsmanager_secret.db_password.arn}",
    )


def test_the_generated_function_rotates_the_secret_in_moto() -> None:
    template = build_template(design(30))
    resources_ = template["Resources"]
    with mock_aws():
        deployable, dropped = moto_deployable(template)
        assert {"DbPassword", "DbPasswordRotationSchedule"} <= set(dropped)
        cloudformation = boto3.client("cloudformation", region_name=REGION)
        cloudformation.create_stack(
            StackName="rotation", TemplateBody=json.dumps(deployable), Capabilities=["CAPABILITY_IAM"]
        )
        stack = cloudformation.describe_stack_resources(StackName="rotation")["StackResources"]
        physical = {r["LogicalResourceId"]: r.get("PhysicalResourceId") for r in stack}
        function_arn = boto3.client("lambda", region_name=REGION).get_function(
            FunctionName=physical["DbPasswordRotationFunction"]
        )["Configuration"]["FunctionArn"]
        # What moto's CloudFormation cannot create (the secret, its schedule), put through the API with the
        # template's properties; the deployed function is the one rotate_secret calls.
        code = resources_["DbPasswordRotationFunction"]["Properties"]["Code"]["ZipFile"]
        schedule = resources_["DbPasswordRotationSchedule"]["Properties"]["RotationRules"]
        handler = load_handler(code)
        rotation = rotate(
            handler,
            schedule["AutomaticallyAfterDays"],
            function_arn,
            resources_["DbPassword"]["Properties"]["GenerateSecretString"],
        )
        assert rotation.steps == ["createSecret", "setSecret", "testSecret", "finishSecret"]
        assert rotation.described["RotationEnabled"] is True
        assert rotation.described["RotationRules"]["AutomaticallyAfterDays"] == 30
        assert rotation.previous == rotation.first and rotation.current != rotation.first
        assert len(rotation.current) == 32 and rotation.current.isalnum()
        # A completed rotation: the new version carries AWSCURRENT (beside the AWSPENDING it was made under),
        # the first one AWSPREVIOUS.
        stages = rotation.described["VersionIdsToStages"]
        assert sorted(sorted(names) for names in stages.values()) == [
            ["AWSCURRENT", "AWSPENDING"],
            ["AWSPREVIOUS"],
        ]
        # Called again for a version already current (Secrets Manager retries), the function does nothing.
        [token] = [version for version, names in stages.items() if "AWSCURRENT" in names]
        secret = rotation.described["ARN"]
        with as_lambda():
            again = handler({"SecretId": secret, "ClientRequestToken": token, "Step": "finishSecret"}, None)
        assert again == {"step": "finishSecret", "done": "already current"}
        assert (
            boto3.client("secretsmanager", region_name=REGION).get_secret_value(SecretId=secret)[
                "SecretString"
            ]
            == rotation.current
        )
