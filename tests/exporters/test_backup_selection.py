"""What is drawn writing to an AWS Backup vault is backed up into it: the vault's plan selects every connected
resource AWS Backup protects, by the ARN AWS Backup knows it by (RDS instances, Aurora, Neptune and DocumentDB
clusters, Redshift clusters, FSx file systems, EC2 instances, EBS volumes, DynamoDB tables, EFS file systems,
versioned buckets), with the role it backs them up and restores them with. What it cannot back up as written (a
function, an FSx for ONTAP file system, whose volumes are backed up, a bucket without versioning) is named in the
export's warnings with why. cfn-lint, moto (the stack, less the Backup resources it has no model for) and terraform
validate (test_terraform_validate) judge the result."""

from __future__ import annotations

import json
from typing import Any

from moto import mock_aws

from archbuilder.catalog import ConnectionKind as K
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.registry import export_notes
from archbuilder.model import Architecture
from tests.exporters.cfn_tools import lint
from tests.exporters.moto_topology import deploy
from tests.exporters.tf_correspondence import check
from tests.model.builders import two_az_network

# (type, label, properties, in both private subnets): each drawn writing to the vault.
SOURCES: list[tuple[str, str, dict[str, Any], bool]] = [
    ("rds_instance", "Orders", {}, True),
    ("aurora_cluster", "Ledger", {}, True),
    ("neptune_cluster", "Graph", {}, True),
    ("documentdb_cluster", "Docs", {}, True),
    ("redshift_cluster", "Warehouse", {}, True),
    ("fsx_file_system", "Shares", {"file_system_type": "OPENZFS", "storage_capacity_gb": 64}, True),
    (
        "fsx_file_system",
        "Filer",
        {"file_system_type": "ONTAP", "storage_capacity_gb": 1024, "throughput_capacity_mbps": 128},
        True,
    ),
    ("ec2_instance", "Host", {}, False),
    ("ebs_volume", "Scratch", {}, False),
    ("dynamodb_table", "Sessions", {}, False),
    ("efs_file_system", "Home", {}, True),
    ("s3_bucket", "Archive", {}, False),
    ("s3_bucket", "Scratchpad", {"versioning": False}, False),
    ("lambda_function", "Worker", {}, False),
]


# What AWS Backup cannot back up as the export writes it.
NOT_BACKED_UP = {"Filer", "Scratchpad", "Worker"}


def backed_up(*, protected_only: bool = False) -> Architecture:
    """The vault and what is drawn writing to it; `protected_only` leaves out what AWS Backup cannot back up, and
    the vault's key."""
    arch = two_az_network()
    arch.add_service("backup_vault", "region", label="Vault", node_id="vault")
    if not protected_only:
        arch.add_service("kms_key", "region", label="Vault key", node_id="key")
        arch.connect("key", "vault", K.ATTACH)  # the vault's key: not something backed up, and not said to be
    for kind, label, props, spread in SOURCES:
        if protected_only and label in NOT_BACKED_UP:
            continue
        placed = kind not in ("dynamodb_table", "s3_bucket")
        arch.add_service(
            kind,
            "private-a" if placed else "region",
            label=label,
            node_id=label.lower(),
            extra_subnet_ids=["private-b"] if spread else [],
            properties=props,
        )
        arch.connect(label.lower(), "vault", K.WRITE)
    return arch


def _arn(built: str) -> dict[str, str]:
    return {"Fn::Sub": f"arn:${{AWS::Partition}}:{built}"}


REGION = "${AWS::Region}:${AWS::AccountId}"
SELECTED = [
    {"Fn::GetAtt": ["Archive", "Arn"]},
    _arn(f"rds:{REGION}:cluster:${{Docs}}"),
    _arn(f"rds:{REGION}:cluster:${{Graph}}"),
    {"Fn::GetAtt": ["Home", "Arn"]},
    _arn(f"ec2:{REGION}:instance/${{Host}}"),
    _arn(f"rds:{REGION}:cluster:${{Ledger}}"),
    _arn(f"rds:{REGION}:db:${{Orders}}"),
    _arn(f"ec2:{REGION}:volume/${{Scratch}}"),
    {"Fn::GetAtt": ["Sessions", "Arn"]},
    _arn(f"fsx:{REGION}:file-system/${{Shares}}"),
    _arn(f"redshift:{REGION}:cluster:${{Warehouse}}"),
]
STEP = "not declared, to do by hand: {} back it up into Vault (Backup) yourself: {}"


def test_the_plan_selects_what_aws_backup_protects_by_its_arn() -> None:
    template = build_template(backed_up())
    selection = template["Resources"]["VaultSelection"]["Properties"]
    assert selection == {
        "BackupPlanId": {"Ref": "VaultPlan"},
        "BackupSelection": {
            "SelectionName": "connected",
            "IamRoleArn": {"Fn::GetAtt": ["VaultRole", "Arn"]},
            "Resources": SELECTED,
        },
    }
    [rule] = template["Resources"]["VaultPlan"]["Properties"]["BackupPlan"]["BackupPlanRule"]
    assert rule == {
        "RuleName": "scheduled",
        "TargetBackupVault": {"Ref": "Vault"},
        "ScheduleExpression": "cron(0 5 * * ? *)",
        "Lifecycle": {"DeleteAfterDays": 35},
    }
    assert lint(json.dumps(template), "backed_up.json") == []


def test_what_aws_backup_cannot_back_up_is_named_with_why() -> None:
    notes = [note for note in export_notes("cloudformation", backed_up()) if "Vault (Backup)" in note]
    assert notes == [
        STEP.format(
            "Filer (FSx):",
            "AWS Backup backs up an ONTAP file system by its volumes, which the export does not write",
        ),
        STEP.format(
            "Scratchpad (S3):",
            "AWS Backup backs up versioned buckets only, and the design turns its versioning off",
        ),
        STEP.format("Worker (Lambda):", "AWS Backup protects no Lambda"),
    ]


def test_the_stack_deploys_and_terraform_selects_the_same_resources() -> None:
    with mock_aws():
        physical = deploy(backed_up(), "backed-up")
    # moto has no model of the Backup resources, nor of the graph, document and Redshift clusters
    # (moto_stand_ins.py): what it creates of the rest is there.
    assert {"Archive", "Home", "Host", "Orders", "Scratch", "Sessions"} <= set(physical)
    selected = check(backed_up())[("aws_backup_selection", "vault_selection")]["resources"]
    where = "${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}"

    def arn(service: str, resource: str) -> str:
        return f"arn:${{data.aws_partition.current.partition}}:{service}:{where}:{resource}"

    assert selected == [
        "${aws_s3_bucket.archive.arn}",
        arn("rds", "cluster:${aws_docdb_cluster.docs.id}"),
        arn("rds", "cluster:${aws_neptune_cluster.graph.id}"),
        "${aws_efs_file_system.home.arn}",
        arn("ec2", "instance/${aws_instance.host.id}"),
        arn("rds", "cluster:${aws_rds_cluster.ledger.id}"),
        arn("rds", "db:${aws_db_instance.orders.identifier}"),
        arn("ec2", "volume/${aws_ebs_volume.scratch.id}"),
        "${aws_dynamodb_table.sessions.arn}",
        arn("fsx", "file-system/${aws_fsx_openzfs_file_system.shares.id}"),
        arn("redshift", "cluster:${aws_redshift_cluster.warehouse.id}"),
    ]
