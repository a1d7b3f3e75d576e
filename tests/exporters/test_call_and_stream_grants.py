"""Connections the export once named in its warnings and now writes: a function writing to or reading from an
MSK cluster under IAM access control is granted the cluster's Kafka actions (its topics', and for a reader its
consumer groups', ARNs built from the cluster's); a function calling a CodeBuild project or a Glue crawler may start
it and follow its run, and is told its name; a function calling a Batch compute environment may submit jobs to its
queue with the job definition written for it. A cluster whose clients authenticate otherwise, and an environment
outside a VPC, stay in the warnings, saying why. cfn-lint, moto (the role's policy as IAM holds it, the job
definition as Batch holds it) and terraform validate (test_terraform_validate) judge the result."""

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

# What a reader of an MSK cluster's topics is allowed, in the order the statement lists it.
KAFKA_READER = [
    "kafka-cluster:AlterGroup",
    "kafka-cluster:Connect",
    "kafka-cluster:DescribeCluster",
    "kafka-cluster:DescribeGroup",
    "kafka-cluster:DescribeTopic",
    "kafka-cluster:ReadData",
]


def streaming_worker() -> Architecture:
    arch = two_az_network()
    arch.add_service("lambda_function", "private-a", label="Producer", node_id="producer")
    arch.add_service("lambda_function", "private-b", label="Consumer", node_id="consumer")
    arch.add_service(
        "msk_cluster",
        "private-a",
        label="Events",
        node_id="msk",
        extra_subnet_ids=["private-b"],
        properties={"num_nodes": 4},  # two brokers in each of its zones, as MSK places them
    )
    arch.add_service("codebuild_project", "region", label="Build", node_id="build")
    arch.add_service(
        "glue_crawler",
        "region",
        label="Catalog",
        node_id="crawler",
        properties={"s3_targets": ["s3://lake/raw/"]},
    )
    arch.connect("producer", "msk", K.WRITE)
    arch.connect("consumer", "msk", K.READ)
    arch.connect("producer", "build", K.INVOKE)
    arch.connect("consumer", "crawler", K.INVOKE)
    return arch


def _allow(actions: list[str], *resources: Any) -> dict[str, Any]:
    return {"Effect": "Allow", "Action": actions, "Resource": list(resources)}


def _beside_events(kind: str) -> dict[str, Any]:
    halves = [{"Fn::Select": [i, {"Fn::Split": [":cluster/", {"Ref": "Events"}]}]} for i in (0, 1)]
    return {"Fn::Join": ["", [halves[0], f":{kind}/", halves[1], "/*"]]}


PRODUCER = [
    _allow(["codebuild:BatchGetBuilds", "codebuild:StartBuild"], {"Fn::GetAtt": ["Build", "Arn"]}),
    _allow(
        [
            "kafka-cluster:Connect",
            "kafka-cluster:DescribeCluster",
            "kafka-cluster:DescribeTopic",
            "kafka-cluster:WriteData",
        ],
        {"Ref": "Events"},
        _beside_events("topic"),
    ),
    _allow(["sqs:SendMessage"], {"Fn::GetAtt": ["ProducerDeadLetterQueue", "Arn"]}),
]
CONSUMER = [
    _allow(
        ["glue:GetCrawler", "glue:StartCrawler"],
        {"Fn::Sub": "arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:crawler/${Catalog}"},
    ),
    _allow(
        KAFKA_READER,
        {"Ref": "Events"},
        _beside_events("topic"),
        _beside_events("group"),
    ),
    _allow(["sqs:SendMessage"], {"Fn::GetAtt": ["ConsumerDeadLetterQueue", "Arn"]}),
]


def _statements(template: dict[str, Any], role: str) -> list[dict[str, Any]]:
    statements = template["Resources"][f"{role}Policy"]["Properties"]["PolicyDocument"]["Statement"]
    return sorted(statements, key=json.dumps)


def test_each_function_is_granted_what_it_does_on_its_target_only() -> None:
    template = build_template(streaming_worker())
    assert _statements(template, "ProducerRole") == sorted(PRODUCER, key=json.dumps)
    assert _statements(template, "ConsumerRole") == sorted(CONSUMER, key=json.dumps)
    assert lint(json.dumps(template), "streaming_worker.json") == []
    assert export_notes("cloudformation", streaming_worker()) == []


