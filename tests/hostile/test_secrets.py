"""Secrets in clear — a NoEcho parameter's default, a password property, an output showing a NoEcho parameter,
an access key in user data — are listed by import and refused by export unless the user allows them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import hcl2
import pytest

from archbuilder.exporters.registry import ExportError, export
from archbuilder.importers.cloudformation import import_template
from archbuilder.importers.secrets import design_secrets
from archbuilder.model import dumps, load, loads
from archbuilder.resource_files import example_names, example_path

TEMPLATE = """\
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  DbPassword: {Type: String, NoEcho: true, Default: hunter2hunter2}
  Stage: {Type: String, Default: prod}
  ApiKey: {Type: String, NoEcho: true}
Resources:
  Docs:
    Type: AWS::DocDB::DBCluster
    Properties:
      MasterUsername: admin
      MasterUserPassword: Sup3rSecret!
  Managed:
    Type: AWS::DocDB::DBCluster
    Properties:
      MasterUsername: admin
      MasterUserPassword: '{{resolve:secretsmanager:docs:SecretString:password}}'
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      UserData: !Base64 "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE"
Outputs:
  Pw: {Value: !Ref DbPassword}
  Where: {Value: !Ref Stage}
"""


@pytest.fixture
def imported(tmp_path: Path):
    path = tmp_path / "secrets.yaml"
    path.write_text(TEMPLATE, encoding="utf-8")
    architecture, _report = import_template(path)
    return architecture


def test_import_lists_each_secret_and_nothing_else(imported) -> None:
    assert [str(s) for s in design_secrets(imported)] == [
        "parameter DbPassword: a NoEcho parameter with a default written in clear",
        "output Pw: shows the NoEcho parameter DbPassword",
        "'Web' › user_data: an access key or private key written in clear",
        # DocumentDB's node manages its password; the literal one is still in the template the import keeps.
        "template › Docs › Properties › MasterUserPassword: a password-like property with its value written in clear",
    ]


def test_a_password_property_of_a_generic_resource_is_a_secret(tmp_path: Path) -> None:
    path = tmp_path / "generic.yaml"
    path.write_text(
        "Resources:\n  Broker:\n    Type: AWS::AmazonMQ::Broker\n    Properties:\n"
        "      Users: [{Username: admin, Password: Sup3rSecret!}]\n"
        "      AuthToken: '{{resolve:secretsmanager:mq:SecretString:token}}'\n",
        encoding="utf-8",
    )
    design, _report = import_template(path)
    assert [str(s) for s in design_secrets(design)] == [
        "'Broker' › raw_properties › Users › [0] › Password: a password-like property with its value written in clear"
    ]


def test_the_import_command_prints_the_secrets(tmp_path: Path) -> None:
    path = tmp_path / "secrets.yaml"
    path.write_text(TEMPLATE, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "archbuilder", "import", str(path), "-o", str(tmp_path / "s.arch.json")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stdout.splitlines() if line.startswith("secret  ")] == [
        "secret  parameter DbPassword: a NoEcho parameter with a default written in clear",
        "secret  output Pw: shows the NoEcho parameter DbPassword",
        "secret  'Web' › user_data: an access key or private key written in clear",
        "secret  template › Docs › Properties › MasterUserPassword: a password-like property with its value written in clear",
    ]


def test_export_refuses_them_and_writes_nothing(imported, tmp_path: Path) -> None:
    with pytest.raises(ExportError) as caught:
        export("cloudformation", imported, tmp_path / "cfn")
    assert caught.value.exit_code == 1
    assert str(caught.value).startswith("the design holds 4 secret(s) in clear that the export would write: ")
    assert str(caught.value).endswith("or pass --allow-secrets")
    assert not (tmp_path / "cfn" / "template.yaml").exists()


def test_the_user_may_allow_them_by_flag_or_by_design_setting(imported, tmp_path: Path) -> None:
    export("cloudformation", imported, tmp_path / "flag", allow_secrets=True)
    assert "hunter2hunter2" in (tmp_path / "flag" / "template.yaml").read_text(encoding="utf-8")
    imported.set_metadata("allow_secrets_in_exports", True)
    again = loads(dumps(imported))
    assert again.metadata.allow_secrets_in_exports is True
    export("cloudformation", again, tmp_path / "setting")
    assert "hunter2hunter2" in (tmp_path / "setting" / "template.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", example_names())
def test_no_bundled_example_holds_a_secret_and_none_writes_the_setting(name: str) -> None:
    design = load(example_path(name))
    assert design_secrets(design) == []
    assert "allow_secrets_in_exports" not in dumps(design)


def test_terraform_marks_noecho_variables_sensitive(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(
        "Parameters:\n  ApiKey: {Type: String, NoEcho: true}\n  Stage: {Type: String, Default: prod}\n"
        "Resources:\n  Jobs: {Type: AWS::SQS::Queue}\n",
        encoding="utf-8",
    )
    design, _report = import_template(path)
    export("terraform", design, tmp_path / "tf")
    variables = hcl2.loads((tmp_path / "tf" / "variables.tf").read_text(encoding="utf-8"))["variable"]
    by_name = {next(iter(v)): v[next(iter(v))] for v in variables}
    assert by_name['"api_key"']["sensitive"] is True
    assert "sensitive" not in by_name['"stage"']


def test_the_instance_metadata_setting_http_tokens_is_no_secret(tmp_path: Path) -> None:
    path = tmp_path / "imds.yaml"
    path.write_text(
        "Resources:\n"
        "  Launch:\n"
        "    Type: AWS::EC2::LaunchTemplate\n"
        "    Properties:\n"
        "      LaunchTemplateData: {MetadataOptions: {HttpTokens: required, HttpPutResponseHopLimit: 2}}\n",
        encoding="utf-8",
    )
    architecture, _report = import_template(path)
    assert design_secrets(architecture) == []
