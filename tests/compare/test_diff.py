"""`archbuilder diff`: the semantic difference of two templates or designs, with exact output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archbuilder.cli.main import main
from archbuilder.compare.diff_engine import diff_documents
from archbuilder.compare.diff_replacement import replacement
from archbuilder.compare.diff_sources import load_side
from archbuilder.resource_files import example_path

BEFORE = """\
AWSTemplateFormatVersion: '2010-09-09'
Description: Orders
Parameters:
  Env:
    Type: String
    Default: prod
Resources:
  Subnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-0123456789abcdef0
      CidrBlock: 10.0.1.0/24
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - {AttributeName: order_id, AttributeType: S}
      KeySchema:
        - {AttributeName: order_id, KeyType: HASH}
      Tags:
        - {Key: team, Value: shop}
        - {Key: Name, Value: Orders}
  Function:
    Type: AWS::Lambda::Function
    DependsOn: Table
    Properties:
      Runtime: python3.12
      Handler: index.handler
      MemorySize: 256
      Role: !GetAtt Role.Arn
      Code: {ZipFile: "def handler(event, context): pass"}
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - {Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}
      Policies:
        - PolicyName: data
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: [dynamodb:GetItem, dynamodb:Query]
                Resource: !GetAtt Table.Arn
  Old:
    Type: AWS::SQS::Queue
"""

AFTER = """\
AWSTemplateFormatVersion: '2010-09-09'
Description: Orders
Parameters:
  Env:
    Type: String
    Default: staging
Resources:
  Subnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-0123456789abcdef0
      CidrBlock: 10.0.2.0/24
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - {AttributeName: pk, AttributeType: S}
      KeySchema:
        - {AttributeName: pk, KeyType: HASH}
      Tags:
        - {Key: Name, Value: Orders}
        - {Key: team, Value: shop}
  Function:
    Type: AWS::Lambda::Function
    DependsOn: [Table]
    Properties:
      Runtime: python3.12
      Handler: index.handler
      MemorySize: "512"
      Role: {"Fn::GetAtt": [Role, Arn]}
      Code: {ZipFile: "def handler(event, context): pass"}
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - {Effect: Allow, Principal: {Service: [ec2.amazonaws.com]}, Action: sts:AssumeRole}
      Policies:
        - PolicyName: data
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: [dynamodb:Query, dynamodb:GetItem]
                Resource: !GetAtt Table.Arn
              - Effect: Allow
                Action: sqs:SendMessage
                Resource: '*'
  New:
    Type: AWS::SNS::Topic
"""

EXPECTED_TEXT = """\
--- {a}
+++ {b}
~ Subnet (AWS::EC2::Subnet) (replacement)
    ~ CidrBlock: "10.0.1.0/24" -> "10.0.2.0/24"  [replaces the resource]
~ Table (AWS::DynamoDB::Table) (may be replaced)
    - AttributeDefinitions[]: {{AttributeName: "order_id", AttributeType: "S"}}
    + AttributeDefinitions[]: {{AttributeName: "pk", AttributeType: "S"}}
    ~ KeySchema[0].AttributeName: "order_id" -> "pk"  [may replace the resource]
~ Function (AWS::Lambda::Function)
    ~ MemorySize: 256 -> "512"
~ Role (AWS::IAM::Role)
    ~ AssumeRolePolicyDocument: statements
        + Allow sts:AssumeRole for Service ec2.amazonaws.com
        - Allow sts:AssumeRole for Service lambda.amazonaws.com
    ~ Policies[0].PolicyDocument: statements
        + Allow sqs:SendMessage on *
- Old (AWS::SQS::Queue) removed
+ New (AWS::SNS::Topic) added
Parameters:
  ~ Env: {{Type: "String", Default: "prod"}} -> {{Type: "String", Default: "staging"}}
