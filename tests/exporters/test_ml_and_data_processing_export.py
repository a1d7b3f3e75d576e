"""SageMaker endpoints and notebooks, AWS Batch, EMR and Data Pipeline export to both formats with their roles, and
their connections as configuration (what a function may invoke, what a cluster or pipeline reads and writes).
cfn-lint judges the template, moto deploys it and describe calls find what the design says, and the Terraform
corresponds resource by resource."""

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

IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/recommender:1"


def machine_learning() -> Architecture:
    arch = two_az_network()
    add = arch.add_service
    add(
        "sagemaker_endpoint",
        "private-a",
        label="Recommender",
        node_id="rec",
        properties={
            "model_image": IMAGE,
            "model_data_url": "s3://models-bucket/rec/model.tar.gz",
            "instance_count": 2,
            "max_instance_count": 4,
        },
    )
    add("sagemaker_endpoint", "region", label="Scorer", node_id="score")
    add("sagemaker_notebook", "private-a", label="Lab", node_id="lab")
    add("sagemaker_notebook", "region", label="Scratch", node_id="scratch", properties={"encrypted": False})
    add(
        "batch_compute_environment",
        "private-a",
        label="Render farm",
        node_id="farm",
        extra_subnet_ids=["private-b"],
        properties={"resource_type": "SPOT", "min_vcpus": 4},
    )
    add(
        "batch_compute_environment", "private-a", label="Jobs", node_id="jobs", extra_subnet_ids=["private-b"]
    )
    add("batch_compute_environment", "region", label="Nowhere", node_id="nowhere")
    add("lambda_function", "region", label="Api", node_id="api")
    arch.connect("api", "rec", K.INVOKE)
    return arch


def own_fleet() -> Architecture:
    """An unmanaged compute environment in a private subnet, whose instances are the user's own, and a managed one
    beside it."""
    arch = two_az_network()
    arch.add_service(
        "batch_compute_environment",
        "private-a",
        label="Own fleet",
        node_id="fleet",
        properties={"managed": False},
    )
    arch.add_service("batch_compute_environment", "private-a", label="Jobs", node_id="jobs")
    return arch


def data_processing() -> Architecture:
    arch = two_az_network()
    add = arch.add_service
    add(
        "emr_cluster",
        "private-a",
        label="Spark",
        node_id="spark",
        properties={"log_uri": "s3://logs-bucket/emr/", "task_instance_count": 2, "core_market": "SPOT"},
    )
    add(
        "emr_cluster",
        "private-b",
        label="Tiny",
        node_id="tiny",
        properties={"core_instance_count": 0, "encrypted": False},
    )
    add("s3_bucket", "region", label="Lake", node_id="lake")
    add("s3_bucket", "region", label="Curated", node_id="curated")
    add("dynamodb_table", "region", label="Events", node_id="events")
    add("data_pipeline", "region", label="Nightly copy", node_id="copy")
    add(
        "data_pipeline",
        "region",
        label="Hive job",
        node_id="hive",
        properties={"activity": "HiveActivity", "schedule_period": "6 hours"},
    )
    add(
        "data_pipeline",
        "region",
        label="Shell",
        node_id="shell",
        properties={"activity": "ShellCommandActivity"},
    )
    add("data_pipeline", "region", label="Sql", node_id="sql", properties={"activity": "SqlActivity"})
    arch.connect("spark", "lake", K.READ_WRITE)
    arch.connect("copy", "lake", K.READ)
    arch.connect("copy", "curated", K.WRITE)
    arch.connect("hive", "events", K.READ)
    arch.connect("hive", "curated", K.WRITE)
    return arch


