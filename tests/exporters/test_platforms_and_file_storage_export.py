"""EKS managed node groups, Elastic Beanstalk and FSx export to both formats with their roles and network; a Glacier
vault and a Storage Gateway, which CloudFormation cannot declare, are steps to do by hand (the gateway's role on the
buckets it is drawn to is written)."""

from __future__ import annotations

import json
from typing import Any

import boto3
from moto import mock_aws

from archbuilder.catalog import ConnectionKind as K
from archbuilder.exporters.cloudformation.manual import manual_steps
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.model import Architecture
from tests.exporters.cfn_tools import lint, moto_deployable
from tests.exporters.tf_correspondence import check
from tests.model.builders import two_az_network

STACK = "64bit Amazon Linux 2023 v4.3.1 running Python 3.11"


def platforms_and_files() -> Architecture:
    arch = two_az_network()
    add = arch.add_service
    add("internet_gateway", "vpc", label="IGW", node_id="igw")
    add("eks_cluster", "private-a", label="Kube", node_id="kube", extra_subnet_ids=["private-b"])
    add(
        "eks_node_group",
        "private-a",
        label="Workers",
        node_id="workers",
        extra_subnet_ids=["private-b"],
        properties={
            "capacity_type": "SPOT",
            "ingress": [{"protocol": "tcp", "from_port": 30000, "to_port": 32767, "cidr": "10.0.0.0/16"}],
        },
    )
    add("eks_node_group", "private-a", label="Orphans", node_id="orphans", extra_subnet_ids=["private-b"])
    add(
        "alb",
        "public-a",
        label="Front",
        node_id="front",
        extra_subnet_ids=["public-b"],
        properties={"internet_facing": True},
    )
    add("elastic_beanstalk", "private-a", label="Site", node_id="site", extra_subnet_ids=["private-b"])
    add(
        "elastic_beanstalk",
        "private-a",
        label="Jobs",
        node_id="jobs",
        extra_subnet_ids=["private-b"],
        properties={"tier": "Worker", "solution_stack": STACK},
    )
    add("sqs_queue", "region", label="Work", node_id="work")
    add("fsx_file_system", "private-a", label="Shares", node_id="shares", extra_subnet_ids=["private-b"])
    add(
        "fsx_file_system",
        "private-a",
        label="Scratch",
        node_id="scratch",
        properties={"file_system_type": "LUSTRE", "storage_capacity_gb": 1200},
    )
    add(
        "fsx_file_system",
        "private-a",
        label="Nas",
        node_id="nas",
        extra_subnet_ids=["private-b"],
        properties={
            "file_system_type": "ONTAP",
            "storage_capacity_gb": 1024,
            "throughput_capacity_mbps": 128,
        },
    )
    add("glacier_vault", "region", label="Archive", node_id="vault", properties={"vault_lock": True})
    add("storage_gateway", "region", label="Office files", node_id="gw")
    add("s3_bucket", "region", label="Files", node_id="files")
    add("ec2_instance", "private-a", label="App", node_id="app")
    arch.connect("kube", "workers", K.DEPLOY)
    arch.connect("front", "workers", K.TRAFFIC, port=30080)
    arch.connect("work", "jobs", K.POLL)
    arch.connect("gw", "files", K.WRITE)
    arch.connect("app", "shares", K.TRAFFIC)
    return arch


def _settings(environment: dict[str, Any]) -> dict[str, Any]:
    return {
        (s["Namespace"], s["OptionName"]): s["Value"] for s in environment["Properties"]["OptionSettings"]
    }


def test_platforms_and_files_pass_cfn_lint() -> None:
    assert lint(json.dumps(build_template(platforms_and_files())), "platforms.json") == []


def test_a_node_group_joins_its_cluster_and_opens_its_group() -> None:
    resources = build_template(platforms_and_files())["Resources"]
    group = resources["Workers"]["Properties"]
    assert (group["ClusterName"], group["CapacityType"], group["ScalingConfig"]) == (
        {"Ref": "Kube"},
        "SPOT",
        {"MinSize": 1, "MaxSize": 3, "DesiredSize": 2},
    )
    assert [
        p["Fn::Sub"].rsplit("/", 1)[1] for p in resources["WorkersRole"]["Properties"]["ManagedPolicyArns"]
    ] == [
        "AmazonEKSWorkerNodePolicy",
        "AmazonEC2ContainerRegistryReadOnly",
        "AmazonEKS_CNI_Policy",
    ]
    rule = resources["WorkersFromFront"]["Properties"]
    assert (rule["GroupId"], rule["FromPort"], rule["SourceSecurityGroupId"]) == (
        {"Fn::GetAtt": ["Kube", "ClusterSecurityGroupId"]},
        30080,
        {"Ref": "FrontSecurityGroup"},
    )
    assert resources["WorkersIngress1"]["Properties"]["CidrIp"] == "10.0.0.0/16"
    assert "WorkersSecurityGroup" not in resources and "Orphans" not in resources