6 resources differ: 1 added, 1 removed, 4 changed (1 replaced, 1 may be replaced); 1 other template entries differ
"""


@pytest.fixture
def templates(tmp_path: Path) -> tuple[Path, Path]:
    before, after = tmp_path / "before.yaml", tmp_path / "after.yaml"
    before.write_text(BEFORE)
    after.write_text(AFTER)
    return before, after


def test_text_names_each_change_with_its_replacement_and_statements(
    templates: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    before, after = templates
    assert main(["diff", str(before), str(after)]) == 1
    assert capsys.readouterr().out == EXPECTED_TEXT.format(a=before, b=after)


def test_json_lists_the_same_changes(
    templates: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    before, after = templates
    assert main(["diff", str(before), str(after), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["identical"] is False
    assert [(r["name"], r["status"], r["replacement"]) for r in report["resources"]] == [
        ("Subnet", "changed", "replaces"),
        ("Table", "changed", "may replace"),
        ("Function", "changed", None),
        ("Role", "changed", None),
        ("Old", "removed", None),
        ("New", "added", None),
    ]
    role = report["resources"][3]
    assert role["changes"] == []
    assert role["statements"] == [
        {
            "path": "AssumeRolePolicyDocument",
            "added": [
                {
                    "Effect": "Allow",
                    "Principal": {"Service": ["ec2.amazonaws.com"]},
                    "Action": ["sts:AssumeRole"],
                }
            ],
            "removed": [
                {
                    "Effect": "Allow",
                    "Principal": {"Service": ["lambda.amazonaws.com"]},
                    "Action": ["sts:AssumeRole"],
                }
            ],
        },
        {
            "path": "Policies[0].PolicyDocument",
            "added": [{"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": ["*"]}],
            "removed": [],
        },
    ]
    assert report["sections"] == [
        {
            "section": "Parameters",
            "name": "Env",
            "status": "changed",
            "before": {"Type": "String", "Default": "prod"},
            "after": {"Type": "String", "Default": "staging"},
        }
    ]


def test_yaml_and_json_of_one_template_do_not_differ(
    templates: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before, _after = templates
    as_json = tmp_path / "before.json"
    as_json.write_text(json.dumps(_template_dict(before)))
    assert main(["diff", str(before), str(as_json)]) == 0
    assert capsys.readouterr().out == f"no difference between {before} and {as_json}\n"


def _template_dict(path: Path) -> dict[str, object]:
    from archbuilder.importers.cfn_yaml import load_template

    return load_template(path.read_bytes(), str(path))


def test_what_aws_treats_as_equal_is_no_difference(tmp_path: Path) -> None:
    """Number and text, GetAtt forms, DependsOn forms, tag order, statement and action order."""
    one, two = tmp_path / "one.yaml", tmp_path / "two.yaml"
    one.write_text(
        "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    DependsOn: [A, B]\n    Properties:\n"
        "      DelaySeconds: 5\n      Tags: [{Key: a, Value: '1'}, {Key: b, Value: '2'}]\n"
        "      RedrivePolicy: {deadLetterTargetArn: !GetAtt D.Arn, maxReceiveCount: 3}\n"
    )
    two.write_text(
        "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    DependsOn: [B, A]\n    Properties:\n"
        "      DelaySeconds: '5'\n      Tags: [{Key: b, Value: '2'}, {Key: a, Value: 1}]\n"
        "      RedrivePolicy: {deadLetterTargetArn: {'Fn::GetAtt': [D, Arn]}, maxReceiveCount: '3'}\n"
    )
    assert diff_documents(load_side(one), load_side(two)).empty


def test_a_changed_resource_type_is_a_replacement(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one, two = tmp_path / "one.yaml", tmp_path / "two.yaml"
    one.write_text("Resources:\n  Data:\n    Type: AWS::DynamoDB::Table\n")
    two.write_text("Resources:\n  Data:\n    Type: AWS::DynamoDB::GlobalTable\n")
    assert main(["diff", str(one), str(two)]) == 1
    assert capsys.readouterr().out.splitlines()[2:] == [
        "! Data (AWS::DynamoDB::GlobalTable): type was AWS::DynamoDB::Table; the resource is replaced",
        "1 resources differ: 0 added, 0 removed, 1 changed (1 replaced)",
    ]


TF_BEFORE = """\
variable "env" {
  type    = string
  default = "prod"
}

