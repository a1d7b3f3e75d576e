"""An ECS service on EC2 exports as EC2: container instances of the ECS-optimised AMI that join the cluster, a
capacity provider on their Auto Scaling group associated with the cluster, and the service placing its tasks
through that provider. The template is exact, cfn-lint clean, and deploys in moto, where what was built is read
back; the Fargate service beside it stays on Fargate."""

from __future__ import annotations

import base64
import json
from typing import Any

import boto3
import pytest
from moto import mock_aws

from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.registry import ExportError
from tests.exporters.cfn_tools import lint
from tests.exporters.ecs_on_ec2 import ecs_on_ec2
from tests.exporters.moto_topology import deploy

TAGS = [{"Key": "Environment", "Value": "production"}, {"Key": "Design", "Value": "Orders on EC2"}]
ECS_AMI = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id"


def resources() -> dict[str, Any]:
    return build_template(ecs_on_ec2())["Resources"]  # type: ignore[no-any-return]


def test_the_container_instances_are_written_exactly() -> None:
    written = resources()
    assert written["OrdersInstanceRole"]["Properties"]["ManagedPolicyArns"] == [
        {"Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"},
        {"Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore"},
    ]
    assert written["OrdersInstanceRole"]["Properties"]["AssumeRolePolicyDocument"]["Statement"] == [
        {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}
    ]
    assert written["OrdersInstanceProfile"] == {
        "Type": "AWS::IAM::InstanceProfile",
        "Properties": {"Roles": [{"Ref": "OrdersInstanceRole"}]},
    }
    # The instances' own group lets nothing in: each task has an interface of its own in the service's group.
    assert written["OrdersInstanceSecurityGroup"]["Properties"] == {
        "GroupDescription": "Container instances of Orders",
        "VpcId": {"Ref": "Main"},
        "Tags": [{"Key": "Name", "Value": "Orders"}, *TAGS],
    }
    assert written["OrdersLaunchTemplate"]["Properties"] == {
        "LaunchTemplateData": {
            "ImageId": {"Ref": "EcsAmiId"},
            "InstanceType": {"Ref": "OrdersInstanceType"},
            "IamInstanceProfile": {"Arn": {"Fn::GetAtt": ["OrdersInstanceProfile", "Arn"]}},
            "SecurityGroupIds": [{"Ref": "OrdersInstanceSecurityGroup"}],
            "MetadataOptions": {"HttpTokens": "required"},
            "UserData": {
                "Fn::Base64": {"Fn::Sub": "#!/bin/bash\necho ECS_CLUSTER=${Cluster} >> /etc/ecs/ecs.config\n"}
            },
            "BlockDeviceMappings": [
                {"DeviceName": "/dev/xvda", "Ebs": {"VolumeSize": 30, "VolumeType": "gp3", "Encrypted": True}}
            ],
        }
    }
    assert written["OrdersInstances"]["Properties"] == {
        "MinSize": "1",
        "MaxSize": "3",
        "VPCZoneIdentifier": [{"Ref": "PrivateA"}, {"Ref": "PrivateB"}],
        "LaunchTemplate": {
            "LaunchTemplateId": {"Ref": "OrdersLaunchTemplate"},
            "Version": {"Fn::GetAtt": ["OrdersLaunchTemplate", "LatestVersionNumber"]},
        },
        "NewInstancesProtectedFromScaleIn": True,
        "Tags": [
            {"Key": "AmazonECSManaged", "Value": "true", "PropagateAtLaunch": True},
            {"Key": "Name", "Value": "Orders", "PropagateAtLaunch": True},
            *({**tag, "PropagateAtLaunch": True} for tag in TAGS),
        ],
    }
    assert written["OrdersCapacityProvider"] == {
        "Type": "AWS::ECS::CapacityProvider",
        "Properties": {
            "AutoScalingGroupProvider": {
                "AutoScalingGroupArn": {"Ref": "OrdersInstances"},
                "ManagedScaling": {"Status": "ENABLED", "TargetCapacity": 100},
                "ManagedTerminationProtection": "ENABLED",
            }
        },
    }


