"""The CloudFormation exporter judged by real tools (cfn-lint, moto) and by exact template content."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import boto3
import pytest
import yaml
from moto import mock_aws

from archbuilder.catalog import ConnectionKind as K
from archbuilder.cli.main import main
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.registry import ExportError, export
from archbuilder.model import load
from archbuilder.resource_files import example_names, example_path
from tests import golden_files
from tests.exporters.cfn_tools import deployed_in_moto, lint
from tests.exporters.design_tags import design_tags
from tests.golden_files import assert_golden_file
from tests.model.builders import two_az_network

GOLDEN = golden_files.GOLDEN / "examples"


def example(name: str):
    return load(Path(str(example_path(name))))


def of_type(template: dict[str, Any], kind: str) -> dict[str, dict[str, Any]]:
    return {name: body for name, body in template["Resources"].items() if body["Type"] == kind}


@pytest.mark.parametrize("name", example_names())
def test_cfn_lint_reports_nothing_on_every_example_in_yaml_and_json(name: str, tmp_path: Path) -> None:
    """`cfn-lint -c I`: no error, no warning and no informational finding (I3011 asked for the deletion and
    replace policies of stateful resources)."""
    arch = example(name)
    [yaml_file] = export("cloudformation", arch, tmp_path)
    [json_file] = export("cloudformation-json", arch, tmp_path)
    assert lint(yaml_file.read_text(encoding="utf-8"), str(yaml_file), informational=True) == []
    assert lint(json_file.read_text(encoding="utf-8"), str(json_file), informational=True) == []


@pytest.mark.parametrize("name", example_names())
def test_every_example_deploys_in_moto_and_describe_finds_its_resources(name: str) -> None:
    arch = example(name)
    template = build_template(arch)
    region = next(n.region for n in arch.nodes.values() if n.kind == "region")  # type: ignore[union-attr]
    with mock_aws():
        deployed_in_moto(template, name, region)
        ec2 = boto3.client("ec2", region_name=region)
        vpcs = [v for v in ec2.describe_vpcs()["Vpcs"] if not v.get("IsDefault")]
        expected_vpcs = sorted(n.cidr for n in arch.nodes.values() if n.kind == "vpc")  # type: ignore[union-attr]
        assert sorted(v["CidrBlock"] for v in vpcs) == expected_vpcs
        subnets = [
            s["CidrBlock"]
            for s in ec2.describe_subnets()["Subnets"]
            if s["VpcId"] in {v["VpcId"] for v in vpcs}
        ]
        assert sorted(subnets) == sorted(n.cidr for n in arch.nodes.values() if n.kind == "subnet")  # type: ignore[union-attr]
        counts = {
            t: sum(1 for s in arch.services() if s.type == t)
            for t in (
                "s3_bucket",
                "lambda_function",
                "sqs_queue",
                "dynamodb_table",
                "rds_instance",
                "ec2_instance",
                "kinesis_stream",
            )
        }
        buckets = boto3.client("s3", region_name=region).list_buckets()["Buckets"]
        # A trail's bucket, and the one bucket the load balancers' access logs go to (production defaults).
        trail_buckets = counts.get("s3_bucket", 0) + sum(1 for s in arch.services() if s.type == "cloudtrail")
        log_buckets = 1 if any(s.type == "alb" for s in arch.services()) else 0
        assert len(buckets) == trail_buckets + log_buckets
        # The functions drawn, and one rotating each secret that rotates.
        rotating = sum(
            1
            for s in arch.services()
            if s.type == "secrets_manager_secret" and s.properties.get("rotation_days")
        )
        functions = boto3.client("lambda", region_name=region).list_functions()["Functions"]
        assert len(functions) == counts["lambda_function"] + rotating
        queues = boto3.client("sqs", region_name=region).list_queues().get("QueueUrls", [])
        # Each queue has its dead-letter queue, and so has each function (production defaults).
        assert len(queues) == 2 * counts["sqs_queue"] + counts["lambda_function"] + rotating
        assert (
            len(boto3.client("dynamodb", region_name=region).list_tables()["TableNames"])
            == counts["dynamodb_table"]
        )
        databases = boto3.client("rds", region_name=region).describe_db_instances()["DBInstances"]
        assert len(databases) == counts["rds_instance"]
        instances = [i for r in ec2.describe_instances()["Reservations"] for i in r["Instances"]]
        assert len(instances) >= counts["ec2_instance"]
        if counts["kinesis_stream"]:
            assert (
                len(boto3.client("kinesis", region_name=region).list_streams()["StreamNames"])
                == counts["kinesis_stream"]
            )


def test_three_tier_network_and_database_details() -> None:
    template = build_template(example("three-tier-web"))
    nats = of_type(template, "AWS::EC2::NatGateway")
    assert sorted(nats) == ["NATGatewayA", "NATGatewayB"]
    routes = of_type(template, "AWS::EC2::Route")
    # Each AZ's private route table goes through the NAT gateway of the same AZ.
    assert routes["ProductionVPCPrivateRouteTableADefaultRoute"]["Properties"]["NatGatewayId"] == {
        "Ref": "NATGatewayA"
    }
    assert routes["ProductionVPCPrivateRouteTableBDefaultRoute"]["Properties"]["NatGatewayId"] == {
        "Ref": "NATGatewayB"
    }
    assert routes["ProductionVPCPublicDefaultRoute"]["DependsOn"] == "InternetGatewayAttachment"
    [group] = of_type(template, "AWS::RDS::DBSubnetGroup").values()
    assert group["Properties"]["SubnetIds"] == [{"Ref": "DataSubnetA"}, {"Ref": "DataSubnetB"}]
    db = template["Resources"]["OrdersDatabase"]
    assert (db["DeletionPolicy"], db["UpdateReplacePolicy"]) == ("Snapshot", "Snapshot")
    props = db["Properties"]
    assert (props["MultiAZ"], props["StorageEncrypted"], props["ManageMasterUserPassword"]) == (
        True,
        True,
        True,
    )
    assert "MasterUserPassword" not in props
    ingress = of_type(template, "AWS::EC2::SecurityGroupIngress")
    assert ingress["OrdersDatabaseSecurityGroupFromAppServers"]["Properties"] == {
        "GroupId": {"Ref": "OrdersDatabaseSecurityGroup"},
        "IpProtocol": "tcp",
        "FromPort": 5432,
        "ToPort": 5432,
        "Description": "from App servers",
        "SourceSecurityGroupId": {"Ref": "AppServersSecurityGroup"},
    }
    asg = template["Resources"]["AppServers"]["Properties"]
    assert asg["TargetGroupARNs"] == [{"Ref": "WebLoadBalancerTargetGroup"}]
    assert asg["VPCZoneIdentifier"] == [{"Ref": "AppSubnetA"}, {"Ref": "AppSubnetB"}]
    listener = template["Resources"]["WebLoadBalancerListener"]["Properties"]
    assert (listener["Port"], listener["Protocol"], listener["Certificates"]) == (
        443,
        "HTTPS",
        [{"CertificateArn": {"Ref": "WebCertificate"}}],
    )


def test_serverless_connections_become_least_privilege_and_event_sources() -> None:
    template = build_template(example("serverless-api"))
    handler_policy = template["Resources"]["OrdersHandlerRolePolicy"]["Properties"]["PolicyDocument"][
        "Statement"
    ]
    assert handler_policy == [
        {
            "Effect": "Allow",
            "Action": [
                "dynamodb:BatchGetItem",
                "dynamodb:BatchWriteItem",
                "dynamodb:DeleteItem",
                "dynamodb:GetItem",
                "dynamodb:PutItem",
                "dynamodb:Query",
                "dynamodb:Scan",
                "dynamodb:UpdateItem",
            ],
            "Resource": [{"Fn::GetAtt": ["OrdersTable", "Arn"]}],
        },
        {
            "Effect": "Allow",
            "Action": ["sqs:SendMessage"],
            "Resource": [{"Fn::GetAtt": ["FulfilmentQueue", "Arn"]}],
        },
        # Events the function fails on go to its dead-letter queue (production defaults).
        {
            "Effect": "Allow",
            "Action": ["sqs:SendMessage"],
            "Resource": [{"Fn::GetAtt": ["OrdersHandlerDeadLetterQueue", "Arn"]}],
        },
    ]
    worker_policy = template["Resources"]["FulfilmentWorkerRolePolicy"]["Properties"]["PolicyDocument"][
        "Statement"
    ]
    assert [s["Action"] for s in worker_policy] == [
        ["sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"],
        ["dynamodb:BatchWriteItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:UpdateItem"],
        ["sqs:SendMessage"],
    ]
    mapping = template["Resources"]["FulfilmentWorkerFromFulfilmentQueue"]
    assert mapping["Properties"] == {
        "EventSourceArn": {"Fn::GetAtt": ["FulfilmentQueue", "Arn"]},
        "FunctionName": {"Ref": "FulfilmentWorker"},
        "Tags": design_tags("Serverless API"),
    }
    assert mapping["DependsOn"] == "FulfilmentWorkerRolePolicy"
    variables = template["Resources"]["OrdersHandler"]["Properties"]["Environment"]["Variables"]
    assert variables == {
        "FULFILMENTQUEUE_QUEUE_URL": {"Ref": "FulfilmentQueue"},
        "ORDERSTABLE_TABLE": {"Ref": "OrdersTable"},
    }
    permission = template["Resources"]["OrdersAPIOrdersHandlerPermission"]["Properties"]
    assert (permission["Principal"], permission["FunctionName"]) == (
        "apigateway.amazonaws.com",
        {"Ref": "OrdersHandler"},
    )


def test_cloudfront_reads_the_private_bucket_through_origin_access_control() -> None:
    template = build_template(example("static-site"))
    policy = template["Resources"]["WebsiteCDNWebsiteContentPolicy"]["Properties"]
    statement = policy["PolicyDocument"]["Statement"][0]
    assert (statement["Principal"], statement["Action"]) == (
        {"Service": "cloudfront.amazonaws.com"},
        "s3:GetObject",
    )
    origin = template["Resources"]["WebsiteCDN"]["Properties"]["DistributionConfig"]["Origins"][0]
    assert origin["OriginAccessControlId"] == {"Fn::GetAtt": ["WebsiteCDNWebsiteContentOac", "Id"]}
    bucket = template["Resources"]["WebsiteContent"]["Properties"]["PublicAccessBlockConfiguration"]
    assert set(bucket.values()) == {True}


def test_yaml_uses_short_forms_and_means_the_same_as_json(tmp_path: Path) -> None:
    arch = example("three-tier-web")
    [yaml_file] = export("cloudformation", arch, tmp_path)
    text = yaml_file.read_text(encoding="utf-8")
    assert text.startswith("# Three-tier web application\n# Generated by archbuilder")
    assert "VpcId: !Ref ProductionVPC" in text
    assert "!GetAtt WebLoadBalancer.DNSName" in text
    from cfnlint.decode import cfn_yaml

    assert json.loads(json.dumps(cfn_yaml.loads(text))) == json.loads(json.dumps(build_template(arch)))


def test_export_is_deterministic_and_matches_the_golden_file(tmp_path: Path) -> None:
    arch = example("serverless-api")
    first = export("cloudformation", arch, tmp_path / "a")[0].read_bytes()
    second = export("cloudformation", example("serverless-api"), tmp_path / "b")[0].read_bytes()
    assert first == second
    assert_golden_file(GOLDEN / "serverless-api" / "cloudformation" / "template.yaml", first)


def test_every_catalog_service_has_a_cloudformation_renderer() -> None:
    """Nothing a user can draw makes the export refuse the design (what AWS cannot declare is a step by hand)."""
    from archbuilder.catalog import default_catalog
    from archbuilder.exporters.cloudformation.template import NETWORK_TYPES, RENDERERS

    missing = [s.id for s in default_catalog() if s.id not in RENDERERS and s.id not in NETWORK_TYPES]
    assert missing == ["generic"]  # imported resources, written back as they were


def test_a_service_without_a_renderer_would_be_reported_not_dropped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The guard for a catalog type added without a renderer: the design is refused by name, nothing written."""
    from archbuilder.exporters.cloudformation import template

    monkeypatch.delitem(template.RENDERERS, "xray")
    arch = two_az_network()
    arch.add_service("xray", "region", label="Traces", node_id="traces")
    arch.add_service("s3_bucket", "region", label="Data", node_id="data")
    with pytest.raises(ExportError, match=r"cannot express: Traces \(X-Ray\); nothing was written"):
        export("cloudformation", arch, tmp_path)
    assert list(tmp_path.iterdir()) == []
    from archbuilder.model import save

    document = tmp_path / "doc.arch.json"
    save(arch, document)
    assert main(["export", str(document), "--format", "cloudformation", "-o", str(tmp_path / "out")]) == 1
    assert "cannot express: Traces (X-Ray)" in capsys.readouterr().err


