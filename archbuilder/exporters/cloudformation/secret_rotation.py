"""A secret's rotation: the schedule (`AWS::SecretsManager::RotationSchedule`, every `rotation_days`) and the
function Secrets Manager calls to rotate it, generated with the template.

The secrets the export writes hold a password Secrets Manager generates (GenerateSecretString: 32 letters and
digits, management.py), which nothing outside the secret stores; so the function makes a new password of the same
kind and has nothing to set elsewhere. It follows the four steps Secrets Manager calls a rotation function with
(createSecret, setSecret, testSecret, finishSecret; AWS Secrets Manager User Guide, "Lambda rotation functions",
checked 2026-12-06), and Secrets Manager may invoke it only for this secret (the permission's SourceArn)."""

from __future__ import annotations

from typing import Any

from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref, sub
from archbuilder.exporters.cloudformation.kit import assumable_role
from archbuilder.model import ServiceNode

RUNTIME = "python3.12"
HANDLER = "index.handler"
PASSWORD_LENGTH = 32  # what the secret is created with (management.py), so each version is of the same kind

ROTATION_CODE = f'''"""Rotates a secret holding a generated password: Secrets Manager calls it with each of the four steps."""

import boto3

PASSWORD_LENGTH = {PASSWORD_LENGTH}


def handler(event, context):
    client = boto3.client("secretsmanager")
    arn, token, step = event["SecretId"], event["ClientRequestToken"], event["Step"]
    metadata = client.describe_secret(SecretId=arn)
    if not metadata.get("RotationEnabled"):
        raise ValueError(f"rotation is not enabled for {{arn}}")
    stages = metadata.get("VersionIdsToStages", {{}})
    if token not in stages:
        raise ValueError(f"{{token}} is not a version of {{arn}}")
    if "AWSCURRENT" in stages[token]:
        return {{"step": step, "done": "already current"}}
    if "AWSPENDING" not in stages[token]:
        raise ValueError(f"{{token}} of {{arn}} is not pending rotation")
    if step == "createSecret":
        create(client, arn, token)
    elif step == "setSecret":
        pass  # the password is kept in the secret alone: there is nothing else to set it in
    elif step == "testSecret":
        test(client, arn, token)
    elif step == "finishSecret":
        finish(client, arn, token, stages)
    else:
        raise ValueError(f"unknown step {{step}}")
    return {{"step": step, "done": True}}


def create(client, arn, token):
    """A new password as the pending version, unless an earlier call of this rotation made it already."""
    try:
        client.get_secret_value(SecretId=arn, VersionId=token, VersionStage="AWSPENDING")
        return
    except client.exceptions.ResourceNotFoundException:
        pass
    made = client.get_random_password(PasswordLength=PASSWORD_LENGTH, ExcludePunctuation=True)
    client.put_secret_value(
        SecretId=arn, ClientRequestToken=token, SecretString=made["RandomPassword"], VersionStages=["AWSPENDING"]
    )


def test(client, arn, token):
    """The pending password is one of the kind the secret was created with."""
    pending = client.get_secret_value(SecretId=arn, VersionId=token, VersionStage="AWSPENDING")["SecretString"]
    if len(pending) != PASSWORD_LENGTH or not pending.isalnum():
        raise ValueError(f"the pending version of {{arn}} is not a generated password")


def finish(client, arn, token, stages):
    """The pending version becomes the current one (the old one, if any, keeps AWSPREVIOUS)."""
    current = [version for version, names in stages.items() if "AWSCURRENT" in names]
    moved = {{"RemoveFromVersionId": current[0]}} if current else {{}}
    client.update_secret_version_stage(SecretId=arn, VersionStage="AWSCURRENT", MoveToVersionId=token, **moved)
'''


def rotation(ctx: CfnContext, node: ServiceNode, secret: str, days: int) -> str:
    """The rotation schedule of the secret `secret` (its logical id), with its function; returns the schedule."""
    role = assumable_role(
        ctx,
        ctx.lid(node, "RotationRole"),
        "lambda.amazonaws.com",
        [sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")],
        {"rotate-secret": _rotation_statements(secret)},
    )
    function = ctx.add(
        ctx.lid(node, "RotationFunction"),
        "AWS::Lambda::Function",
        {
            "Description": f"Rotates {node.label}",
            "Runtime": RUNTIME,
            "Handler": HANDLER,
            "MemorySize": 128,
            "Timeout": 30,
            "Role": get_att(role, "Arn"),
            "Code": {"ZipFile": ROTATION_CODE},
        },
    )
    permission = ctx.add(
        ctx.lid(node, "RotationPermission"),
        "AWS::Lambda::Permission",
        {
            "FunctionName": ref(function),
            "Action": "lambda:InvokeFunction",
            "Principal": "secretsmanager.amazonaws.com",
            "SourceArn": ref(secret),
        },
    )
    return ctx.add(
        ctx.lid(node, "RotationSchedule"),
        "AWS::SecretsManager::RotationSchedule",
        {
            "SecretId": ref(secret),
            "RotationLambdaARN": get_att(function, "Arn"),
            "RotationRules": {"AutomaticallyAfterDays": days},
        },
        DependsOn=[permission],
    )


def _rotation_statements(secret: str) -> list[dict[str, Any]]:
    """What the four steps call: on this secret only, and a random password (which names no resource)."""
    return [
        {
            "Effect": "Allow",
            "Action": [
                "secretsmanager:DescribeSecret",
                "secretsmanager:GetSecretValue",
                "secretsmanager:PutSecretValue",
                "secretsmanager:UpdateSecretVersionStage",
            ],
            "Resource": ref(secret),
        },
        {"Effect": "Allow", "Action": "secretsmanager:GetRandomPassword", "Resource": "*"},
    ]
