"""Settings of databases and data pipelines written as resources or settings of their own, in both formats: the
parameter groups of RDS, Aurora and Redshift, Redshift's cross-region snapshot copy, a Glue job's security
configuration and a Firehose stream's Lambda transformation."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from archbuilder.catalog import ConnectionKind as K
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.registry import ExportError
from archbuilder.exporters.terraform.files import render
from archbuilder.model import Architecture
from tests.exporters.design_tags import design_tags
from tests.exporters.test_terraform_validate import _validate, needs_provider
from tests.exporters.tf_correspondence import check
from tests.model.builders import two_az_network


def _design(type_id: str, parent: str, **props: Any) -> Architecture:
    arch = two_az_network()
    extra = ["private-b"] if parent == "private-a" else []
    arch.add_service(
        type_id, parent, label="Store", node_id="store", extra_subnet_ids=extra, properties=props
    )
    return arch


def _resources(arch: Architecture) -> dict[str, Any]:
    resources: dict[str, Any] = build_template(arch)["Resources"]
    return resources


@pytest.mark.parametrize(
    ("engine", "version", "family", "parameters", "pinned"),
    [
        ("postgres", "", "postgres18", {"rds.force_ssl": "1"}, "18"),
        ("postgres", "16.3", "postgres16", {"rds.force_ssl": "1"}, "16.3"),
        ("mysql", "", "mysql8.4", {"require_secure_transport": "1"}, "8.4.8"),
        ("mysql", "8.0.44", "mysql8.0", {"require_secure_transport": "1"}, "8.0.44"),
        ("mariadb", "", "mariadb11.8", {"require_secure_transport": "1"}, "11.8.5"),
        ("sqlserver-se", "", "sqlserver-se-16.0", {"rds.force_ssl": "1"}, None),
        ("sqlserver-ex", "15.00.4345.5.v1", "sqlserver-ex-15.0", {"rds.force_ssl": "1"}, "15.00.4345.5.v1"),
        ("oracle-se2", "", "oracle-se2-19", None, None),
    ],
)
def test_an_rds_instance_has_a_parameter_group_of_its_engine_family_requiring_tls(
    engine: str, version: str, family: str, parameters: dict[str, str] | None, pinned: str | None
) -> None:
    arch = _design("rds_instance", "private-a", engine=engine, engine_version=version)
    resources = _resources(arch)
    group: dict[str, Any] = {"Description": "Parameters of Store", "Family": family}
    if parameters:
        group["Parameters"] = parameters
    group["Tags"] = design_tags()
    assert resources["StoreParameterGroup"] == {"Type": "AWS::RDS::DBParameterGroup", "Properties": group}
    instance = resources["Store"]["Properties"]
    assert instance["DBParameterGroupName"] == {"Ref": "StoreParameterGroup"}
    assert instance.get("EngineVersion") == pinned
    terraform = check(arch)
    written: dict[str, Any] = {"family": family, "description": "Parameters of Store"}
    if parameters:
        written["parameter"] = [{"name": name, "value": value} for name, value in parameters.items()]
    assert terraform[("aws_db_parameter_group", "store_parameter_group")] == written
    db = terraform[("aws_db_instance", "store")]
    assert db["parameter_group_name"] == "${aws_db_parameter_group.store_parameter_group.name}"
    assert db.get("engine_version") == pinned


def test_an_rds_instance_without_a_group_of_its_own_uses_the_default_one() -> None:
    arch = _design("rds_instance", "private-a", custom_parameter_group=False)
    resources = _resources(arch)
    assert "StoreParameterGroup" not in resources
    assert "DBParameterGroupName" not in resources["Store"]["Properties"]
    assert "EngineVersion" not in resources["Store"]["Properties"]
    db = check(arch)[("aws_db_instance", "store")]
    assert "parameter_group_name" not in db and "engine_version" not in db


@pytest.mark.parametrize(
    ("engine", "version", "family", "parameter", "pinned"),
    [
        ("aurora-postgresql", "", "aurora-postgresql17", ("rds.force_ssl", "1"), "17"),
        ("aurora-postgresql", "16.4", "aurora-postgresql16", ("rds.force_ssl", "1"), "16.4"),
        ("aurora-mysql", "", "aurora-mysql8.4", ("require_secure_transport", "ON"), "8.4"),
        (
            "aurora-mysql",
            "8.0.mysql_aurora.3.08.0",
            "aurora-mysql8.0",
            ("require_secure_transport", "ON"),
            "8.0.mysql_aurora.3.08.0",
        ),
    ],
)
def test_an_aurora_cluster_has_a_cluster_parameter_group_of_its_engine_family_requiring_tls(
    engine: str, version: str, family: str, parameter: tuple[str, str], pinned: str
) -> None:
    arch = _design("aurora_cluster", "private-a", engine=engine, engine_version=version)
    resources = _resources(arch)
    assert resources["StoreParameterGroup"] == {
        "Type": "AWS::RDS::DBClusterParameterGroup",
        "Properties": {
            "Description": "Parameters of Store",
            "Family": family,
            "Parameters": {parameter[0]: parameter[1]},
            "Tags": design_tags(),
        },
    }
    cluster = resources["Store"]["Properties"]
    assert cluster["DBClusterParameterGroupName"] == {"Ref": "StoreParameterGroup"}
    assert cluster["EngineVersion"] == pinned
    terraform = check(arch)
    assert terraform[("aws_rds_cluster_parameter_group", "store_parameter_group")] == {
        "family": family,
        "description": "Parameters of Store",
        "parameter": [{"name": parameter[0], "value": parameter[1]}],
    }
    written = terraform[("aws_rds_cluster", "store")]
    assert (
        written["db_cluster_parameter_group_name"]
        == "${aws_rds_cluster_parameter_group.store_parameter_group.name}"
    )
    assert written["engine_version"] == pinned


def test_an_aurora_cluster_without_a_group_of_its_own_uses_the_default_one() -> None:
    arch = _design("aurora_cluster", "private-a", custom_parameter_group=False)
    resources = _resources(arch)
    assert "StoreParameterGroup" not in resources
    assert not {"DBClusterParameterGroupName", "EngineVersion"} & set(resources["Store"]["Properties"])
    assert "db_cluster_parameter_group_name" not in check(arch)[("aws_rds_cluster", "store")]


def test_a_redshift_cluster_has_a_parameter_group_requiring_ssl() -> None:
    arch = _design("redshift_cluster", "private-a")
    resources = _resources(arch)
    assert resources["StoreParameterGroup"] == {
        "Type": "AWS::Redshift::ClusterParameterGroup",
        "Properties": {
            "Description": "Parameters of Store",
            "ParameterGroupFamily": "redshift-1.0",
            "Parameters": [{"ParameterName": "require_ssl", "ParameterValue": "true"}],
            "Tags": design_tags(),
        },
    }
    assert resources["Store"]["Properties"]["ClusterParameterGroupName"] == {"Ref": "StoreParameterGroup"}
    terraform = check(arch)
    assert terraform[("aws_redshift_parameter_group", "store_parameter_group")] == {
        "name": "${var.name}-store-parameter-group",
        "family": "redshift-1.0",
        "description": "Parameters of Store",
        "parameter": [{"name": "require_ssl", "value": "true"}],
    }
    assert (
        terraform[("aws_redshift_cluster", "store")]["cluster_parameter_group_name"]
        == "${aws_redshift_parameter_group.store_parameter_group.name}"
    )
    plain = _design("redshift_cluster", "private-a", custom_parameter_group=False)
    assert "ClusterParameterGroupName" not in _resources(plain)["Store"]["Properties"]
    assert ("aws_redshift_parameter_group", "store_parameter_group") not in check(plain)


def test_a_redshift_cluster_copies_its_snapshots_to_another_region() -> None:
    arch = _design(
        "redshift_cluster", "private-a", snapshot_copy_region="us-west-2", backup_retention_days=10
    )
    template = build_template(arch)
    cluster = template["Resources"]["Store"]["Properties"]
    assert {k: v for k, v in cluster.items() if k.startswith(("Snapshot", "Destination"))} == {
        "DestinationRegion": "us-west-2",
        "SnapshotCopyRetentionPeriod": 10,
        "SnapshotCopyGrantName": {"Ref": "StoreSnapshotCopyGrant"},
    }
    assert template["Parameters"]["StoreSnapshotCopyGrant"] == {
        "Type": "String",
        "Default": "store-snapshot-copy",
        "Description": "Snapshot copy grant in us-west-2 for the snapshots of Store",
    }
    assert check(arch)[("aws_redshift_snapshot_copy", "store")] == {
        "cluster_identifier": "${aws_redshift_cluster.store.id}",
        "destination_region": "us-west-2",
        "retention_period": 10,
        "snapshot_copy_grant_name": "${var.store_snapshot_copy_grant}",
    }


def test_an_unencrypted_redshift_cluster_copies_its_snapshots_without_a_grant() -> None:
    arch = _design("redshift_cluster", "private-a", snapshot_copy_region="eu-west-1", encrypted=False)
    cluster = _resources(arch)["Store"]["Properties"]
    assert (cluster["DestinationRegion"], cluster["SnapshotCopyRetentionPeriod"]) == ("eu-west-1", 7)
    assert "SnapshotCopyGrantName" not in cluster
    assert check(arch)[("aws_redshift_snapshot_copy", "store")] == {
        "cluster_identifier": "${aws_redshift_cluster.store.id}",
        "destination_region": "eu-west-1",
        "retention_period": 7,
    }


def test_an_encrypted_glue_job_names_a_security_configuration_with_a_key_of_its_own() -> None:
    arch = _design("glue_job", "region", script_location="s3://example-scripts/job.py")
    resources = _resources(arch)
    key_arn = {"Fn::GetAtt": ["StoreKey", "Arn"]}
    assert resources["StoreSecurityConfiguration"] == {
        "Type": "AWS::Glue::SecurityConfiguration",
        "Properties": {
            "Name": {"Fn::Sub": "${AWS::StackName}-Store"},
            "EncryptionConfiguration": {
                "S3Encryptions": [{"S3EncryptionMode": "SSE-KMS", "KmsKeyArn": key_arn}],
                "CloudWatchEncryption": {"CloudWatchEncryptionMode": "SSE-KMS", "KmsKeyArn": key_arn},
                "JobBookmarksEncryption": {"JobBookmarksEncryptionMode": "CSE-KMS", "KmsKeyArn": key_arn},
            },
        },
    }
    assert resources["Store"]["Properties"]["SecurityConfiguration"] == {"Ref": "StoreSecurityConfiguration"}
    key = resources["StoreKey"]
    assert (key["Type"], key["DeletionPolicy"], key["Properties"]["EnableKeyRotation"]) == (
        "AWS::KMS::Key",
        "Retain",
        True,
    )
    logs = key["Properties"]["KeyPolicy"]["Statement"][1]
    assert logs["Principal"] == {"Service": {"Fn::Sub": "logs.${AWS::Region}.amazonaws.com"}}
    assert logs["Condition"]["ArnLike"]["kms:EncryptionContext:aws:logs:arn"] == {
        "Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws-glue/*"
    }
    statements = resources["StoreRolePolicy"]["Properties"]["PolicyDocument"]["Statement"]
    assert {
        "Effect": "Allow",
        "Action": ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"],
        "Resource": [key_arn],
    } in (statements)
    assert any(s["Action"] == ["logs:AssociateKmsKey"] for s in statements)
    terraform = check(arch)
    key_tf = "${aws_kms_key.store_key.arn}"
    assert terraform[("aws_glue_security_configuration", "store_security_configuration")] == {
        "name": "${var.name}-Store",
        "encryption_configuration": [
            {
                "cloudwatch_encryption": [{"cloudwatch_encryption_mode": "SSE-KMS", "kms_key_arn": key_tf}],
                "job_bookmarks_encryption": [
                    {"job_bookmarks_encryption_mode": "CSE-KMS", "kms_key_arn": key_tf}
                ],
                "s3_encryption": [{"s3_encryption_mode": "SSE-KMS", "kms_key_arn": key_tf}],
            }
        ],
    }
    assert (
        terraform[("aws_glue_job", "store")]["security_configuration"]
        == "${aws_glue_security_configuration.store_security_configuration.name}"
    )


def test_an_unencrypted_glue_job_has_no_security_configuration() -> None:
    arch = _design("glue_job", "region", encrypted=False)
    resources = _resources(arch)
    assert not {"StoreKey", "StoreSecurityConfiguration"} & set(resources)
    assert "SecurityConfiguration" not in resources["Store"]["Properties"]
    assert "security_configuration" not in check(arch)[("aws_glue_job", "store")]


def _stream(*functions: str, **props: Any) -> Architecture:
    arch = two_az_network()
    arch.add_service("firehose_stream", "region", label="Clicks", node_id="clicks", properties=props)
    arch.add_service("s3_bucket", "region", label="Lake", node_id="lake")
    arch.connect("clicks", "lake", K.WRITE)
    for name in functions:
        arch.add_service("lambda_function", "region", label=name.title(), node_id=name)
        arch.connect("clicks", name, K.INVOKE)
    return arch


def test_a_lambda_transformation_passes_batches_through_the_function_the_stream_invokes() -> None:
    arch = _stream("enrich", lambda_transform=True)
    resources = _resources(arch)
    stream = resources["Clicks"]["Properties"]
    assert "S3DestinationConfiguration" not in stream
    function = {"Fn::GetAtt": ["Enrich", "Arn"]}
    assert stream["ExtendedS3DestinationConfiguration"]["ProcessingConfiguration"] == {
        "Enabled": True,
        "Processors": [
            {"Type": "Lambda", "Parameters": [{"ParameterName": "LambdaArn", "ParameterValue": function}]}
        ],
    }
    statements = resources["ClicksRolePolicy"]["Properties"]["PolicyDocument"]["Statement"]
    granted = {action for s in statements if s["Resource"] == [function] for action in s["Action"]}
    assert granted == {"lambda:InvokeFunction", "lambda:GetFunctionConfiguration"}
    assert resources["Clicks"]["DependsOn"] == "ClicksRolePolicy"
    written = check(arch)[("aws_kinesis_firehose_delivery_stream", "clicks")]
    assert written["extended_s3_configuration"][0]["processing_configuration"] == [
        {
            "enabled": True,
            "processors": [
                {
                    "type": "Lambda",
                    "parameters": [
                        {
                            "parameter_name": "LambdaArn",
                            "parameter_value": "${aws_lambda_function.enrich.arn}",
                        }
                    ],
                }
            ],
        }
    ]


def test_without_a_transformation_the_stream_delivers_records_as_they_are() -> None:
    stream = _resources(_stream("enrich"))["Clicks"]["Properties"]
    assert "ExtendedS3DestinationConfiguration" not in stream
    assert "ProcessingConfiguration" not in stream["S3DestinationConfiguration"]


@pytest.mark.parametrize(("functions", "found"), [((), "none"), (("enrich", "mask"), "Enrich, Mask")])
def test_a_lambda_transformation_without_one_invoked_function_is_refused_by_name(
    functions: tuple[str, ...], found: str
) -> None:
    with pytest.raises(
        ExportError, match=rf"^Clicks: a Lambda transformation needs exactly one .*found {found}$"
    ):
        build_template(_stream(*functions, lambda_transform=True))


@needs_provider
def test_the_firehose_transformation_validates(tmp_path: Path) -> None:
    """The aws provider's schema takes the stream's processing configuration (the design's other validations
    leave functions out: the provider mirror has no archive provider to zip their code)."""
    files = render(_stream("enrich", lambda_transform=True))
    main = files["main.tf"]
    start = main.index('resource "aws_kinesis_firehose_delivery_stream" "clicks"')
    block = main[start : main.index("\n}\n", start) + 3]
    # The stream alone: its references become literal ARNs.
    block = re.sub(r"\n\s*depends_on\s*=.*", "", block)
    block = re.sub(r"aws_[a-z0-9_]+\.[a-z0-9_]+\.arn", json.dumps("arn:aws:iam::123456789012:role/x"), block)
    block = block.replace("${var.name}", "clicks")
    # The versions of a design without functions: the aws provider only.
    (tmp_path / "versions.tf").write_text(render(_stream())["versions.tf"], encoding="utf-8")
    (tmp_path / "main.tf").write_text(block, encoding="utf-8")
    report = _validate(tmp_path)
    assert report["valid"] is True, report["diagnostics"]
    assert "processing_configuration" in block