def _fields(pipeline: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Pipeline object id -> {field key: value or ("ref", id)}."""
    return {
        item["Id"]: {
            f["Key"]: ("ref", f["RefValue"]) if "RefValue" in f else f["StringValue"] for f in item["Fields"]
        }
        for item in pipeline["Properties"]["PipelineObjects"]
    }


def test_both_designs_pass_cfn_lint() -> None:
    assert lint(json.dumps(build_template(machine_learning())), "machine-learning.json") == []
    assert lint(json.dumps(build_template(data_processing())), "data-processing.json") == []


def test_an_endpoint_is_a_model_a_configuration_and_an_endpoint_that_scales_on_invocations() -> None:
    resources = build_template(machine_learning())["Resources"]
    model = resources["RecommenderModel"]
    assert model["DependsOn"] == "RecommenderRolePolicy"
    assert model["Properties"]["PrimaryContainer"] == {
        "Image": {"Ref": "RecommenderModelImage"},
        "ModelDataUrl": "s3://models-bucket/rec/model.tar.gz",
    }
    assert model["Properties"]["VpcConfig"] == {
        "Subnets": [{"Ref": "PrivateA"}],
        "SecurityGroupIds": [{"Ref": "RecommenderSecurityGroup"}],
    }
    [variant] = resources["RecommenderConfig"]["Properties"]["ProductionVariants"]
    assert (variant["VariantName"], variant["InitialInstanceCount"], variant["ModelName"]) == (
        "AllTraffic",
        2,
        {"Fn::GetAtt": ["RecommenderModel", "ModelName"]},
    )
    assert resources["RecommenderConfig"]["Properties"]["KmsKeyId"] == {
        "Fn::GetAtt": ["RecommenderKey", "Arn"]
    }
    target = resources["RecommenderScalableTarget"]["Properties"]
    assert (target["MinCapacity"], target["MaxCapacity"], target["ResourceId"]) == (
        2,
        4,
        {"Fn::Sub": "endpoint/${Recommender.EndpointName}/variant/AllTraffic"},
    )
    tracking = resources["RecommenderScalingPolicy"]["Properties"]["TargetTrackingScalingPolicyConfiguration"]
    assert tracking["TargetValue"] == 1000.0
    statements = resources["RecommenderRolePolicy"]["Properties"]["PolicyDocument"]["Statement"]
    assert {
        "Effect": "Allow",
        "Action": ["s3:GetObject"],
        "Resource": [{"Fn::Sub": "arn:${AWS::Partition}:s3:::models-bucket/rec/model.tar.gz"}],
    } in statements
    # The function that invokes the endpoint may do so, and only that.
    api = resources["ApiRolePolicy"]["Properties"]["PolicyDocument"]["Statement"]
    assert {
        "Effect": "Allow",
        "Action": ["sagemaker:InvokeEndpoint"],
        "Resource": [{"Ref": "Recommender"}],
    } in api


def test_an_endpoint_without_an_image_asks_for_it_and_a_notebook_outside_a_vpc_says_what_it_cannot_do() -> (
    None
):
    template = build_template(machine_learning())
    assert "Default" not in template["Parameters"]["ScorerModelImage"]
    resources = template["Resources"]
    lab = resources["Lab"]["Properties"]
    assert (lab["DirectInternetAccess"], lab["RootAccess"], lab["SubnetId"]) == (
        "Disabled",
        "Disabled",
        {"Ref": "PrivateA"},
    )
    assert "DirectInternetAccess" not in resources["Scratch"]["Properties"]
    assert "KmsKeyId" not in resources["Scratch"]["Properties"]
    assert manual_steps(template) == [
        "Nowhere (Batch): place the compute environment in subnets: AWS Batch launches its instances or tasks in a "
        "VPC; neither it nor its job queue is written",
        "Scorer (SageMaker endpoint): choose the image that serves the model and give it as the parameter "
        "ScorerModelImage",
        "Scratch (SageMaker notebook): place the notebook in a subnet to take its internet access away: outside a "
        "VPC SageMaker always gives it one",
    ]
    assert "Nowhere" not in resources and "NowhereQueue" not in resources


def test_batch_environments_take_their_capacity_and_a_queue() -> None:
    resources = build_template(machine_learning())["Resources"]
    farm = resources["RenderFarm"]["Properties"]["ComputeResources"]
    assert {k: farm[k] for k in ("Type", "MinvCpus", "MaxvCpus", "InstanceTypes", "AllocationStrategy")} == {
        "Type": "SPOT",
        "MinvCpus": 4,
        "MaxvCpus": 16,
        "InstanceTypes": ["optimal"],
        "AllocationStrategy": "SPOT_CAPACITY_OPTIMIZED",
    }
    assert farm["InstanceRole"] == {"Fn::GetAtt": ["RenderFarmInstanceProfile", "Arn"]}
    jobs = resources["Jobs"]["Properties"]["ComputeResources"]
    assert jobs == {
        "Type": "FARGATE",
        "MaxvCpus": 16,
        "Subnets": [{"Ref": "PrivateA"}, {"Ref": "PrivateB"}],
        "SecurityGroupIds": [{"Ref": "JobsSecurityGroup"}],
    }
    assert resources["JobsQueue"]["Properties"]["ComputeEnvironmentOrder"] == [
        {"Order": 1, "ComputeEnvironment": {"Ref": "Jobs"}}
    ]


def _named_groups(template: dict[str, Any]) -> dict[str, list[str]]:
    """Each security group of the template -> the resources naming it, other than groups and their rules."""
    resources = template["Resources"]
    text = {
        name: json.dumps(body)
        for name, body in resources.items()
        if not body["Type"].startswith("AWS::EC2::SecurityGroup")
    }
    return {
        group: sorted(name for name, body in text.items() if f'"{group}"' in body)
        for group, resource in resources.items()
        if resource["Type"] == "AWS::EC2::SecurityGroup"
    }


def test_an_unmanaged_environment_gets_no_group_as_it_names_none() -> None:
    """AWS::Batch::ComputeEnvironment names security groups only in the ComputeResources of a managed one. A group
    was written for an unmanaged one all the same, named by nothing: the Terraform import read it back as a group
    node of its own."""
    template = build_template(own_fleet())
    resources = template["Resources"]
    assert resources["OwnFleet"]["Properties"] == {
        "Type": "UNMANAGED",
        "State": "ENABLED",
        "ServiceRole": {"Fn::GetAtt": ["OwnFleetServiceRole", "Arn"]},
        "Tags": {"Design": "Untitled architecture", "Environment": "production"},
    }
    assert _named_groups(template) == {"JobsSecurityGroup": ["Jobs"]}
    assert lint(json.dumps(template), "own-fleet.json") == []
    for design in (machine_learning(), data_processing()):
        assert all(_named_groups(build_template(design)).values())


def test_an_emr_cluster_has_its_groups_encryption_and_tagged_network() -> None:
    resources = build_template(data_processing())["Resources"]
    spark = resources["Spark"]["Properties"]
    assert spark["Instances"]["CoreInstanceGroup"] == {
        "InstanceCount": 2,
        "InstanceType": "m5.xlarge",
        "Market": "SPOT",
        "BidPrice": "OnDemandPrice",
    }
    assert resources["SparkTaskGroup"]["Properties"]["JobFlowId"] == {"Ref": "Spark"}
    disks = resources["SparkSecurityConfiguration"]["Properties"]["SecurityConfiguration"][
        "EncryptionConfiguration"
    ]
    assert disks["AtRestEncryptionConfiguration"]["LocalDiskEncryptionConfiguration"]["AwsKmsKey"] == {
        "Fn::GetAtt": ["SparkKey", "Arn"]
    }
    tag = {"Key": "for-use-with-amazon-emr-managed-policies", "Value": "true"}
    assert (
        tag in resources["PrivateA"]["Properties"]["Tags"]
        and tag in resources["SparkSecurityGroup"]["Properties"]["Tags"]
    )
    tiny = resources["Tiny"]["Properties"]
    assert "CoreInstanceGroup" not in tiny["Instances"] and "SecurityConfiguration" not in tiny
    assert "DependsOn" not in resources["Tiny"]  # nothing to grant: no policy to wait for
    reads = resources["SparkRolePolicy"]["Properties"]["PolicyDocument"]["Statement"]
    assert {
        "Effect": "Allow",
        "Action": ["s3:DeleteObject", "s3:GetObject", "s3:ListBucket", "s3:PutObject"],
        "Resource": [
            {"Fn::GetAtt": ["Lake", "Arn"]},
            {"Fn::Sub": "${Lake.Arn}/*"},
        ],
    } in reads


def test_pipelines_read_and_write_what_they_are_connected_to() -> None:
    template = build_template(data_processing())
    resources = template["Resources"]
    copy = _fields(resources["NightlyCopy"])
    assert copy["Activity"] == {
        "type": "CopyActivity",
        "runsOn": ("ref", "Compute"),
        "input": ("ref", "Input"),
        "output": ("ref", "Output"),
    }
    assert copy["Input"]["directoryPath"] == {"Fn::Sub": "s3://${Lake}/NightlyCopy/Input/"}
    assert copy["Default"]["role"] == {"Ref": "NightlyCopyPipelineRole"}
    hive = _fields(resources["HiveJob"])
    assert (hive["Compute"]["type"], hive["Input"]["type"], hive["Schedule"]["period"]) == (
        "EmrCluster",
        "DynamoDBDataNode",
        "6 hours",
    )
    assert resources["NightlyCopy"]["Properties"]["Activate"] is False
    assert "Sql" not in resources
    assert (
        "Sql (Data Pipeline): a SqlActivity reads a database whose password Data Pipeline keeps in the definition "
        "itself: define the pipeline (every 1 day) in the console; it is not written"
        in manual_steps(template)
    )


def test_the_terraform_corresponds() -> None:
    found = check(machine_learning())
    assert found[("aws_appautoscaling_policy", "recommender_scaling_policy")]["resource_id"] == (
        "${aws_appautoscaling_target.recommender_scalable_target.resource_id}"
    )
    assert found[("aws_sagemaker_endpoint", "recommender")]["endpoint_config_name"] == (
        "${aws_sagemaker_endpoint_configuration.recommender_config.name}"
    )
    assert found[("aws_batch_compute_environment", "render_farm")]["compute_resources"][0][
        "allocation_strategy"
    ] == ("SPOT_CAPACITY_OPTIMIZED")
    found = check(data_processing())
    spark = found[("aws_emr_cluster", "spark")]
    assert spark["core_instance_group"][0]["bid_price"] == "OnDemandPrice"
    assert spark["ec2_attributes"][0]["additional_master_security_groups"] == (
        '${join(",", [aws_security_group.spark_security_group.id])}'
    )
    definition = found[("aws_datapipeline_pipeline_definition", "nightly_copy")]
    activity = next(o for o in definition["pipeline_object"] if o["id"] == "Activity")
    assert {"key": "input", "ref_value": "Input"} in activity["field"]


def test_both_designs_deploy_in_moto() -> None:
    with mock_aws():
        cloudformation = boto3.client("cloudformation", region_name="us-east-1")
        for name, design in (("ml", machine_learning()), ("data", data_processing())):
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
            for stack in ("ml", "data")
            for r in cloudformation.describe_stack_resources(StackName=stack)["StackResources"]
        }
        sagemaker = boto3.client("sagemaker", region_name="us-east-1")
        endpoints = {e["EndpointName"] for e in sagemaker.list_endpoints()["Endpoints"]}
        assert len(endpoints) == 2
        emr = boto3.client("emr", region_name="us-east-1")
        cluster = emr.describe_cluster(ClusterId=physical["Spark"])["Cluster"]
        assert (cluster["ReleaseLabel"], cluster["Ec2InstanceAttributes"]["Ec2SubnetId"]) == (
            "emr-7.1.0",
            physical["PrivateA"],
        )
        batch = boto3.client("batch", region_name="us-east-1")
        environments = {
            e["computeEnvironmentArn"]: e
            for e in batch.describe_compute_environments()["computeEnvironments"]
        }
        assert environments[physical["RenderFarm"]]["computeResources"]["type"] == "SPOT"
        pipelines = boto3.client("datapipeline", region_name="us-east-1")
        definition = pipelines.get_pipeline_definition(pipelineId=physical["NightlyCopy"])
        assert {o["id"] for o in definition["pipelineObjects"]} == {
            "Default",
            "Schedule",
            "Compute",
            "Input",
            "Output",
            "Activity",
        }


def test_an_unmanaged_environment_deploys_in_moto() -> None:
    """moto's CloudFormation model of a compute environment reads ComputeResources, which an unmanaged one has
    none of (moto 5.2, batch/models.py): the stack deploys without it and its queue, and moto's Batch API creates it
    from the template's properties, with the role the stack made."""
    deployable, _dropped = moto_deployable(build_template(own_fleet()))
    own = deployable["Resources"].pop("OwnFleet")["Properties"]
    deployable["Resources"].pop("OwnFleetQueue")
    with mock_aws():
        cloudformation = boto3.client("cloudformation", region_name="us-east-1")
        cloudformation.create_stack(
            StackName="fleet", TemplateBody=json.dumps(deployable), Capabilities=["CAPABILITY_IAM"]
        )
        assert (
            cloudformation.describe_stacks(StackName="fleet")["Stacks"][0]["StackStatus"] == "CREATE_COMPLETE"
        )
        physical = {
            r["LogicalResourceId"]: r.get("PhysicalResourceId")
            for r in cloudformation.describe_stack_resources(StackName="fleet")["StackResources"]
        }
        role = boto3.client("iam", region_name="us-east-1").get_role(RoleName=physical["OwnFleetServiceRole"])
        assert own["ServiceRole"] == {"Fn::GetAtt": ["OwnFleetServiceRole", "Arn"]}
        batch = boto3.client("batch", region_name="us-east-1")
        created = batch.create_compute_environment(
            computeEnvironmentName="OwnFleet",
            type=own["Type"],
            state=own["State"],
            serviceRole=role["Role"]["Arn"],
        )
        [fleet] = batch.describe_compute_environments(computeEnvironments=[created["computeEnvironmentArn"]])[
            "computeEnvironments"
        ]
        assert (fleet["type"], fleet["state"], "computeResources" in fleet) == ("UNMANAGED", "ENABLED", False)
        groups = boto3.client("ec2", region_name="us-east-1").describe_security_groups()["SecurityGroups"]
        assert [g["GroupId"] for g in groups if g["GroupName"] != "default"] == [
            physical["JobsSecurityGroup"]
        ]
