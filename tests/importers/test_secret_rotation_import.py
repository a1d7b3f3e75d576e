"""A secret's rotation comes in from the schedule that names it, in either format: its interval in days (written
as AutomaticallyAfterDays or as a `rate(N days)` expression), no rotation where no schedule names the secret, and
a cron schedule said in the report (it has no interval in days) while the template keeps it. The schedule, and the
function and role the export generated for it, fold into the secret rather than becoming services."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from archbuilder.exporters.terraform.files import render
from archbuilder.importers.cloudformation import import_template
from archbuilder.importers.terraform import import_terraform
from tests.exporters.test_secret_rotation import design
from tests.importers.round_trips import terraform_imported

ROTATION_ARN = "arn:aws:lambda:us-east-1:111122223333:function:rotate"


def _template(rules: dict[str, Any] | None) -> dict[str, Any]:
    resources: dict[str, Any] = {
        "Secret": {"Type": "AWS::SecretsManager::Secret", "Properties": {"Description": "Api key"}}
    }
    if rules is not None:
        resources["Schedule"] = {
            "Type": "AWS::SecretsManager::RotationSchedule",
            "Properties": {
                "SecretId": {"Ref": "Secret"},
                "RotationLambdaARN": ROTATION_ARN,
                "RotationRules": rules,
            },
        }
    return {"Resources": resources}


@pytest.mark.parametrize(
    ("rules", "days"),
    [({"AutomaticallyAfterDays": 12}, 12), ({"ScheduleExpression": "rate(10 days)"}, 10), (None, 0)],
)
def test_the_interval_comes_from_the_schedule(
    rules: dict[str, Any] | None, days: int, tmp_path: Path
) -> None:
    path = tmp_path / "template.json"
    path.write_text(json.dumps(_template(rules)))
    imported, report = import_template(path)
    assert [(s.type, s.properties) for s in imported.services()] == [
        ("secrets_manager_secret", {"rotation_days": days})
    ]
    assert report.generic == []


def test_a_cron_schedule_is_said_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "template.json"
    path.write_text(json.dumps(_template({"ScheduleExpression": "cron(0 4 ? * SUN *)"})))
    _imported, report = import_template(path)
    assert [w for w in report.warnings if "Rotation" in w] == [
        "Secret: Rotation interval is a rotation schedule of 'cron(0 4 ? * SUN *)', which is no interval in days; "
        "checks assume 30; the template keeps it"
    ]


def test_terraform_rotation_rules_are_read(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(
        'resource "aws_secretsmanager_secret" "api_key" {\n  description = "Api key"\n}\n\n'
        'resource "aws_secretsmanager_secret_rotation" "api_key" {\n'
        "  secret_id           = aws_secretsmanager_secret.api_key.arn\n"
        f'  rotation_lambda_arn = "{ROTATION_ARN}"\n'
        '  rotation_rules {\n    schedule_expression = "rate(9 days)"\n  }\n}\n'
    )
    imported, _report = import_terraform(tmp_path)
    assert [(s.type, s.properties) for s in imported.services()] == [
        ("secrets_manager_secret", {"rotation_days": 9})
    ]


def test_the_exported_rotation_folds_into_its_secret(tmp_path: Path) -> None:
    files = render(design(21))
    imported, report = terraform_imported(files, tmp_path)
    assert [(s.label, s.type, s.properties) for s in imported.services()] == [
        ("Db Password", "secrets_manager_secret", {"rotation_days": 21})
    ]
    assert report.generic == []
    assert render(imported) == files
