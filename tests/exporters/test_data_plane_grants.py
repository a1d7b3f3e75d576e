"""A function connected to what it writes to gets the permission to write there: indexing into an OpenSearch
domain (HTTP POST and PUT on the domain and its indexes), writing to a CloudWatch log group, pushing an image to an
ECR repository (with the account's login token), pulling from and pushing to a CodeCommit repository, putting a
secret's value. Before, these connections were exported as nothing at all. cfn-lint, moto (the role's policy as
IAM holds it) and terraform validate (test_terraform_validate) judge the result."""

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


def indexer() -> Architecture:
    arch = two_az_network()
    arch.add_service("lambda_function", "private-a", label="Indexer", node_id="fn")
    arch.add_service(
        "opensearch_domain", "private-a", label="Search", node_id="search", extra_subnet_ids=["private-b"]
    )
    arch.add_service("cloudwatch_log_group", "region", label="Audit log", node_id="log")
    arch.add_service("ecr_repository", "region", label="Images", node_id="ecr")
    arch.add_service("codecommit_repository", "region", label="Config repo", node_id="repo")
    arch.add_service("secrets_manager_secret", "region", label="Token", node_id="secret")
    arch.connect("fn", "search", K.WRITE)
    arch.connect("fn", "log", K.WRITE)
    arch.connect("fn", "ecr", K.WRITE)
    arch.connect("fn", "repo", K.READ_WRITE)
    arch.connect("fn", "secret", K.WRITE)
    return arch


def _allow(actions: list[str], *resources: Any) -> dict[str, Any]:
    return {"Effect": "Allow", "Action": actions, "Resource": list(resources)}


EXPECTED = [
    _allow(
        ["logs:CreateLogStream", "logs:PutLogEvents"],
        {"Fn::GetAtt": ["AuditLog", "Arn"]},
        {"Fn::Sub": "${AuditLog.Arn}:*"},
    ),
    _allow(
        [
            "ecr:BatchCheckLayerAvailability",
            "ecr:CompleteLayerUpload",
            "ecr:InitiateLayerUpload",
            "ecr:PutImage",
            "ecr:UploadLayerPart",
        ],
        {"Fn::GetAtt": ["Images", "Arn"]},
    ),
    _allow(["ecr:GetAuthorizationToken"], "*"),
    _allow(["codecommit:GitPull", "codecommit:GitPush"], {"Fn::GetAtt": ["ConfigRepo", "Arn"]}),
    _allow(
        ["es:ESHttpPost", "es:ESHttpPut"], {"Fn::GetAtt": ["Search", "Arn"]}, {"Fn::Sub": "${Search.Arn}/*"}
    ),
    _allow(["secretsmanager:PutSecretValue"], {"Ref": "Token"}),
]


def test_each_write_is_granted_on_its_target_only() -> None:
    template = build_template(indexer())
    statements = template["Resources"]["IndexerRolePolicy"]["Properties"]["PolicyDocument"]["Statement"]
    dead_letters = _allow(["sqs:SendMessage"], {"Fn::GetAtt": ["IndexerDeadLetterQueue", "Arn"]})
    assert sorted(statements, key=json.dumps) == sorted([*EXPECTED, dead_letters], key=json.dumps)
    assert lint(json.dumps(template), "indexer.json") == []


def test_the_role_holds_the_grants_once_deployed() -> None:
    with mock_aws():
        physical = deploy(indexer(), "indexer")
        iam = boto3.client("iam", region_name="us-east-1")
        role = physical["IndexerRole"]
        [name] = iam.list_role_policies(RoleName=role)["PolicyNames"]
        document = iam.get_role_policy(RoleName=role, PolicyName=name)["PolicyDocument"]
    granted = {action for statement in document["Statement"] for action in statement["Action"]}
    assert {"es:ESHttpPost", "logs:PutLogEvents", "ecr:PutImage", "codecommit:GitPush"} <= granted
    assert "secretsmanager:PutSecretValue" in granted


def test_terraform_writes_the_same_grants() -> None:
    found = check(indexer())
    policy = found[("aws_iam_role_policy", "indexer_role_policy")]["policy"]
    assert (
        policy
        == "${jsonencode({"
        + ", ".join(
            [
                'Version = "2012-10-17"',
                "Statement = [" + ", ".join(TERRAFORM_STATEMENTS) + "]",
            ]
        )
        + "})}"
    )


def _hcl(actions: list[str], *resources: str) -> str:
    quoted = ", ".join(f'"{action}"' for action in actions)
    return f'{{Effect = "Allow", Action = [{quoted}], Resource = [{", ".join(resources)}]}}'


TERRAFORM_STATEMENTS = [
    _hcl(
        [
            "ecr:BatchCheckLayerAvailability",
            "ecr:CompleteLayerUpload",
            "ecr:InitiateLayerUpload",
            "ecr:PutImage",
            "ecr:UploadLayerPart",
        ],
        "aws_ecr_repository.images.arn",
    ),
    _hcl(["ecr:GetAuthorizationToken"], '"*"'),
    _hcl(
        ["logs:CreateLogStream", "logs:PutLogEvents"],
        "aws_cloudwatch_log_group.audit_log.arn",
        '"${aws_cloudwatch_log_group.audit_log.arn}:*"',
    ),
    _hcl(["codecommit:GitPull", "codecommit:GitPush"], "aws_codecommit_repository.config_repo.arn"),
    _hcl(
        ["es:ESHttpPost", "es:ESHttpPut"],
        "aws_opensearch_domain.search.arn",
        '"${aws_opensearch_domain.search.arn}/*"',
    ),
    _hcl(["secretsmanager:PutSecretValue"], "aws_secretsmanager_secret.token.arn"),
    _hcl(["sqs:SendMessage"], "aws_sqs_queue.indexer_dead_letter_queue.arn"),
]


def test_a_data_connection_the_export_grants_nothing_for_is_named_in_its_warnings() -> None:
    """What the export writes for an MSK cluster, a CodeBuild project, a CodeDeploy application's deployment group
    and a mount of an EFS file system from inside its VPC: test_call_and_stream_grants, test_deployment_grants,
    test_file_mounts."""
    arch = two_az_network()
    arch.add_service("lambda_function", "region", label="Producer", node_id="fn")
    arch.add_service("efs_file_system", "private-a", label="Shared", node_id="efs")
    # An ECS application's deployment group is left to do by hand: there is nothing to deploy to.
    arch.add_service(
        "codedeploy_app", "region", label="Deploy", node_id="deploy", properties={"compute_platform": "ECS"}
    )
    arch.connect("fn", "efs", K.READ_WRITE)
    arch.connect("fn", "deploy", K.INVOKE)
    expected = [
        "not declared, to do by hand: Deploy (CodeDeploy): create the ECS deployment group: a blue/green "
        "deployment needs a second target group and a test listener for the service (with automatic rollback on)",
        "not declared, to do by hand: Producer (Lambda): let it start Deploy (CodeDeploy) yourself: the export "
        "writes no deployment group for it (its own step says why)",
        "not declared, to do by hand: Producer (Lambda): grant it read-write access to Shared (EFS) yourself: "
        "place it in subnets of the VPC of Shared: a file system is mounted from inside it",
    ]
    assert export_notes("cloudformation", arch) == export_notes("terraform", arch) == expected
    assert export_notes("cloudformation", indexer()) == []
