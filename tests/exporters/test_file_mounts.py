"""A function or an ECS service reading or writing an EFS file system mounts it: through the file system's access
point, from inside its VPC (its group let in on NFS's port), once the mount targets of its zones answer, with
ClientMount (and ClientWrite for a writer) granted on the file system. Before, the connection was named in the
export's warnings only; a client the design does not place for a mount still is, saying what is missing.
cfn-lint, moto and terraform validate (test_terraform_validate) judge the result."""

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


def mount_clients() -> Architecture:
    arch = two_az_network()
    arch.add_service(
        "lambda_function", "private-a", label="Writer", node_id="fn", extra_subnet_ids=["private-b"]
    )
    arch.add_service(
        "ecs_service", "private-a", label="Reader", node_id="svc", extra_subnet_ids=["private-b"]
    )
    arch.add_service("ecs_cluster", "region", label="Cluster", node_id="cluster")
    arch.add_service(
        "efs_file_system", "private-a", label="Shared", node_id="efs", extra_subnet_ids=["private-b"]
    )
    arch.connect("fn", "efs", K.WRITE)
    arch.connect("svc", "efs", K.READ)
    return arch


MOUNT_TARGETS = ["SharedPrivateAMountTarget", "SharedPrivateBMountTarget"]
ACCESS_POINT = {
    "Type": "AWS::EFS::AccessPoint",
    "Properties": {
        "FileSystemId": {"Ref": "Shared"},
        "PosixUser": {"Uid": "1000", "Gid": "1000"},
        "RootDirectory": {
            "Path": "/shared",
            "CreationInfo": {"OwnerUid": "1000", "OwnerGid": "1000", "Permissions": "750"},
        },
    },
}


def _allow(actions: list[str], *resources: Any) -> dict[str, Any]:
    return {"Effect": "Allow", "Action": actions, "Resource": list(resources)}


def _nfs_from(source: str) -> dict[str, Any]:
    return {
        "Type": "AWS::EC2::SecurityGroupIngress",
        "Properties": {
            "GroupId": {"Ref": "SharedSecurityGroup"},
            "IpProtocol": "tcp",
            "FromPort": 2049,
            "ToPort": 2049,
            "Description": f"from {source}",
            "SourceSecurityGroupId": {"Ref": f"{source}SecurityGroup"},
        },
    }


def test_each_client_mounts_the_file_system_through_its_access_point() -> None:
    template = build_template(mount_clients())
    resources = template["Resources"]
    assert resources["SharedAccessPoint"] == ACCESS_POINT
    writer = resources["Writer"]
    assert writer["Properties"]["FileSystemConfigs"] == [
        {"Arn": {"Fn::GetAtt": ["SharedAccessPoint", "Arn"]}, "LocalMountPath": "/mnt/shared"}
    ]
    assert writer["DependsOn"] == MOUNT_TARGETS
    task = resources["ReaderTaskDefinition"]["Properties"]
    assert task["Volumes"] == [
        {
            "Name": "Shared",
            "EFSVolumeConfiguration": {
                "FilesystemId": {"Ref": "Shared"},
                "TransitEncryption": "ENABLED",
                "AuthorizationConfig": {"AccessPointId": {"Ref": "SharedAccessPoint"}, "IAM": "ENABLED"},
            },
        }
    ]
    assert task["ContainerDefinitions"][0]["MountPoints"] == [
        {"SourceVolume": "Shared", "ContainerPath": "/mnt/shared", "ReadOnly": True}
    ]
    assert resources["Reader"]["DependsOn"] == MOUNT_TARGETS
    assert resources["SharedSecurityGroupFromWriter"] == _nfs_from("Writer")
    assert resources["SharedSecurityGroupFromReader"] == _nfs_from("Reader")
    assert lint(json.dumps(template), "mount_clients.json") == []
    assert export_notes("cloudformation", mount_clients()) == []


def test_a_writer_may_mount_and_write_a_reader_only_mount() -> None:
    resources = build_template(mount_clients())["Resources"]
    statements = {
        role: resources[f"{role}Policy"]["Properties"]["PolicyDocument"]["Statement"]
        for role in ("WriterRole", "ReaderRole")
    }
    shared = {
        "Fn::Sub": "arn:${AWS::Partition}:elasticfilesystem:${AWS::Region}:${AWS::AccountId}:file-system/${Shared}"
    }
    assert statements["WriterRole"][0] == _allow(
        ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"], shared
    )
    assert statements["ReaderRole"] == [_allow(["elasticfilesystem:ClientMount"], shared)]


def test_a_client_also_drawn_sending_traffic_is_let_in_once() -> None:
    arch = mount_clients()
    arch.connect("fn", "efs", K.TRAFFIC)
    resources = build_template(arch)["Resources"]
    rules = [body for body in resources.values() if body["Type"] == "AWS::EC2::SecurityGroupIngress"]
    assert sorted(rule["Properties"]["Description"] for rule in rules) == ["from Reader", "from Writer"]