def test_a_caller_is_told_the_name_of_what_it_starts() -> None:
    resources = build_template(streaming_worker())["Resources"]
    producer = resources["Producer"]["Properties"]["Environment"]["Variables"]
    consumer = resources["Consumer"]["Properties"]["Environment"]["Variables"]
    assert producer["BUILD_PROJECT"] == {"Ref": "Build"}
    assert consumer["CATALOG_CRAWLER"] == {"Ref": "Catalog"}


def test_the_roles_hold_the_grants_once_deployed() -> None:
    """The cluster stands in as an ARN of its shape (moto_stand_ins.REF_STAND_INS), which the template takes
    apart into its topics' and groups' ARNs."""
    with mock_aws():
        physical = deploy(streaming_worker(), "streaming-worker")
        iam = boto3.client("iam", region_name="us-east-1")
        documents = {}
        for role in ("ProducerRole", "ConsumerRole"):
            [name] = iam.list_role_policies(RoleName=physical[role])["PolicyNames"]
            documents[role] = iam.get_role_policy(RoleName=physical[role], PolicyName=name)["PolicyDocument"]
    cluster = "arn:aws:kafka:us-east-1:123456789012:cluster/events/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0-1"
    topics = "arn:aws:kafka:us-east-1:123456789012:topic/events/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0-1/*"
    groups = "arn:aws:kafka:us-east-1:123456789012:group/events/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0-1/*"
    kafka = {
        role: next(s for s in document["Statement"] if s["Action"][0].startswith("kafka-cluster:"))
        for role, document in documents.items()
    }
    assert kafka["ProducerRole"]["Resource"] == [cluster, topics]
    assert kafka["ConsumerRole"]["Resource"] == [cluster, topics, groups]


def test_terraform_writes_the_same_grants() -> None:
    found = check(streaming_worker())
    producer = found[("aws_iam_role_policy", "producer_role_policy")]["policy"]
    consumer = found[("aws_iam_role_policy", "consumer_role_policy")]["policy"]
    topics = (
        '"${split(":cluster/", aws_msk_cluster.events.arn)[0]}:topic/'
        '${split(":cluster/", aws_msk_cluster.events.arn)[1]}/*"'
    )
    groups = topics.replace(":topic/", ":group/")
    assert (
        _hcl(
            [
                "kafka-cluster:Connect",
                "kafka-cluster:DescribeCluster",
                "kafka-cluster:DescribeTopic",
                "kafka-cluster:WriteData",
            ],
            "aws_msk_cluster.events.arn",
            topics,
        )
        in producer
    )
    assert (
        _hcl(["codebuild:BatchGetBuilds", "codebuild:StartBuild"], "aws_codebuild_project.build.arn")
        in producer
    )
    assert (
        _hcl(
            KAFKA_READER,
            "aws_msk_cluster.events.arn",
            topics,
            groups,
        )
        in consumer
    )
    crawler = (
        '"arn:${data.aws_partition.current.partition}:glue:${data.aws_region.current.name}:'
        '${data.aws_caller_identity.current.account_id}:crawler/${aws_glue_crawler.catalog.name}"'
    )
    assert _hcl(["glue:GetCrawler", "glue:StartCrawler"], crawler) in consumer


def _hcl(actions: list[str], *resources: str) -> str:
    quoted = ", ".join(f'"{action}"' for action in actions)
    return f'{{Effect = "Allow", Action = [{quoted}], Resource = [{", ".join(resources)}]}}'


def test_a_cluster_not_under_iam_access_control_is_named_in_the_warnings_with_how_clients_are_let_in() -> (
    None
):
    expected = {
        "tls": "its clients authenticate with TLS certificates: grant their names access with Kafka ACLs",
        "sasl_scram": "its clients sign in with SCRAM secrets: grant their users access with Kafka ACLs",
        "unauthenticated": "it lets in unauthenticated clients: whoever reaches its brokers may read and write",
    }
    for authentication, why in expected.items():
        arch = streaming_worker()
        arch.set_property("msk", "client_authentication", authentication)
        template = build_template(arch)
        kafka = [
            s
            for role in ("ProducerRole", "ConsumerRole")
            for s in _statements(template, role)
            if s["Action"][0].startswith("kafka-cluster:")
        ]
        assert kafka == []
        assert (
            export_notes("cloudformation", arch)
            == export_notes("terraform", arch)
            == [
                f"not declared, to do by hand: Consumer (Lambda): grant it read access to Events (MSK) yourself: {why}",
                f"not declared, to do by hand: Producer (Lambda): grant it write access to Events (MSK) yourself: {why}",
            ]
        )


