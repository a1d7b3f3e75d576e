"""Security groups drawn as nodes are written as the user set them, in both formats: the group in its VPC with its
description, CIDR rules, rules letting in another group and outbound rule; the services attached to it name it
beside their own group. cfn-lint and moto judge the template, terraform validate the files
(tests/exporters/test_terraform_validate.py)."""

from __future__ import annotations

import json

import boto3
import pytest
from moto import mock_aws

from archbuilder.catalog import ConnectionKind as K
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.registry import ExportError
from archbuilder.model import Architecture
from tests.exporters.cfn_tools import lint
from tests.exporters.moto_topology import deploy
from tests.exporters.tf_correspondence import check
from tests.model.builders import two_az_network

NO_OUTBOUND = {
    "IpProtocol": "-1",
    "CidrIp": "127.0.0.1/32",
    "Description": "no outbound traffic: this rule matches none and stands in for the default allow-all",
}


def group_nodes() -> Architecture:
    """Two groups drawn as nodes: one letting SSH in from an office range with no outbound traffic, attached to
    an instance and a database; one letting the first group in on a monitoring port, attached to the instance."""
    arch = two_az_network()
    arch.add_service("internet_gateway", "vpc", label="Gateway", node_id="igw")
    arch.add_service(
        "security_group",
        "vpc",
        label="Bastion access",
        node_id="bastion",
        properties={
            "group_description": "SSH from the office",
            "ingress": [
                {
                    "protocol": "tcp",
                    "from_port": 22,
                    "to_port": 22,
                    "cidr": "198.51.100.0/24",
                    "description": "office",
                }
            ],
            "allow_all_egress": False,
        },
    )
    arch.add_service(
        "security_group",
        "vpc",
        label="Monitoring",
        node_id="monitoring",
        properties={
            "ingress": [{"protocol": "tcp", "from_port": 9100, "to_port": 9100, "source_id": "bastion"}]
        },
    )
    arch.add_service(
        "ec2_instance",
        "private-a",
        label="Worker",
        node_id="worker",
        properties={"ami": "ami-0123456789abcdef0"},
    )
    arch.add_service(
        "rds_instance", "private-a", label="Orders", node_id="orders", extra_subnet_ids=["private-b"]
    )
    arch.connect("bastion", "worker", K.ATTACH)
    arch.connect("monitoring", "worker", K.ATTACH)
    arch.connect("bastion", "orders", K.ATTACH)
    arch.connect("worker", "orders", K.TRAFFIC)
    return arch


def test_a_drawn_group_is_written_as_set_and_its_services_name_it() -> None:
    template = build_template(group_nodes())
    resources_ = template["Resources"]
    assert resources_["BastionAccess"] == {
        "Type": "AWS::EC2::SecurityGroup",
        "Properties": {
            "GroupDescription": "SSH from the office",
            "VpcId": {"Ref": "Main"},
            "SecurityGroupIngress": [
                {
                    "IpProtocol": "tcp",
                    "FromPort": 22,
                    "ToPort": 22,
                    "Description": "office",
                    "CidrIp": "198.51.100.0/24",
                }
            ],
            "SecurityGroupEgress": [NO_OUTBOUND],
            "Tags": [
                {"Key": "Name", "Value": "Bastion access"},
                {"Key": "Environment", "Value": "production"},
                {"Key": "Design", "Value": "Untitled architecture"},
            ],
        },
    }
    # The catalog's description; all outbound traffic kept (no SecurityGroupEgress: AWS's default rule).
    monitoring = resources_["Monitoring"]["Properties"]
    assert (monitoring["GroupDescription"], "SecurityGroupEgress" in monitoring) == (
        "Managed by archbuilder",
        False,
    )
    assert resources_["MonitoringFromBastionAccessRule"]["Properties"] == {
        "GroupId": {"Ref": "Monitoring"},
        "IpProtocol": "tcp",
        "FromPort": 9100,
        "ToPort": 9100,
        "Description": "declared ingress rule",
        "SourceSecurityGroupId": {"Ref": "BastionAccess"},
    }
    assert resources_["Worker"]["Properties"]["SecurityGroupIds"] == [
        {"Ref": "WorkerSecurityGroup"},
        {"Ref": "BastionAccess"},
        {"Ref": "Monitoring"},
    ]
    assert resources_["Orders"]["Properties"]["VPCSecurityGroups"] == [
        {"Ref": "OrdersSecurityGroup"},
        {"Ref": "BastionAccess"},
    ]
    assert lint(json.dumps(template), "group-nodes.json") == []


