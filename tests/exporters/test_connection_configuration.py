"""Each connection of the every-service design (tests/exporters/every_service.py) turns into configuration: taking it
away changes the template. The connections that configure nothing yet are listed here, each with why, so that one
added to that state fails this test, and one made to configure something must leave the list."""

from __future__ import annotations

import json
from typing import Any

import pytest

from archbuilder.exporters.cloudformation.drawn_connections import DRAWN_RECORDS
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.terraform.files import render
from tests.exporters import every_service as design
from tests.exporters.tf_tools import resources as terraform_resources

# (source type, kind, target type) -> why taking the connection away leaves the template as it was.
CONFIGURES_NOTHING = {
    (
        "ec2_instance",
        "attach",
        "iam_role",
    ): "an instance takes the role the export derives from its connections",
    ("ecs_service", "attach", "ecs_cluster"): "a service runs in the cluster the export makes for it",
    (
        "cloudwatch_log_group",
        "logs",
        "cloudwatch_alarm",
    ): "an alarm on a group needs a metric filter's pattern",
    ("cloudtrail", "logs", "guardduty"): "GuardDuty reads the account's CloudTrail events by itself, unasked",
    ("iam_role", "attach", "sagemaker_notebook"): "a notebook takes the role the export derives for it",
    (
        "storage_gateway",
        "write",
        "glacier_vault",
    ): "a tape gateway's archive is chosen when its tapes are made",
    (
        "codepipeline",
        "deploy",
        "cloudformation_stack",
    ): "named in the warnings: the export writes CodeDeploy and ECS deploy actions only",
}
# Connections the design cannot do without (the service needs them to be exported at all).
REQUIRED = {("firehose_stream", "write", "s3_bucket"), ("glue_crawler", "read", "s3_bucket")}


def _without(index: int, monkeypatch: pytest.MonkeyPatch) -> str:
    wiring = list(design.WIRING)
    monkeypatch.setattr(design, "WIRING", wiring[:index] + wiring[index + 1 :])
    return _configuration(build_template(design.every_service()))


def _configuration(template: dict[str, Any]) -> str:
    """The template less what it leaves to do by hand (a connection granted nothing is named there) and its records
    of what the design draws where the template reads more (drawn_connections.py), which configure nothing."""
    metadata = template["Metadata"]["archbuilder"]
    kept = {key: value for key, value in metadata.items() if key != "manual_steps"}
    kept["written_instead"] = [
        record for record in kept.get("written_instead", []) if record["property"] not in DRAWN_RECORDS
    ]
    return json.dumps({**template, "Metadata": {**template["Metadata"], "archbuilder": kept}}, sort_keys=True)


def test_every_connection_configures_something_but_the_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    full = _configuration(build_template(design.every_service()))
    unchanged = set()
    for index, (source, kind, target) in enumerate(list(design.WIRING)):
        if (source, kind.value, target) in REQUIRED:
            continue
        if _without(index, monkeypatch) == full:
            unchanged.add((source, kind.value, target))
        monkeypatch.undo()
    assert unchanged == set(CONFIGURES_NOTHING)


def test_a_volume_attaches_to_the_instance_drawn_either_way() -> None:
    arch = design.every_service()
    [connection] = [c for c in arch.connections.values() if c.source_id == "ebs-volume"]
    arch.disconnect(connection.id)
    arch.connect("ec2-instance", "ebs-volume", design.K.ATTACH)
    attachment = build_template(arch)["Resources"]["EBSEC2Attachment"]["Properties"]
    assert attachment == {"InstanceId": {"Ref": "EC2"}, "VolumeId": {"Ref": "EBS"}, "Device": "/dev/sdf"}


def test_invoking_athena_a_glue_job_or_a_key_grants_that_and_a_glue_job_is_a_task() -> None:
    resources = build_template(design.every_service())["Resources"]
    statements = {
        (role, tuple(s["Action"]), json.dumps(s["Resource"]))
        for role in ("LambdaRolePolicy", "StepFunctionsRolePolicy")
        for s in resources[role]["Properties"]["PolicyDocument"]["Statement"]
    }
    athena = "arn:${AWS::Partition}:athena:${AWS::Region}:${AWS::AccountId}:workgroup/${Athena}"
    glue = "arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:job/${GlueJob}"
    assert {
        (
            "LambdaRolePolicy",
            (
                "athena:GetQueryExecution",
                "athena:GetQueryResults",
                "athena:StartQueryExecution",
                "athena:StopQueryExecution",
            ),
            json.dumps([{"Fn::Sub": athena}]),
        ),
        (
            "LambdaRolePolicy",
            ("kms:Decrypt", "kms:DescribeKey"),
            json.dumps([{"Fn::GetAtt": ["KMS", "Arn"]}]),
        ),
        (
            "StepFunctionsRolePolicy",
            ("glue:BatchStopJobRun", "glue:GetJobRun", "glue:GetJobRuns", "glue:StartJobRun"),
            json.dumps([{"Fn::Sub": glue}]),
        ),
    } <= statements
    machine = resources["StepFunctions"]["Properties"]
    definition = json.loads(machine["DefinitionString"])
    assert definition["StartAt"] == "GlueJob"
    assert definition["States"]["GlueJob"] == {
        "Type": "Task",
        "Resource": "arn:aws:states:::glue:startJobRun.sync",
        "Parameters": {"JobName": "${GlueJobName}"},
        "Next": "Lambda",
    }
    assert machine["DefinitionSubstitutions"]["GlueJobName"] == {"Ref": "GlueJob"}


def test_a_zone_names_an_elastic_ip_by_an_address_record_in_both_formats() -> None:
    arch = design.every_service()
    record = build_template(arch)["Resources"]["EIPRecord"]["Properties"]
    assert record == {
        "HostedZoneId": {"Ref": "Route53"},
        "Name": {"Ref": "Route53DomainName"},
        "Type": "A",
        "ResourceRecords": [{"Ref": "EIP"}],
        "TTL": "300",
    }
    written = terraform_resources(render(arch))[("aws_route53_record", "eip_record")]
    assert {key: written[key] for key in ("type", "ttl", "records")} == {
        "type": "A",
        "ttl": 300,
        "records": ["${aws_eip.eip.public_ip}"],
    }
    assert "alias" not in written


def test_a_function_drawn_logging_to_a_group_logs_there_in_both_formats() -> None:
    arch = design.every_service()
    assert build_template(arch)["Resources"]["Lambda"]["Properties"]["LoggingConfig"] == {
        "LogGroup": {"Ref": "LogGroup"},
        "LogFormat": "Text",
    }
    written = terraform_resources(render(arch))[("aws_lambda_function", "lambda")]
    assert written["logging_config"] == [
        {"log_format": "Text", "log_group": "${aws_cloudwatch_log_group.log_group.name}"}
    ]
