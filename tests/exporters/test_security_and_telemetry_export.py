"""Account security and telemetry services export to both formats: GuardDuty, Shield Advanced protections of what
Shield is drawn to, AWS Config recording into its own bucket, a CloudHSM cluster opened to its client, X-Ray (with
active tracing for the functions sending it traces), IoT topic rules delivering to what they are connected to, and
Global Accelerator; Inspector, the Shield subscription and the HSMs are steps to do by hand."""

from __future__ import annotations

import json

import boto3
from moto import mock_aws

from archbuilder.catalog import ConnectionKind as K
from archbuilder.exporters.cloudformation.manual import manual_steps
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.model import Architecture
from tests.exporters.cfn_tools import lint, moto_deployable
from tests.exporters.tf_correspondence import check
from tests.model.builders import two_az_network


def security() -> Architecture:
    arch = two_az_network()
    add = arch.add_service
    add("internet_gateway", "vpc", label="IGW", node_id="igw")
    add("guardduty", "region", label="Threats", node_id="gd")
    add("inspector", "region", label="Scans", node_id="insp")
    add("shield", None, label="DDoS", node_id="shield")
    add(
        "alb",
        "public-a",
        label="Web",
        node_id="web",
        extra_subnet_ids=["public-b"],
        properties={"internet_facing": True},
    )
    add("elastic_ip", "region", label="Bastion ip", node_id="eip")
    add("config_recorder", "region", label="Recorder", node_id="rec", properties={"all_supported": False})
    add(
        "cloudhsm_cluster",
        "private-a",
        label="Keys",
        node_id="hsm",
        extra_subnet_ids=["private-b"],
        properties={
            "ingress": [{"protocol": "tcp", "from_port": 2223, "to_port": 2225, "cidr": "10.0.0.0/16"}]
        },
    )
    add("ec2_instance", "private-a", label="Signer", node_id="signer")
    add("ec2_instance", "private-a", label="App", node_id="app")
    arch.connect("shield", "web", K.ATTACH)
    arch.connect("shield", "eip", K.DNS)
    arch.connect("shield", "app", K.ATTACH)
    arch.connect("signer", "hsm", K.TRAFFIC)
    arch.connect("web", "app", K.TRAFFIC)
    return arch


def telemetry() -> Architecture:
    arch = two_az_network()
    add = arch.add_service
    add("internet_gateway", "vpc", label="IGW", node_id="igw")
    add("xray", "region", label="Slow orders", node_id="xray", properties={"insights_enabled": True})
    add("lambda_function", "region", label="Orders", node_id="orders")
    add("iot_core", "region", label="Telemetry rule", node_id="iot")
    add("sqs_queue", "region", label="Readings", node_id="readings")
    add("dynamodb_table", "region", label="Latest", node_id="latest")
    add("s3_bucket", "region", label="Raw", node_id="raw")
    add("global_accelerator", None, label="Edge", node_id="edge", properties={"client_affinity": "SOURCE_IP"})
    add(
        "nlb",
        "public-a",
        label="Game",
        node_id="game",
        extra_subnet_ids=["public-b"],
        properties={"internet_facing": True},
    )
    add("elastic_ip", "region", label="Static ip", node_id="sip")
    arch.connect("orders", "xray", K.LOGS)
    arch.connect("iot", "readings", K.WRITE)
    arch.connect("iot", "latest", K.WRITE)
    arch.connect("iot", "raw", K.WRITE)
    arch.connect("iot", "orders", K.INVOKE)
    arch.connect("edge", "game", K.TRAFFIC, port=443)
    arch.connect("edge", "sip", K.DNS)
    return arch


def test_both_pass_cfn_lint() -> None:
    assert lint(json.dumps(build_template(security())), "security.json") == []
    assert lint(json.dumps(build_template(telemetry())), "telemetry.json") == []