def test_the_cluster_is_associated_with_every_provider_and_names_none_itself() -> None:
    written = resources()
    assert written["ClusterCapacityProviders"] == {
        "Type": "AWS::ECS::ClusterCapacityProviderAssociations",
        "Properties": {
            "Cluster": {"Ref": "Cluster"},
            "CapacityProviders": ["FARGATE", "FARGATE_SPOT", {"Ref": "OrdersCapacityProvider"}],
            "DefaultCapacityProviderStrategy": [{"CapacityProvider": "FARGATE", "Weight": 1}],
        },
    }
    assert "CapacityProviders" not in written["Cluster"]["Properties"]
    assert "DefaultCapacityProviderStrategy" not in written["Cluster"]["Properties"]


def test_the_service_places_its_tasks_through_its_provider_and_the_fargate_one_stays_on_fargate() -> None:
    written = resources()
    orders = written["Orders"]
    assert orders["DependsOn"] == ["FrontListener", "ClusterCapacityProviders"]
    assert "LaunchType" not in orders["Properties"]
    assert orders["Properties"]["CapacityProviderStrategy"] == [
        {"CapacityProvider": {"Ref": "OrdersCapacityProvider"}, "Weight": 1}
    ]
    task = written["OrdersTaskDefinition"]["Properties"]
    assert (task["RequiresCompatibilities"], task["NetworkMode"]) == (["EC2"], "awsvpc")
    assert orders["Properties"]["NetworkConfiguration"]["AwsvpcConfiguration"]["SecurityGroups"] == [
        {"Ref": "OrdersSecurityGroup"}
    ]
    reports = written["Reports"]
    assert reports["Properties"]["LaunchType"] == "FARGATE"
    assert "CapacityProviderStrategy" not in reports["Properties"]
    assert written["ReportsTaskDefinition"]["Properties"]["RequiresCompatibilities"] == ["FARGATE"]
    assert not any(name.startswith("ReportsInstance") for name in written)


def test_the_ami_and_the_instance_type_are_parameters_with_the_designs_values() -> None:
    parameters = build_template(ecs_on_ec2())["Parameters"]
    assert parameters["EcsAmiId"] == {
        "Type": "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>",
        "Default": ECS_AMI,
        "Description": "AMI for ECS container instances (defaults to the latest ECS-optimised Amazon Linux 2023)",
    }
    assert parameters["OrdersInstanceType"]["Default"] == "m7i.large"


def test_the_template_is_cfn_lint_clean() -> None:
    assert lint(json.dumps(build_template(ecs_on_ec2())), "ecs-on-ec2.json", informational=True) == []


def test_a_service_on_ec2_without_a_cluster_is_refused_by_name() -> None:
    arch = ecs_on_ec2()
    arch.remove_node("cluster")
    with pytest.raises(ExportError) as refused:
        build_template(arch)
    assert str(refused.value) == (
        "Orders: an ECS service on EC2 needs an ECS cluster in the design for its container instances to join; "
        "add one, or set its launch type to FARGATE"
    )


