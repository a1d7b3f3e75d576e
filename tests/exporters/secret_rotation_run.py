"""Runs a generated secret rotation function as Secrets Manager does, against moto: rotate_secret calls it with
createSecret, setSecret, testSecret and finishSecret. moto would run a function in Docker; here its call runs
the function's inline code in this process, so the code's boto3 calls reach moto's Secrets Manager."""

from __future__ import annotations

import io
import json
import os
import types
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from unittest import mock

import boto3
from moto import mock_aws
from moto.awslambda.models import LambdaBackend

REGION = "us-east-1"
Handler = Callable[[dict[str, Any], Any], Any]


def load_handler(code: str, function: str = "handler") -> Handler:
    """The inline code loaded as Lambda loads index.py, and its handler."""
    module = types.ModuleType("index")
    exec(compile(code, "index.py", "exec"), module.__dict__)
    handler: Handler = getattr(module, function)
    return handler


@contextmanager
def as_lambda() -> Iterator[None]:
    """A function's code runs with the region Lambda gives it, in a boto3 session of its own."""
    with (
        mock.patch.dict(os.environ, {"AWS_DEFAULT_REGION": REGION}),
        mock.patch.object(boto3, "DEFAULT_SESSION", None),
    ):
        yield


@dataclass(frozen=True)
class Rotation:
    steps: list[str]  # the steps the function was called with, in order
    first: str  # the password before rotation
    current: str  # AWSCURRENT after it
    previous: str  # AWSPREVIOUS after it
    described: dict[str, Any]  # describe_secret after it


def rotate(
    handler: Handler, days: int, function_arn: str | None = None, generate: dict[str, Any] | None = None
) -> Rotation:
    """Inside mock_aws: a secret made as the template makes it (GenerateSecretString), rotated through moto's
    rotate_secret with `handler` as the function (`function_arn`, or a function made for it here)."""
    steps: list[str] = []

    def invoke(self: LambdaBackend, function_name: str, qualifier: Any, body: Any, **_: Any) -> bytes:
        event = json.loads(body)
        steps.append(event["Step"])
        return json.dumps(handler(event, None)).encode()

    secrets = boto3.client("secretsmanager", region_name=REGION)
    first = secrets.get_random_password(**(generate or {"PasswordLength": 32, "ExcludePunctuation": True}))[
        "RandomPassword"
    ]
    arn = secrets.create_secret(Name="rotated", SecretString=first)["ARN"]
    with mock.patch.object(LambdaBackend, "invoke", invoke), as_lambda():
        secrets.rotate_secret(
            SecretId=arn,
            RotationLambdaARN=function_arn or _function(),
            RotationRules={"AutomaticallyAfterDays": days},
        )
    return Rotation(
        steps,
        first,
        secrets.get_secret_value(SecretId=arn)["SecretString"],
        secrets.get_secret_value(SecretId=arn, VersionStage="AWSPREVIOUS")["SecretString"],
        secrets.describe_secret(SecretId=arn),
    )


def _function() -> str:
    """A function in moto's Lambda for rotate_secret to find (its code is run by the patched invoke)."""
    role = boto3.client("iam", region_name=REGION).create_role(
        RoleName="rotation", AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": []})
    )["Role"]["Arn"]
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("index.py", "")
    created = boto3.client("lambda", region_name=REGION).create_function(
        FunctionName="rotation",
        Runtime="python3.12",
        Role=role,
        Handler="index.handler",
        Code={"ZipFile": package.getvalue()},
    )
    return str(created["FunctionArn"])


def rotates_in_moto(code: str, handler_name: str, days: int) -> Rotation:
    with mock_aws():
        return rotate(load_handler(code, handler_name.rpartition(".")[2]), days)