def test_imported_generic_resources_and_template_sections_are_written_back() -> None:
    from archbuilder.model import TemplateSections

    arch = two_az_network()
    arch.add_service(
        "generic",
        "region",
        label="App config",
        node_id="app-config",
        properties={
            "resource_type": "AWS::SSM::Parameter",
            "raw_properties": {"Type": "String", "Value": "x"},
        },
    )
    arch.set_template_sections(
        TemplateSections(
            parameters={"Env": {"Type": "String", "Default": "prod"}},
            conditions={"IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]}},
            outputs={"ConfigName": {"Value": {"Ref": "AppConfig"}}},
        )
    )
    template = build_template(arch)
    assert template["Resources"]["AppConfig"] == {
        "Type": "AWS::SSM::Parameter",
        "Properties": {"Type": "String", "Value": "x"},
    }
    assert template["Parameters"]["Env"] == {"Type": "String", "Default": "prod"}
    assert template["Conditions"] == {"IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]}}
    assert template["Outputs"]["ConfigName"] == {"Value": {"Ref": "AppConfig"}}
    assert yaml.safe_load(json.dumps(template))["Resources"]["AppConfig"]["Type"] == "AWS::SSM::Parameter"


def test_connection_without_explicit_port_uses_the_target_default_port() -> None:
    arch = two_az_network()
    arch.add_service("ec2_instance", "private-a", label="App", node_id="app")
    arch.add_service(
        "elasticache_cluster", "private-a", label="Cache", node_id="cache", extra_subnet_ids=["private-b"]
    )
    arch.connect("app", "cache", K.TRAFFIC)
    rule = build_template(arch)["Resources"]["CacheSecurityGroupFromApp"]["Properties"]
    default = arch.catalog.get("elasticache_cluster").default_port
    assert (rule["FromPort"], rule["ToPort"]) == (default, default)


def test_declared_ingress_rules_keep_cidr_and_security_group_sources() -> None:
    arch = two_az_network()
    arch.add_service("ec2_instance", "public-a", label="Bastion", node_id="bastion")
    arch.add_service(
        "ec2_instance",
        "private-a",
        label="App",
        node_id="app",
        properties={
            "ingress": [
                {
                    "protocol": "tcp",
                    "from_port": 443,
                    "to_port": 443,
                    "cidr": "10.0.0.0/16",
                    "description": "vpc",
                },
                {
                    "protocol": "tcp",
                    "from_port": 22,
                    "to_port": 22,
                    "source_id": "bastion",
                    "description": "ssh",
                },
            ]
        },
    )
    template = build_template(arch)
    group = template["Resources"]["AppSecurityGroup"]["Properties"]
    assert group["SecurityGroupIngress"] == [
        {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "Description": "vpc", "CidrIp": "10.0.0.0/16"}
    ]
    assert template["Resources"]["AppSecurityGroupFromBastionRule"]["Properties"] == {
        "GroupId": {"Ref": "AppSecurityGroup"},
        "IpProtocol": "tcp",
        "FromPort": 22,
        "ToPort": 22,
        "Description": "ssh",
        "SourceSecurityGroupId": {"Ref": "BastionSecurityGroup"},
    }


def test_ingress_rule_naming_a_service_without_a_group_is_refused() -> None:
    arch = two_az_network()
    arch.add_service("s3_bucket", "region", label="Data", node_id="data")
    arch.add_service(
        "ec2_instance",
        "private-a",
        label="App",
        node_id="app",
        properties={"ingress": [{"protocol": "tcp", "from_port": 22, "to_port": 22, "source_id": "data"}]},
    )
    with pytest.raises(ExportError, match="App: an ingress rule names 'data', which has no security group"):
        build_template(arch)


def test_database_rules_use_the_engine_port_when_the_connection_has_none() -> None:
    arch = two_az_network()
    arch.add_service("ec2_instance", "private-a", label="App", node_id="app")
    arch.add_service(
        "rds_instance",
        "private-a",
        label="DB",
        node_id="db",
        extra_subnet_ids=["private-b"],
        properties={"engine": "mysql"},
    )
    arch.connect("app", "db", K.TRAFFIC)
    rule = build_template(arch)["Resources"]["DBSecurityGroupFromApp"]["Properties"]
    assert (rule["FromPort"], rule["ToPort"]) == (3306, 3306)


def test_sources_outside_the_vpc_share_one_rule_on_the_vpc_range() -> None:
    arch = two_az_network()
    arch.add_service(
        "rds_instance",
        "private-a",
        label="DB",
        node_id="db",
        extra_subnet_ids=["private-b"],
        properties={"engine": "postgres"},
    )
    for node_id, label in (("f1", "Reports"), ("f2", "Exports")):
        arch.add_service("lambda_function", "region", label=label, node_id=node_id)
        arch.connect(node_id, "db", K.TRAFFIC)
    template = build_template(arch)
    rules = {
        n: b["Properties"]
        for n, b in template["Resources"].items()
        if b["Type"] == "AWS::EC2::SecurityGroupIngress"
    }
    assert rules == {
        "DBSecurityGroupFromReports": {
            "GroupId": {"Ref": "DBSecurityGroup"},
            "IpProtocol": "tcp",
            "FromPort": 5432,
            "ToPort": 5432,
            "Description": "from Reports, Exports",
            "CidrIp": "10.0.0.0/16",
        }
    }


def test_a_function_of_a_function_is_written_as_valid_yaml() -> None:
    from cfnlint.decode import cfn_yaml

    from archbuilder.exporters.cloudformation.yaml_dump import dump_yaml

    template = {
        "Resources": {
            "Box": {
                "Type": "AWS::EC2::Instance",
                "Properties": {
                    "UserData": {"Fn::Base64": {"Fn::Sub": "echo ${AWS::Region}"}},
                    "ImageId": "ami-12345678",
                },
            }
        }
    }
    text = dump_yaml(template, "")
    assert "Fn::Base64: !Sub echo ${AWS::Region}" in text
    assert cfn_yaml.loads(text) == template


def test_a_glue_crawler_with_nothing_to_crawl_is_refused_by_name() -> None:
    arch = two_az_network()
    arch.add_service("glue_crawler", "region", label="Nightly crawl", node_id="crawl")
    with pytest.raises(ExportError, match=r"^Nightly crawl: a Glue crawler needs something to crawl"):
        build_template(arch)
    arch.set_property("crawl", "s3_targets", ["s3://example-data/raw/"])
    targets = build_template(arch)["Resources"]["NightlyCrawl"]["Properties"]["Targets"]
    assert targets == {"S3Targets": [{"Path": "s3://example-data/raw/"}]}