def test_security_services_protect_record_and_open_what_they_are_drawn_to() -> None:
    template = build_template(security())
    resources = template["Resources"]
    protections = {
        body["Properties"]["Name"]: body["Properties"]["ResourceArn"]
        for body in resources.values()
        if body["Type"] == "AWS::Shield::Protection"
    }
    assert protections == {
        "DDoS Web": {"Ref": "Web"},
        "DDoS Bastion ip": {
            "Fn::Sub": "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:eip-allocation/${BastionIp.AllocationId}"
        },
    }
    recorder = resources["Recorder"]["Properties"]["RecordingGroup"]
    assert recorder["AllSupported"] is False
    assert recorder["ResourceTypes"] == [
        "AWS::EC2::VPC",
        "AWS::EC2::Subnet",
        "AWS::EC2::SecurityGroup",
        "AWS::EC2::Instance",
        "AWS::IAM::Role",
        "AWS::S3::Bucket",
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
    ]
    assert resources["RecorderDeliveryChannel"]["DependsOn"] == ["Recorder", "RecorderBucketPolicy"]
    client = resources["KeysFromSigner"]["Properties"]
    assert (client["GroupId"], client["FromPort"], client["ToPort"], client["SourceSecurityGroupId"]) == (
        {"Fn::GetAtt": ["Keys", "SecurityGroup"]},
        2223,
        2225,
        {"Ref": "SignerSecurityGroup"},
    )
    assert manual_steps(template) == [  # in the order of their nodes' labels
        "DDoS (Shield): subscribe the account to Shield Advanced before deploying (a one-year commitment): "
        "CloudFormation has no subscription resource, and the protections below need it",
        "DDoS (Shield): Shield Advanced protects no App: only load balancers, CloudFront, Route 53, Global "
        "Accelerator and Elastic IPs",
        "Keys (CloudHSM): add 2 HSMs to the cluster in its subnets' AZs and initialize it with a certificate signed "
        "by your issuer: CloudFormation declares the cluster only",
        "Scans (Inspector): enable Amazon Inspector for the account (aws inspector2 enable --resource-types EC2 ECR "
        "LAMBDA): CloudFormation has no resource that turns it on, and Inspector Classic's assessment targets are "
        "retired",
        # The balancer's HTTPS listener presents the certificate the deploy gives (none is attached).
        "Web (ALB): give the ARN of an issued certificate for its domain as the WebCertificateArn parameter at "
        "deploy: no certificate is attached to it in the design, which its HTTPS listener presents",
    ]


def test_telemetry_routes_traces_device_messages_and_traffic() -> None:
    resources = build_template(telemetry())["Resources"]
    assert resources["Orders"]["Properties"]["TracingConfig"] == {"Mode": "Active"}
    actions = resources["TelemetryRule"]["Properties"]["TopicRulePayload"]["Actions"]
    assert sorted(next(iter(a)) for a in actions) == ["DynamoDBv2", "Lambda", "S3", "Sqs"]
    assert resources["OrdersFromTelemetryRulePermission"]["Properties"]["Principal"] == "iot.amazonaws.com"
    grants = resources["TelemetryRuleRolePolicy"]["Properties"]["PolicyDocument"]["Statement"]
    assert sorted(action for g in grants for action in g["Action"]) == [
        "dynamodb:PutItem",
        "s3:PutObject",
        "sqs:SendMessage",
    ]
    endpoints = resources["EdgeEndpoints"]["Properties"]
    assert endpoints["EndpointConfigurations"] == [
        {"EndpointId": {"Ref": "Game"}, "Weight": 128},
        {"EndpointId": {"Fn::GetAtt": ["StaticIp", "AllocationId"]}, "Weight": 128},
    ]
    assert resources["EdgeListener"]["Properties"]["ClientAffinity"] == "SOURCE_IP"


def test_the_terraform_corresponds() -> None:
    found = check(security())
    assert found[("aws_config_configuration_recorder_status", "recorder")]["depends_on"] == [
        "${aws_config_delivery_channel.recorder_delivery_channel}"
    ]
    assert found[("aws_vpc_security_group_ingress_rule", "keys_from_signer")]["security_group_id"] == (
        "${aws_cloudhsm_v2_cluster.keys.security_group_id}"
    )
    found = check(telemetry())
    rule = found[("aws_iot_topic_rule", "telemetry_rule")]
    assert rule["sqs"] == [
        {
            "queue_url": "${aws_sqs_queue.readings.url}",
            "use_base64": False,
            "role_arn": "${aws_iam_role.telemetry_rule_role.arn}",
        }
    ]
    assert found[("aws_lambda_function", "orders")]["tracing_config"] == [{"mode": "Active"}]


def test_both_deploy_in_moto() -> None:
    with mock_aws():
        cloudformation = boto3.client("cloudformation", region_name="us-east-1")
        for name, design in (("security", security()), ("telemetry", telemetry())):
            deployable, _dropped = moto_deployable(build_template(design))
            cloudformation.create_stack(
                StackName=name, TemplateBody=json.dumps(deployable), Capabilities=["CAPABILITY_IAM"]
            )
            assert (
                cloudformation.describe_stacks(StackName=name)["Stacks"][0]["StackStatus"]
                == "CREATE_COMPLETE"
            )
        physical = {
            r["LogicalResourceId"]: r.get("PhysicalResourceId")
            for stack in ("security", "telemetry")
            for r in cloudformation.describe_stack_resources(StackName=stack)["StackResources"]
        }
        boto3.client("s3", region_name="us-east-1").head_bucket(Bucket=physical["RecorderBucket"])
        ec2 = boto3.client("ec2", region_name="us-east-1")
        assert [a["PublicIp"] for a in ec2.describe_addresses()["Addresses"]] == [
            physical["BastionIp"],
            physical["StaticIp"],
        ]
        [function] = boto3.client("lambda", region_name="us-east-1").list_functions()["Functions"]
        assert function["FunctionName"] == physical["Orders"]