def _notes_for(build: Any) -> list[str]:
    arch = build()
    assert export_notes("cloudformation", arch) == export_notes("terraform", arch)
    return export_notes("cloudformation", arch)


def test_a_client_the_design_does_not_place_for_a_mount_is_named_with_what_is_missing() -> None:
    def outside_the_vpc() -> Architecture:
        arch = two_az_network()
        arch.add_service("lambda_function", "region", label="Writer", node_id="fn")
        arch.add_service("efs_file_system", "private-a", label="Shared", node_id="efs")
        arch.connect("fn", "efs", K.WRITE)
        return arch

    def in_a_zone_without_a_mount_target() -> Architecture:
        arch = outside_the_vpc()
        arch.reparent_node("fn", "private-b", 0, 0)
        return arch

    def with_two_file_systems() -> Architecture:
        arch = mount_clients()
        arch.add_service(
            "efs_file_system", "private-a", label="Archive", node_id="archive", extra_subnet_ids=["private-b"]
        )
        arch.connect("fn", "archive", K.READ)
        return arch

    def from_an_instance() -> Architecture:
        arch = outside_the_vpc()
        arch.add_service("ec2_instance", "private-a", label="Host", node_id="host")
        arch.connect("host", "efs", K.READ)
        return arch

    step = "not declared, to do by hand:"
    assert _notes_for(outside_the_vpc) == [
        f"{step} Writer (Lambda): grant it write access to Shared (EFS) yourself: place it in subnets of the VPC "
        "of Shared: a file system is mounted from inside it"
    ]
    assert _notes_for(in_a_zone_without_a_mount_target) == [
        f"{step} Writer (Lambda): grant it write access to Shared (EFS) yourself: give Shared a subnet in "
        "AZ b too: a client mounts through the mount target of its own zone"
    ]
    # The function mounts the file system of its first connection (by id: fn-to-archive before fn-to-efs).
    assert _notes_for(with_two_file_systems) == [
        f"{step} Writer (Lambda): grant it write access to Shared (EFS) yourself: a function mounts one file "
        "system, and it mounts Archive"
    ]
    assert (
        f"{step} Host (EC2): grant it read access to Shared (EFS) yourself: the export writes a mount only for a function or an ECS service"
        in _notes_for(from_an_instance)
    )
    for build in (outside_the_vpc, in_a_zone_without_a_mount_target):
        assert "SharedAccessPoint" not in build_template(build())["Resources"]


def test_the_mounts_deploy() -> None:
    with mock_aws():
        physical = deploy(mount_clients(), "mount-clients")
        ecs = boto3.client("ecs", region_name="us-east-1")
        task = ecs.describe_task_definition(taskDefinition=physical["ReaderTaskDefinition"])["taskDefinition"]
        ec2 = boto3.client("ec2", region_name="us-east-1")
        [group] = ec2.describe_security_groups(GroupIds=[physical["SharedSecurityGroup"]])["SecurityGroups"]
    [volume] = task["volumes"]
    assert volume["name"] == "Shared"
    assert task["containerDefinitions"][0]["mountPoints"] == [
        {"sourceVolume": "Shared", "containerPath": "/mnt/shared", "readOnly": True}
    ]
    nfs = [rule for rule in group["IpPermissions"] if rule.get("FromPort") == 2049]
    assert sorted(pair["GroupId"] for rule in nfs for pair in rule["UserIdGroupPairs"]) == sorted(
        [physical["WriterSecurityGroup"], physical["ReaderSecurityGroup"]]
    )


def test_terraform_writes_the_same_mounts() -> None:
    found = check(mount_clients())
    point = found[("aws_efs_access_point", "shared_access_point")]
    assert (point["file_system_id"], point["posix_user"], point["root_directory"]) == (
        "${aws_efs_file_system.shared.id}",
        [{"uid": 1000, "gid": 1000}],
        [
            {
                "path": "/shared",
                "creation_info": [{"owner_uid": 1000, "owner_gid": 1000, "permissions": "750"}],
            }
        ],
    )
    writer = found[("aws_lambda_function", "writer")]
    assert writer["file_system_config"] == [
        {"arn": "${aws_efs_access_point.shared_access_point.arn}", "local_mount_path": "/mnt/shared"}
    ]
    task = found[("aws_ecs_task_definition", "reader_task_definition")]
    assert task["volume"] == [
        {
            "name": "Shared",
            "efs_volume_configuration": [
                {
                    "file_system_id": "${aws_efs_file_system.shared.id}",
                    "transit_encryption": "ENABLED",
                    "authorization_config": [
                        {
                            "access_point_id": "${aws_efs_access_point.shared_access_point.id}",
                            "iam": "ENABLED",
                        }
                    ],
                }
            ],
        }
    ]
    assert (
        'mountPoints = [{sourceVolume = "Shared", containerPath = "/mnt/shared", readOnly = true}]'
        in task["container_definitions"]
    )
