"""Clustered stores, file and block storage, backups, interface endpoints, Classic Load Balancers and WAF in the
CloudFormation export: exact template content, cfn-lint, and a moto deployment of what moto emulates."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest
from moto import mock_aws

from archbuilder.catalog import ConnectionKind as K
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.registry import ExportError
from archbuilder.model import Architecture
from tests.exporters.cfn_tools import lint, moto_deployable
from tests.model.builders import two_az_network


def data_platform() -> Architecture:
    arch = two_az_network()
    add = arch.add_service
    add("internet_gateway", "vpc", label="IGW", node_id="igw")
    add(
        "clb",
        "public-a",
        label="Legacy LB",
        node_id="clb",
        extra_subnet_ids=["public-b"],
        properties={"internet_facing": True, "listener_port": 80, "listener_protocol": "HTTP"},
    )
    add("autoscaling_group", "private-a", label="Web fleet", node_id="fleet", extra_subnet_ids=["private-b"])
    add("ec2_instance", "private-a", label="Worker", node_id="worker")
    add("ebs_volume", "private-a", label="Scratch", node_id="scratch", properties={"volume_size_gb": 50})
    add("efs_file_system", "private-a", label="Shared files", node_id="files", extra_subnet_ids=["private-b"])
    add(
        "aurora_cluster",
        "private-a",
        label="Ledger",
        node_id="ledger",
        extra_subnet_ids=["private-b"],
        properties={"engine": "aurora-mysql", "instance_count": 2},
    )
    add(
        "aurora_cluster",
        "private-a",
        label="Reports",
        node_id="reports",
        extra_subnet_ids=["private-b"],
        properties={"capacity_mode": "serverless_v2", "min_capacity_acu": 0.5, "max_capacity_acu": 8},
    )
    add(
        "redshift_cluster",
        "private-a",
        label="Warehouse",
        node_id="warehouse",
        extra_subnet_ids=["private-b"],
    )
    add("opensearch_domain", "private-a", label="Search", node_id="search", extra_subnet_ids=["private-b"])
    add(
        "vpc_endpoint_interface",
        "private-a",
        label="Secrets endpoint",
        node_id="vpce",
        extra_subnet_ids=["private-b"],
    )
    add("backup_vault", "region", label="Nightly backups", node_id="vault")
    add("dynamodb_table", "region", label="Sessions", node_id="sessions")
    add("waf_web_acl", "region", label="Edge rules", node_id="waf")
    add(
        "alb",
        "public-a",
        label="App LB",
        node_id="alb",
        extra_subnet_ids=["public-b"],
        properties={"internet_facing": True},
    )
    arch.connect("clb", "fleet", K.TRAFFIC, port=8080)
    arch.connect("scratch", "worker", K.ATTACH)
    arch.connect("worker", "files", K.TRAFFIC)
    arch.connect("worker", "ledger", K.TRAFFIC)
    arch.connect("ledger", "vault", K.ATTACH)
    arch.connect("files", "vault", K.ATTACH)
    arch.connect("sessions", "vault", K.ATTACH)
    arch.connect("waf", "alb", K.ATTACH)
    arch.connect("alb", "worker", K.TRAFFIC)
    return arch


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    return build_template(data_platform())


def test_aurora_cluster_with_instances_snapshot_policy_and_managed_password(template: dict[str, Any]) -> None:
    resources = template["Resources"]
    cluster = resources["Ledger"]
    assert (cluster["Type"], cluster["DeletionPolicy"], cluster["UpdateReplacePolicy"]) == (
        "AWS::RDS::DBCluster",
        "Snapshot",
        "Snapshot",
    )
    props = cluster["Properties"]
    assert (props["Engine"], props["ManageMasterUserPassword"], props["StorageEncrypted"]) == (
        "aurora-mysql",
        True,
        True,
    )
    assert "MasterUserPassword" not in props
    assert resources["LedgerSubnetGroup"]["Properties"]["SubnetIds"] == [
        {"Ref": "PrivateA"},
        {"Ref": "PrivateB"},
    ]
    instances = [
        n for n, b in resources.items() if b["Properties"].get("DBClusterIdentifier") == {"Ref": "Ledger"}
    ]
    assert instances == ["LedgerInstance1", "LedgerInstance2"]
    rule = resources["LedgerSecurityGroupFromWorker"]["Properties"]
    assert (rule["FromPort"], rule["SourceSecurityGroupId"]) == (3306, {"Ref": "WorkerSecurityGroup"})


def test_serverless_v2_aurora_scales_in_acus_on_serverless_instances(template: dict[str, Any]) -> None:
    resources = template["Resources"]
    assert resources["Reports"]["Properties"]["ServerlessV2ScalingConfiguration"] == {
        "MinCapacity": 0.5,
        "MaxCapacity": 8.0,
    }
    classes = {
        name: block["Properties"]["DBInstanceClass"]
        for name, block in resources.items()
        if block["Properties"].get("DBClusterIdentifier") == {"Ref": "Reports"}
    }
    assert classes == {"ReportsInstance1": "db.serverless", "ReportsInstance2": "db.serverless"}
    assert "ServerlessV2ScalingConfiguration" not in resources["Ledger"]["Properties"]


def test_efs_mount_target_per_az_and_ebs_attached_to_its_instance(template: dict[str, Any]) -> None:
    resources = template["Resources"]
    mounts = {
        n: b["Properties"]["SubnetId"] for n, b in resources.items() if b["Type"] == "AWS::EFS::MountTarget"
    }
    assert mounts == {
        "SharedFilesPrivateAMountTarget": {"Ref": "PrivateA"},
        "SharedFilesPrivateBMountTarget": {"Ref": "PrivateB"},
    }
    assert resources["SharedFiles"]["Properties"]["BackupPolicy"] == {"Status": "ENABLED"}
    assert resources["SharedFiles"]["DeletionPolicy"] == "Retain"
    volume = resources["Scratch"]
    assert volume["Properties"]["AvailabilityZone"] == {"Fn::Select": [0, {"Fn::GetAZs": ""}]}
    assert (volume["Properties"]["Encrypted"], volume["DeletionPolicy"]) == (True, "Snapshot")
    assert resources["ScratchWorkerAttachment"]["Properties"] == {
        "InstanceId": {"Ref": "Worker"},
        "VolumeId": {"Ref": "Scratch"},
        "Device": "/dev/sdf",
    }


def test_backup_selection_lists_the_attached_resources(template: dict[str, Any]) -> None:
    selection = template["Resources"]["NightlyBackupsSelection"]["Properties"]["BackupSelection"]
    assert selection["Resources"] == [
        {"Fn::GetAtt": ["SharedFiles", "Arn"]},
        {"Fn::Sub": "arn:${AWS::Partition}:rds:${AWS::Region}:${AWS::AccountId}:cluster:${Ledger}"},
        {"Fn::GetAtt": ["Sessions", "Arn"]},
    ]
    assert selection["IamRoleArn"] == {"Fn::GetAtt": ["NightlyBackupsRole", "Arn"]}


def test_classic_load_balancer_registers_the_scaling_group(template: dict[str, Any]) -> None:
    resources = template["Resources"]
    balancer = resources["LegacyLB"]["Properties"]
    assert balancer["Listeners"] == [
        {"InstancePort": "8080", "InstanceProtocol": "HTTP", "LoadBalancerPort": "80", "Protocol": "HTTP"}
    ]
    fleet = resources["WebFleet"]["Properties"]
    assert (fleet["LoadBalancerNames"], fleet["HealthCheckType"]) == ([{"Ref": "LegacyLB"}], "ELB")


def test_web_acl_is_associated_with_the_load_balancer(template: dict[str, Any]) -> None:
    resources = template["Resources"]
    assert resources["EdgeRules"]["Properties"]["Scope"] == "REGIONAL"
    assert resources["EdgeRulesAppLBAssociation"]["Properties"] == {
        "ResourceArn": {"Ref": "AppLB"},
        "WebACLArn": {"Fn::GetAtt": ["EdgeRules", "Arn"]},
    }


def test_stores_in_the_vpc_use_its_subnets_and_groups(template: dict[str, Any]) -> None:
    resources = template["Resources"]
    search = resources["Search"]["Properties"]
    assert search["VPCOptions"]["SubnetIds"] == [{"Ref": "PrivateA"}, {"Ref": "PrivateB"}]
    assert search["ClusterConfig"]["ZoneAwarenessConfig"] == {"AvailabilityZoneCount": 2}
    warehouse = resources["Warehouse"]["Properties"]
    assert (warehouse["ManageMasterPassword"], warehouse["Encrypted"], warehouse["NumberOfNodes"]) == (
        True,
        True,
        2,
    )
    endpoint = resources["SecretsEndpoint"]["Properties"]
    assert (endpoint["VpcEndpointType"], endpoint["SubnetIds"]) == (
        "Interface",
        [{"Ref": "PrivateA"}, {"Ref": "PrivateB"}],
    )


def test_cfn_lint_accepts_the_data_platform(template: dict[str, Any]) -> None:
    assert lint(json.dumps(template), "stores.json") == []


def test_the_data_platform_deploys_in_moto(template: dict[str, Any]) -> None:
    with mock_aws():
        deployable, dropped = moto_deployable(template)
        # moto cannot create an Aurora instance without its own EngineVersion, which AWS takes from the
        # cluster (and the template rightly leaves out), and ignores DBClusterIdentifier: give it a version.
        for name in ("LedgerInstance1", "LedgerInstance2"):
            deployable["Resources"][name]["Properties"]["EngineVersion"] = "8.0.mysql_aurora.3.05.2"
        for name in ("ReportsInstance1", "ReportsInstance2"):
            deployable["Resources"][name]["Properties"]["EngineVersion"] = "16.4"
        client = boto3.client("cloudformation", region_name="us-east-1")
        client.create_stack(
            StackName="stores", TemplateBody=json.dumps(deployable), Capabilities=["CAPABILITY_IAM"]
        )
        assert client.describe_stacks(StackName="stores")["Stacks"][0]["StackStatus"] == "CREATE_COMPLETE"
        ec2 = boto3.client("ec2", region_name="us-east-1")
        volumes = [v for v in ec2.describe_volumes()["Volumes"] if v["Size"] == 50]
        # (moto's volume ignores Encrypted and VolumeType; the template content is checked above.)
        assert [[a["Device"] for a in v["Attachments"]] for v in volumes] == [["/dev/sdf"]]
        efs = boto3.client("efs", region_name="us-east-1")
        [fs] = efs.describe_file_systems()["FileSystems"]
        assert len(efs.describe_mount_targets(FileSystemId=fs["FileSystemId"])["MountTargets"]) == 2
        rds = boto3.client("rds", region_name="us-east-1")
        members = rds.describe_db_instances()["DBInstances"]
        assert sorted(m["Engine"] for m in members) == ["aurora-mysql"] * 2 + ["aurora-postgresql"] * 2
        [warehouse] = boto3.client("redshift", region_name="us-east-1").describe_clusters()["Clusters"]
        assert warehouse["NumberOfNodes"] == 2
        [balancer] = boto3.client("elb", region_name="us-east-1").describe_load_balancers()[
            "LoadBalancerDescriptions"
        ]
        assert balancer["ListenerDescriptions"][0]["Listener"]["InstancePort"] == 8080
    # moto emulates neither Aurora clusters (their instances are created) nor their parameter groups, OpenSearch,
    # Backup, WAFv2, scaling policies nor bucket policies (the access logs' delivery).
    assert dropped == [
        "AppLBLogsPolicy",
        "EdgeRules",
        "EdgeRulesAppLBAssociation",
        "Ledger",
        "LedgerParameterGroup",
        "NightlyBackups",
        "NightlyBackupsPlan",
        "NightlyBackupsSelection",
        "Reports",
        "ReportsParameterGroup",
        "Search",
        "WebFleetCpuScaling",
    ]


def test_one_web_acl_cannot_protect_cloudfront_and_a_regional_balancer() -> None:
    arch = data_platform()
    arch.add_service("cloudfront_distribution", None, label="CDN", node_id="cdn")
    arch.connect("waf", "cdn", K.ATTACH)
    with pytest.raises(ExportError, match="Edge rules: one web ACL cannot protect both CloudFront"):
        build_template(arch)


def platform_services() -> Architecture:
    arch = two_az_network()
    add = arch.add_service
    add("eks_cluster", "private-a", label="Kubernetes", node_id="eks", extra_subnet_ids=["private-b"])
    add("msk_cluster", "private-a", label="Events", node_id="msk", extra_subnet_ids=["private-b"])
    add("dax_cluster", "private-a", label="Table cache", node_id="dax", extra_subnet_ids=["private-b"])
    add("dynamodb_table", "region", label="Carts", node_id="carts")
    add("glue_job", "region", label="Nightly ETL", node_id="etl")
    add("codebuild_project", "private-a", label="Builder", node_id="build", extra_subnet_ids=["private-b"])
    add("route53_health_check", None, label="Site health", node_id="health")
    add("ses_identity", "region", label="Mail", node_id="mail")
    add("lambda_function", "region", label="Mailer", node_id="mailer")
    arch.connect("dax", "carts", K.READ_WRITE)
    arch.connect("mailer", "mail", K.WRITE)
    arch.connect("build", "eks", K.TRAFFIC, port=443)
    return arch


def test_platform_services_pass_cfn_lint_with_least_privilege_wiring() -> None:
    template = build_template(platform_services())
    resources = template["Resources"]
    assert resources["Events"]["Properties"]["NumberOfBrokerNodes"] == 4  # 3 rounded up to 2 subnets
    assert resources["Events"]["DeletionPolicy"] == "Retain"
    dax = resources["TableCacheRolePolicy"]["Properties"]["PolicyDocument"]["Statement"]
    assert [s["Resource"] for s in dax] == [[{"Fn::GetAtt": ["Carts", "Arn"]}]]
    mailer = resources["MailerRolePolicy"]["Properties"]["PolicyDocument"]["Statement"]
    assert mailer == [
        {
            "Effect": "Allow",
            "Action": ["ses:SendEmail", "ses:SendRawEmail"],
            "Resource": [
                {"Fn::Sub": "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${Mail}"}
            ],
        },
        {
            "Effect": "Allow",
            "Action": ["sqs:SendMessage"],
            "Resource": [{"Fn::GetAtt": ["MailerDeadLetterQueue", "Arn"]}],
        },
    ]
    assert resources["KubernetesSecurityGroupFromBuilder"]["Properties"]["FromPort"] == 443
    assert lint(json.dumps(template), "platform.json") == []


def test_platform_services_deploy_in_moto_as_far_as_it_emulates_them() -> None:
    template = build_template(platform_services())
    with mock_aws():
        deployable, dropped = moto_deployable(template)
        client = boto3.client("cloudformation", region_name="us-east-1")
        client.create_stack(
            StackName="platform", TemplateBody=json.dumps(deployable), Capabilities=["CAPABILITY_IAM"]
        )
        assert client.describe_stacks(StackName="platform")["Stacks"][0]["StackStatus"] == "CREATE_COMPLETE"
        [check] = boto3.client("route53", region_name="us-east-1").list_health_checks()["HealthChecks"]
        assert check["HealthCheckConfig"]["ResourcePath"] == "/health"
        assert len(boto3.client("dynamodb", region_name="us-east-1").list_tables()["TableNames"]) == 1
    assert dropped == [
        "Builder",
        "Events",
        "Kubernetes",
        "Mail",
        "NightlyETL",
        "NightlyETLSecurityConfiguration",
        "TableCache",
        "TableCacheSubnetGroup",
    ]