resource "aws_subnet" "app" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_iam_role_policy" "data" {
  role = aws_iam_role.app.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["dynamodb:GetItem"], Resource = [aws_dynamodb_table.orders.arn] },
    ]
  })
}
"""

TF_AFTER = """\
variable "env" {
  type    = string
  default = "prod"
}

resource "aws_subnet" "app" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.9.0/24"
}

resource "aws_iam_role_policy" "data" {
  role = aws_iam_role.app.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["dynamodb:GetItem"], Resource = [aws_dynamodb_table.orders.arn] },
      { Effect = "Allow", Action = "dynamodb:DeleteItem", Resource = aws_dynamodb_table.orders.arn },
    ]
  })
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}
"""


def test_terraform_folders_are_compared_by_address_with_statements(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before, after = tmp_path / "before", tmp_path / "after"
    before.mkdir()
    after.mkdir()
    (before / "main.tf").write_text(TF_BEFORE)
    (after / "main.tf").write_text(TF_AFTER)
    assert main(["diff", str(before), str(after)]) == 1
    assert capsys.readouterr().out == (
        f"--- {before}\n+++ {after}\n"
        "~ aws_subnet.app (aws_subnet) (replacement)\n"
        '    ~ cidr_block: "10.0.1.0/24" -> "10.0.9.0/24"  [replaces the resource]\n'
        "~ aws_iam_role_policy.data (aws_iam_role_policy)\n"
        "    ~ policy: statements\n"
        "        + Allow dynamodb:DeleteItem on ${aws_dynamodb_table.orders.arn}\n"
        "+ aws_sqs_queue.jobs (aws_sqs_queue) added\n"
        "3 resources differ: 1 added, 0 removed, 2 changed (1 replaced)\n"
    )


def test_a_design_is_compared_as_its_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    design = str(example_path("static-site"))
    out = tmp_path / "cfn"
    assert main(["export", design, "--format", "cloudformation", "-o", str(out)]) == 0
    assert main(["export", design, "--format", "terraform", "-o", str(tmp_path / "tf")]) == 0
    capsys.readouterr()
    assert main(["diff", design, str(out / "template.yaml")]) == 0
    assert main(["diff", str(tmp_path / "tf"), design]) == 0
    assert main(["diff", design, str(example_path("serverless-api"))]) == 1


def test_bad_input_is_refused_with_its_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("Resources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties: !Unknown x\n")
    folder = tmp_path / "tf"
    folder.mkdir()
    (folder / "main.tf").write_text('resource "aws_sqs_queue" "q" {}\n')
    assert main(["diff", str(broken), str(broken)]) == 2
    assert capsys.readouterr().err == f"archbuilder: error: {broken}: line 4: unknown tag !Unknown\n"
    assert main(["diff", str(tmp_path / "missing.yaml"), str(broken)]) == 2
    assert (
        capsys.readouterr().err
        == f"archbuilder: error: {tmp_path / 'missing.yaml'}: no such file or folder\n"
    )
    assert main(["diff", str(folder), str(broken)]) == 2
    assert "cannot compare CloudFormation with Terraform" in capsys.readouterr().err


def test_replacement_comes_from_the_resource_schema() -> None:
    assert replacement("AWS::EC2::Subnet", "CidrBlock") == "replaces"
    assert replacement("AWS::EC2::Subnet", "Tags") == ""
    assert replacement("AWS::RDS::DBInstance", "MultiAZ") == "may replace"
    assert replacement("AWS::RDS::DBInstance", "StorageEncrypted") == "replaces"
    assert replacement("aws_db_instance", "storage_encrypted") == "replaces"
    assert replacement("aws_sqs_queue", "visibility_timeout_seconds") == ""