def test_beanstalk_environments_take_their_tier_capacity_and_network() -> None:
    template = build_template(platforms_and_files())
    resources = template["Resources"]
    site = _settings(resources["Site"])
    assert site[("aws:ec2:vpc", "Subnets")] == {"Fn::Join": [",", [{"Ref": "PrivateA"}, {"Ref": "PrivateB"}]]}
    assert site[("aws:ec2:vpc", "ELBSubnets")] == {
        "Fn::Join": [",", [{"Ref": "PublicA"}, {"Ref": "PublicB"}]]
    }
    assert (
        site[("aws:autoscaling:asg", "MinSize")],
        site[("aws:elasticbeanstalk:command", "DeploymentPolicy")],
    ) == (
        "2",
        "Rolling",
    )
    assert "Default" not in template["Parameters"]["SiteSolutionStack"]
    jobs = resources["Jobs"]["Properties"]
    assert jobs["Tier"] == {"Name": "Worker", "Type": "SQS/HTTP"}
    assert _settings(resources["Jobs"])[("aws:elasticbeanstalk:sqsd", "WorkerQueueURL")] == {"Ref": "Work"}
    assert template["Parameters"]["JobsSolutionStack"]["Default"] == STACK


def test_file_systems_take_their_kinds_settings() -> None:
    resources = build_template(platforms_and_files())["Resources"]
    shares = resources["Shares"]["Properties"]
    assert shares["WindowsConfiguration"] == {
        "ActiveDirectoryId": {"Ref": "SharesDirectoryId"},
        "DeploymentType": "MULTI_AZ_1",
        "ThroughputCapacity": 32,
        "AutomaticBackupRetentionDays": 7,
        "PreferredSubnetId": {"Ref": "PrivateA"},
    }
    assert resources["Scratch"]["Properties"]["SubnetIds"] == [{"Ref": "PrivateA"}]
    assert resources["Scratch"]["Properties"]["LustreConfiguration"]["DeploymentType"] == "PERSISTENT_2"
    assert resources["Nas"]["Properties"]["OntapConfiguration"]["RouteTableIds"] == [
        {"Ref": "MainPublicRouteTable"},
        {"Ref": "MainPrivateRouteTableA"},
        {"Ref": "MainPrivateRouteTableB"},
    ]
    assert resources["Shares"]["DeletionPolicy"] == "Retain"


def test_what_cloudformation_cannot_declare_is_named_and_the_rest_written() -> None:
    template = build_template(platforms_and_files())
    steps = manual_steps(template)
    assert [step.split(":")[0] for step in steps] == [  # in the order of their nodes' labels
        "Archive (Glacier)",
        # The balancer's HTTPS listener presents the certificate the deploy gives (none is attached).
        "Front (ALB)",
        "Office files (Storage Gateway)",
        "Orphans (EKS nodes)",
        "Shares (FSx)",
        "Site (Beanstalk)",
    ]
    assert "lock its compliance policy" in steps[0]
    assert "as the FrontCertificateArn parameter at deploy" in steps[1]
    assert "create its NFS or SMB file shares on Files as OfficeFilesRole" in steps[2]
    grants = template["Resources"]["OfficeFilesRolePolicy"]["Properties"]["PolicyDocument"]["Statement"]
    assert grants[0]["Action"] == ["s3:DeleteObject", "s3:PutObject"]


def test_the_terraform_corresponds() -> None:
    found = check(platforms_and_files())
    assert found[("aws_eks_node_group", "workers")]["cluster_name"] == "${aws_eks_cluster.kube.name}"
    assert found[("aws_vpc_security_group_ingress_rule", "workers_from_front")]["security_group_id"] == (
        "${aws_eks_cluster.kube.vpc_config[0].cluster_security_group_id}"
    )
    assert found[("aws_fsx_lustre_file_system", "scratch")]["per_unit_storage_throughput"] == 125
    assert found[("aws_fsx_ontap_file_system", "nas")]["deployment_type"] == "MULTI_AZ_1"
    assert found[("aws_fsx_windows_file_system", "shares")]["lifecycle"] == [{"prevent_destroy": True}]
    environment = found[("aws_elastic_beanstalk_environment", "jobs")]
    assert (environment["tier"], environment["solution_stack_name"]) == (
        "Worker",
        "${var.jobs_solution_stack}",
    )


def test_platforms_and_files_deploy_in_moto() -> None:
    deployable, _dropped = moto_deployable(build_template(platforms_and_files()))
    with mock_aws():
        cloudformation = boto3.client("cloudformation", region_name="us-east-1")
        cloudformation.create_stack(
            StackName="platforms", TemplateBody=json.dumps(deployable), Capabilities=["CAPABILITY_IAM"]
        )
        assert (
            cloudformation.describe_stacks(StackName="platforms")["Stacks"][0]["StackStatus"]
            == "CREATE_COMPLETE"
        )
        physical = {
            r["LogicalResourceId"]: r.get("PhysicalResourceId")
            for r in cloudformation.describe_stack_resources(StackName="platforms")["StackResources"]
        }
        iam = boto3.client("iam", region_name="us-east-1")
        role = iam.get_role(RoleName=physical["WorkersRole"])["Role"]
        assert role["AssumeRolePolicyDocument"]["Statement"][0]["Principal"] == {
            "Service": "ec2.amazonaws.com"
        }
        ec2 = boto3.client("ec2", region_name="us-east-1")
        [group] = ec2.describe_security_groups(GroupIds=[physical["SharesSecurityGroup"]])["SecurityGroups"]
        assert group["VpcId"] == physical["Main"]