def test_a_group_without_a_description_is_refused_by_name() -> None:
    arch = group_nodes()
    arch.set_property("monitoring", "group_description", " ")
    with pytest.raises(ExportError, match=r"^Monitoring: a security group needs a description"):
        build_template(arch)


@pytest.mark.parametrize(
    ("type_id", "parent", "why"),
    [
        ("nat_gateway", "public-a", "it takes no security group"),
        ("ebs_volume", "private-a", "it takes no security group"),
        ("opensearch_domain", "region", "it is in no VPC"),
    ],
)
def test_a_group_attached_to_what_takes_none_is_refused_by_name(type_id: str, parent: str, why: str) -> None:
    arch = group_nodes()
    arch.add_service(type_id, parent, label="Member", node_id="member")
    arch.connect("bastion", "member", K.ATTACH)
    with pytest.raises(
        ExportError, match=rf"^Bastion access: the security group cannot be attached to Member: {why}$"
    ):
        build_template(arch)


def test_the_drawn_groups_deploy_in_moto_in_their_vpc_with_their_rules() -> None:
    """moto's CloudFormation creates a group's ingress rules but not its SecurityGroupEgress (every group keeps
    the default outbound rule there), and gives an instance or a database none of the groups it names: the
    outbound rule and the members are judged in the template (cfn-lint) and in Terraform (terraform validate)."""
    arch = group_nodes()
    with mock_aws():
        physical = deploy(arch, "group-nodes")
        ec2 = boto3.client("ec2", region_name="us-east-1")
        groups = {
            g["GroupId"]: g
            for g in ec2.describe_security_groups(
                GroupIds=[physical["BastionAccess"], physical["Monitoring"]]
            )["SecurityGroups"]
        }
        bastion, monitoring = groups[physical["BastionAccess"]], groups[physical["Monitoring"]]
    assert (bastion["Description"], bastion["VpcId"]) == ("SSH from the office", physical["Main"])
    assert [
        (r["IpProtocol"], r["FromPort"], r["ToPort"], [x["CidrIp"] for x in r["IpRanges"]])
        for r in bastion["IpPermissions"]
    ] == [("tcp", 22, 22, ["198.51.100.0/24"])]
    assert [
        (r["FromPort"], [p["GroupId"] for p in r["UserIdGroupPairs"]]) for r in monitoring["IpPermissions"]
    ] == [(9100, [physical["BastionAccess"]])]


def test_the_drawn_groups_are_written_to_terraform_with_their_rules_and_members() -> None:
    found = check(group_nodes())  # resource by resource as in CloudFormation, every reference defined
    bastion = found[("aws_security_group", "bastion_access")]
    assert (bastion["description"], bastion["vpc_id"]) == ("SSH from the office", "${aws_vpc.main.id}")
    assert bastion["ingress"] == [
        {
            "description": "office",
            "protocol": "tcp",
            "from_port": 22,
            "to_port": 22,
            "cidr_blocks": ["198.51.100.0/24"],
        }
    ]
    assert bastion["egress"] == [
        {
            "description": NO_OUTBOUND["Description"],
            "protocol": "-1",
            "from_port": 0,
            "to_port": 0,
            "cidr_blocks": ["127.0.0.1/32"],
        }
    ]
    assert found[("aws_security_group", "monitoring")]["egress"] == [
        {
            "description": "all outbound",
            "protocol": "-1",
            "from_port": 0,
            "to_port": 0,
            "cidr_blocks": ["0.0.0.0/0"],
        }
    ]
    rule = found[("aws_vpc_security_group_ingress_rule", "monitoring_from_bastion_access_rule")]
    assert (rule["security_group_id"], rule["referenced_security_group_id"], rule["from_port"]) == (
        "${aws_security_group.monitoring.id}",
        "${aws_security_group.bastion_access.id}",
        9100,
    )
    assert found[("aws_instance", "worker")]["vpc_security_group_ids"] == [
        "${aws_security_group.worker_security_group.id}",
        "${aws_security_group.bastion_access.id}",
        "${aws_security_group.monitoring.id}",
    ]
    assert found[("aws_db_instance", "orders")]["vpc_security_group_ids"] == [
        "${aws_security_group.orders_security_group.id}",
        "${aws_security_group.bastion_access.id}",
    ]