def _put_capacity(template: dict[str, Any], physical: dict[str, str]) -> None:
    """moto's CloudFormation has no capacity providers (moto_stand_ins.py): the provider and the cluster's
    association are put through the ECS API with the template's properties, on what the stack created."""
    ecs = boto3.client("ecs", region_name="us-east-1")
    provider = template["Resources"]["OrdersCapacityProvider"]["Properties"]["AutoScalingGroupProvider"]
    group = boto3.client("autoscaling", region_name="us-east-1").describe_auto_scaling_groups(
        AutoScalingGroupNames=[physical["OrdersInstances"]]
    )["AutoScalingGroups"][0]
    ecs.create_capacity_provider(
        name="OrdersCapacityProvider",
        autoScalingGroupProvider={
            "autoScalingGroupArn": group["AutoScalingGroupARN"],
            "managedScaling": {
                "status": provider["ManagedScaling"]["Status"],
                "targetCapacity": provider["ManagedScaling"]["TargetCapacity"],
            },
            "managedTerminationProtection": provider["ManagedTerminationProtection"],
        },
    )
    association = template["Resources"]["ClusterCapacityProviders"]["Properties"]
    ecs.put_cluster_capacity_providers(
        cluster=physical["Cluster"],
        capacityProviders=[p if isinstance(p, str) else p["Ref"] for p in association["CapacityProviders"]],
        defaultCapacityProviderStrategy=[
            {"capacityProvider": s["CapacityProvider"], "weight": s["Weight"]}
            for s in association["DefaultCapacityProviderStrategy"]
        ],
    )


def test_the_stack_deploys_in_moto_with_instances_that_join_the_cluster() -> None:
    arch = ecs_on_ec2()
    with mock_aws():
        physical = deploy(arch, "orders")
        region = "us-east-1"
        autoscaling = boto3.client("autoscaling", region_name=region)
        [group] = autoscaling.describe_auto_scaling_groups(
            AutoScalingGroupNames=[physical["OrdersInstances"]]
        )["AutoScalingGroups"]
        assert group["NewInstancesProtectedFromScaleIn"] is True
        assert (group["MinSize"], group["MaxSize"]) == (1, 3)
        assert sorted(group["VPCZoneIdentifier"].split(",")) == sorted(
            [physical["PrivateA"], physical["PrivateB"]]
        )
        assert {t["Key"]: t["Value"] for t in group["Tags"]}["AmazonECSManaged"] == "true"
        ec2 = boto3.client("ec2", region_name=region)
        version = ec2.describe_launch_template_versions(LaunchTemplateId=physical["OrdersLaunchTemplate"])[
            "LaunchTemplateVersions"
        ][0]["LaunchTemplateData"]
        ami = boto3.client("ssm", region_name=region).get_parameter(Name=ECS_AMI)["Parameter"]["Value"]
        assert (version["ImageId"], version["InstanceType"]) == (ami, "m7i.large")
        assert base64.b64decode(version["UserData"]).decode() == (
            f"#!/bin/bash\necho ECS_CLUSTER={physical['Cluster']} >> /etc/ecs/ecs.config\n"
        )
        assert version["SecurityGroupIds"] == [physical["OrdersInstanceSecurityGroup"]]
        # The instances run as the role of their profile (moto's CloudFormation attaches no managed policies, so
        # those are checked in the template above).
        iam = boto3.client("iam", region_name=region)
        profile = iam.get_instance_profile(InstanceProfileName=physical["OrdersInstanceProfile"])
        assert [r["RoleName"] for r in profile["InstanceProfile"]["Roles"]] == [
            physical["OrdersInstanceRole"]
        ]
        assert version["IamInstanceProfile"]["Arn"] == profile["InstanceProfile"]["Arn"]
        ecs = boto3.client("ecs", region_name=region)
        # moto's CloudFormation keeps neither compatibilities nor network mode (the template's are checked
        # above); the service is created in the cluster its instances join.
        [service] = ecs.describe_services(cluster=physical["Cluster"], services=[physical["Orders"]])[
            "services"
        ]
        assert service["status"] == "ACTIVE"
        _put_capacity(build_template(arch), physical)
        [cluster] = ecs.describe_clusters(clusters=[physical["Cluster"]])["clusters"]
        assert cluster["capacityProviders"] == ["FARGATE", "FARGATE_SPOT", "OrdersCapacityProvider"]
        [provider] = ecs.describe_capacity_providers(capacityProviders=["OrdersCapacityProvider"])[
            "capacityProviders"
        ]
        assert provider["autoScalingGroupProvider"]["autoScalingGroupArn"] == group["AutoScalingGroupARN"]