def job_submitter(resource_type: str = "FARGATE") -> Architecture:
    arch = two_az_network()
    arch.add_service("lambda_function", "private-a", label="Submitter", node_id="fn")
    arch.add_service(
        "batch_compute_environment",
        "private-a",
        label="Jobs",
        node_id="batch",
        extra_subnet_ids=["private-b"],
        properties={"resource_type": resource_type},
    )
    arch.connect("fn", "batch", K.INVOKE)
    return arch


FARGATE_JOB = {
    "Type": "AWS::Batch::JobDefinition",
    "Properties": {
        "Type": "container",
        "PlatformCapabilities": ["FARGATE"],
        "ContainerProperties": {
            "Image": {"Ref": "JobsJobImage"},
            "ResourceRequirements": [{"Type": "VCPU", "Value": "1"}, {"Type": "MEMORY", "Value": "2048"}],
            "ExecutionRoleArn": {"Fn::GetAtt": ["JobsJobExecutionRole", "Arn"]},
        },
    },
}


def test_a_caller_of_a_batch_environment_submits_jobs_to_its_queue_with_its_job_definition() -> None:
    template = build_template(job_submitter())
    resources = template["Resources"]
    assert resources["JobsJobDefinition"] == FARGATE_JOB
    assert template["Parameters"]["JobsJobImage"] == {
        "Type": "String",
        "Description": "Container image the jobs of Jobs run",
    }
    role = resources["JobsJobExecutionRole"]["Properties"]
    assert role["AssumeRolePolicyDocument"]["Statement"][0]["Principal"] == {
        "Service": "ecs-tasks.amazonaws.com"
    }
    assert role["ManagedPolicyArns"] == [
        {"Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"}
    ]
    assert _statements(template, "SubmitterRole") == sorted(
        [
            _allow(["batch:SubmitJob"], {"Ref": "JobsQueue"}, {"Ref": "JobsJobDefinition"}),
            _allow(["sqs:SendMessage"], {"Fn::GetAtt": ["SubmitterDeadLetterQueue", "Arn"]}),
        ],
        key=json.dumps,
    )
    assert resources["Submitter"]["Properties"]["Environment"]["Variables"] == {
        "JOBS_JOB_QUEUE": {"Ref": "JobsQueue"},
        "JOBS_JOB_DEFINITION": {"Ref": "JobsJobDefinition"},
    }
    assert lint(json.dumps(template), "job_submitter.json") == []
    assert export_notes("cloudformation", job_submitter()) == []


def test_jobs_on_ec2_capacity_need_no_execution_role() -> None:
    resources = build_template(job_submitter("EC2"))["Resources"]
    container = resources["JobsJobDefinition"]["Properties"]["ContainerProperties"]
    assert resources["JobsJobDefinition"]["Properties"]["PlatformCapabilities"] == ["EC2"]
    assert "ExecutionRoleArn" not in container and "JobsJobExecutionRole" not in resources


def test_an_environment_nothing_calls_gets_no_job_definition() -> None:
    arch = job_submitter()
    [call] = arch.connections.values()
    arch.disconnect(call.id)
    assert "JobsJobDefinition" not in build_template(arch)["Resources"]


def test_an_environment_outside_a_vpc_has_no_queue_to_submit_to_and_says_so() -> None:
    arch = two_az_network()
    arch.add_service("lambda_function", "region", label="Submitter", node_id="fn")
    arch.add_service("batch_compute_environment", "region", label="Jobs", node_id="batch")
    arch.connect("fn", "batch", K.INVOKE)
    template = build_template(arch)
    assert "JobsJobDefinition" not in template["Resources"]
    assert (
        export_notes("cloudformation", arch)
        == export_notes("terraform", arch)
        == [
            "not declared, to do by hand: Jobs (Batch): place the compute environment in subnets: AWS Batch launches "
            "its instances or tasks in a VPC; neither it nor its job queue is written",
            "not declared, to do by hand: Submitter (Lambda): let it submit jobs to Jobs (Batch) yourself: the export "
            "writes no job queue for an environment outside a VPC",
        ]
    )


