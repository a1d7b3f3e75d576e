"""An EventBridge rule invoking a Batch compute environment submits a job: a target on the environment's job queue
with the job definition the export writes for it (batch_jobs.py), delivered as a role EventBridge assumes with
`batch:SubmitJob` on both. cfn-lint passes it, moto deploys it, Terraform writes the same target (its
`batch_target` block), and both imports read the rule back as invoking the environment."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import boto3
import pytest
from moto import mock_aws

from archbuilder.catalog import ConnectionKind as K
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.registry import export_notes
from archbuilder.model import Architecture
from tests.exporters.cfn_tools import lint
from tests.exporters.moto_topology import deploy
from tests.exporters.tf_correspondence import check
from tests.importers.value_round_trips import round_trip
from tests.model.builders import two_az_network

SUBMIT = {
    "Effect": "Allow",
    "Action": ["batch:SubmitJob"],
    "Resource": [{"Ref": "JobsQueue"}, {"Ref": "JobsJobDefinition"}],
}


def nightly_jobs(parent: str = "private-a") -> Architecture:
    arch = two_az_network()
    arch.add_service(
        "eventbridge_rule",
        "region",
        label="Nightly",
        node_id="rule",
        properties={"schedule_expression": "cron(0 2 * * ? *)"},
    )
    extra = ["private-b"] if parent == "private-a" else []
    arch.add_service(
        "batch_compute_environment", parent, label="Jobs", node_id="batch", extra_subnet_ids=extra
    )
    arch.connect("rule", "batch", K.INVOKE)
    return arch


def test_the_rule_targets_the_queue_with_the_job_definition_as_a_role_allowed_to_submit() -> None:
    template = build_template(nightly_jobs())
    resources = template["Resources"]
    assert resources["Nightly"]["Properties"]["Targets"] == [
        {
            "Id": "Jobs",
            "Arn": {"Ref": "JobsQueue"},
            "RoleArn": {"Fn::GetAtt": ["NightlyRole", "Arn"]},
            "BatchParameters": {"JobDefinition": {"Ref": "JobsJobDefinition"}, "JobName": "Jobs"},
        }
    ]
    role = resources["NightlyRole"]["Properties"]
    assert role["AssumeRolePolicyDocument"]["Statement"] == [
        {"Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"}, "Action": "sts:AssumeRole"}
    ]
    assert [p["PolicyDocument"]["Statement"] for p in role["Policies"]] == [[SUBMIT]]
    assert resources["JobsJobDefinition"]["Type"] == "AWS::Batch::JobDefinition"
    assert lint(json.dumps(template), "nightly_jobs.json") == []
    assert export_notes("cloudformation", nightly_jobs()) == export_notes("terraform", nightly_jobs()) == []


def test_the_rule_submits_to_the_queue_once_deployed() -> None:
    with mock_aws():
        physical = deploy(nightly_jobs(), "nightly-jobs")
        events = boto3.client("events", region_name="us-east-1")
        [target] = events.list_targets_by_rule(Rule=physical["Nightly"])["Targets"]
        iam = boto3.client("iam", region_name="us-east-1")
        [name] = iam.list_role_policies(RoleName=physical["NightlyRole"])["PolicyNames"]
        document = iam.get_role_policy(RoleName=physical["NightlyRole"], PolicyName=name)["PolicyDocument"]
    # moto keeps the inline policy of a role its CloudFormation made as the text of a Python dict.
    statements = (ast.literal_eval(document) if isinstance(document, str) else document)["Statement"]
    assert target["Arn"] == physical["JobsQueue"]
    assert target["RoleArn"].split("/")[-1] == physical["NightlyRole"]
    assert target["BatchParameters"] == {"JobDefinition": physical["JobsJobDefinition"], "JobName": "Jobs"}
    assert [s["Resource"] for s in statements] == [[physical["JobsQueue"], physical["JobsJobDefinition"]]]


def test_terraform_writes_the_same_target() -> None:
    found = check(nightly_jobs())
    target = found[("aws_cloudwatch_event_target", "nightly_jobs")]
    assert (target["arn"], target["role_arn"]) == (
        "${aws_batch_job_queue.jobs_queue.arn}",
        "${aws_iam_role.nightly_role.arn}",
    )
    assert target["batch_target"] == [
        {"job_definition": "${aws_batch_job_definition.jobs_job_definition.arn}", "job_name": "Jobs"}
    ]


@pytest.mark.parametrize("fmt", ["cloudformation", "terraform"])
def test_the_import_reads_the_rule_back_as_invoking_the_environment(fmt: str, tmp_path: Path) -> None:
    back, _notes = round_trip(nightly_jobs(), fmt, tmp_path / "out")
    labels = {node.id: node.label for node in back.services()}
    assert sorted(
        (labels[c.source_id], labels[c.target_id], c.kind.value) for c in back.connections.values()
    ) == [("Nightly", "Jobs", "invoke")]


def test_an_environment_outside_a_vpc_has_no_queue_to_target_and_says_so() -> None:
    arch = nightly_jobs("region")
    assert "Targets" not in build_template(arch)["Resources"]["Nightly"]["Properties"]
    assert export_notes("cloudformation", arch) == [
        "not declared, to do by hand: Jobs (Batch): place the compute environment in subnets: AWS Batch launches "
        "its instances or tasks in a VPC; neither it nor its job queue is written",
        "not declared, to do by hand: Nightly (Event rule): let it submit jobs to Jobs (Batch) yourself: the "
        "export writes no job queue for an environment outside a VPC",
    ]