def test_batch_holds_the_job_definition_once_deployed() -> None:
    with mock_aws():
        physical = deploy(job_submitter(), "job-submitter")
        batch = boto3.client("batch", region_name="us-east-1")
        [definition] = batch.describe_job_definitions(jobDefinitions=[physical["JobsJobDefinition"]])[
            "jobDefinitions"
        ]
        iam = boto3.client("iam", region_name="us-east-1")
        [name] = iam.list_role_policies(RoleName=physical["SubmitterRole"])["PolicyNames"]
        document = iam.get_role_policy(RoleName=physical["SubmitterRole"], PolicyName=name)["PolicyDocument"]
    # moto keeps no platform capabilities (its model drops them); the container is as written, its image the
    # stand-in moto deploys give a parameter without a default, its role the one the stack made.
    container = definition["containerProperties"]
    assert (container["image"], container["executionRoleArn"].split("/")[-1]) == (
        "stand-in-jobsjobimage",
        physical["JobsJobExecutionRole"],
    )
    assert sorted(container["resourceRequirements"], key=lambda r: r["type"]) == [
        {"type": "MEMORY", "value": "2048"},
        {"type": "VCPU", "value": "1"},
    ]
    [submit] = [s for s in document["Statement"] if s["Action"] == ["batch:SubmitJob"]]
    assert submit["Resource"] == [physical["JobsQueue"], physical["JobsJobDefinition"]]


def test_terraform_writes_the_same_job_definition_and_grant() -> None:
    found = check(job_submitter())
    definition = found[("aws_batch_job_definition", "jobs_job_definition")]
    assert (definition["type"], definition["platform_capabilities"]) == ("container", ["FARGATE"])
    assert definition["container_properties"] == (
        '${jsonencode({image = var.jobs_job_image, resourceRequirements = [{type = "VCPU", value = "1"}, '
        '{type = "MEMORY", value = "2048"}], executionRoleArn = aws_iam_role.jobs_job_execution_role.arn})}'
    )
    policy = found[("aws_iam_role_policy", "submitter_role_policy")]["policy"]
    assert (
        _hcl(
            ["batch:SubmitJob"],
            "aws_batch_job_queue.jobs_queue.arn",
            "aws_batch_job_definition.jobs_job_definition.arn",
        )
        in policy
    )


def step_scheduler() -> Architecture:
    arch = two_az_network()
    arch.add_service("lambda_function", "private-a", label="Scheduler", node_id="fn")
    arch.add_service("emr_cluster", "private-a", label="Spark", node_id="emr")
    arch.connect("fn", "emr", K.INVOKE)
    return arch


SPARK = {
    "Fn::Sub": "arn:${AWS::Partition}:elasticmapreduce:${AWS::Region}:${AWS::AccountId}:cluster/${Spark}"
}


def test_a_caller_of_an_emr_cluster_may_add_steps_to_it_and_follow_them() -> None:
    template = build_template(step_scheduler())
    assert _statements(template, "SchedulerRole") == sorted(
        [
            _allow(["elasticmapreduce:AddJobFlowSteps", "elasticmapreduce:DescribeStep"], SPARK),
            _allow(["sqs:SendMessage"], {"Fn::GetAtt": ["SchedulerDeadLetterQueue", "Arn"]}),
        ],
        key=json.dumps,
    )
    variables = template["Resources"]["Scheduler"]["Properties"]["Environment"]["Variables"]
    assert variables == {"SPARK_CLUSTER_ID": {"Ref": "Spark"}}
    assert lint(json.dumps(template), "step_scheduler.json") == []
    assert export_notes("cloudformation", step_scheduler()) == []


def test_the_step_grant_is_held_once_deployed_and_terraform_writes_it() -> None:
    with mock_aws():
        physical = deploy(step_scheduler(), "step-scheduler")
        iam = boto3.client("iam", region_name="us-east-1")
        [name] = iam.list_role_policies(RoleName=physical["SchedulerRole"])["PolicyNames"]
        document = iam.get_role_policy(RoleName=physical["SchedulerRole"], PolicyName=name)["PolicyDocument"]
    [steps] = [s for s in document["Statement"] if s["Action"][0].startswith("elasticmapreduce:")]
    assert steps["Resource"][0].startswith("arn:aws:elasticmapreduce:us-east-1:123456789012:cluster/")
    policy = check(step_scheduler())[("aws_iam_role_policy", "scheduler_role_policy")]["policy"]
    cluster = (
        '"arn:${data.aws_partition.current.partition}:elasticmapreduce:${data.aws_region.current.name}:'
        '${data.aws_caller_identity.current.account_id}:cluster/${aws_emr_cluster.spark.id}"'
    )
    assert _hcl(["elasticmapreduce:AddJobFlowSteps", "elasticmapreduce:DescribeStep"], cluster) in policy
