"""A design holding every catalog service at least once (tests/exporters/every_service.py) exports to CloudFormation
that cfn-lint passes, to Terraform that corresponds to it resource by resource (terraform validate judges it in
test_terraform_validate.py), deploys in moto with the declared stand-ins (moto_stand_ins.py), and names what AWS
offers no declarative resource for as steps, in the template and in the CLI's warnings, exiting 0."""

from __future__ import annotations

import json
from pathlib import Path

import boto3
import pytest
from moto import mock_aws

from archbuilder.catalog import default_catalog
from archbuilder.cli.main import main
from archbuilder.exporters.cloudformation.manual import manual_steps, written_instead
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.model import save
from tests.exporters.cfn_tools import deployed_in_moto, lint, moto_types
from tests.exporters.every_service import every_service
from tests.exporters.moto_stand_ins import STAND_INS
from tests.exporters.test_delivery_export import LAYER
from tests.exporters.tf_correspondence import check

# The services whose declarative part is incomplete or missing in CloudFormation, each named as a step, in the
# order of their nodes' labels. Besides: links the export writes nothing for (the alarm on the log group's events,
# the drawn role of the instance and of the notebook, each given a role of its own); a data connection it grants
# nothing for (the gateway's writes to Glacier; the function's to MSK are granted on the cluster's topics,
# test_call_and_stream_grants); a pipeline's deploy stage to a nested stack (CodeDeploy and ECS deploy actions
# only).
BY_HAND = [
    "Alarm (Alarm)",
    # The certificate of the Classic Load Balancer's HTTPS listener, none being attached: the deploy gives it.
    "CLB (CLB)",
    "CloudHSM (CloudHSM)",
    "CodeDeploy (CodeDeploy)",
    "CodePipeline (CodePipeline)",
    "Data Pipeline (Data Pipeline)",
    "Direct Connect (Direct Connect)",
    "EC2 (EC2)",
    "Glacier (Glacier)",
    "Inspector (Inspector)",
    "SageMaker notebook (SageMaker notebook)",
    "Shield (Shield)",
    "Storage Gateway (Storage Gateway)",
    "Storage Gateway (Storage Gateway)",
]


def test_the_design_holds_every_catalog_service() -> None:
    arch = every_service()
    placed = {service.type for service in arch.services()}
    assert {s.id for s in default_catalog()} - placed == {"generic"}


def test_every_service_passes_cfn_lint_in_json_and_yaml(tmp_path: Path) -> None:
    template = build_template(every_service())
    assert lint(json.dumps(template), "every-service.json") == []
    document = tmp_path / "every.arch.json"
    save(every_service(), document)
    assert (
        main(["export", str(document), "--format", "cloudformation", "-o", str(tmp_path / "yaml"), "--quiet"])
        == 0
    )
    yaml_file = tmp_path / "yaml" / "template.yaml"
    assert lint(yaml_file.read_text(encoding="utf-8"), str(yaml_file)) == []


def test_what_cannot_be_declared_is_named_in_the_template_the_files_and_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = build_template(every_service())
    steps = manual_steps(template)
    assert [step.split(":")[0] for step in steps] == BY_HAND
    document = tmp_path / "every.arch.json"
    save(every_service(), document)
    assert (
        main(["export", str(document), "--format", "terraform", "-o", str(tmp_path / "tf"), "--quiet"]) == 0
    )
    warnings = capsys.readouterr().err.splitlines()
    # Every value of the design is one the export writes (the ECS service takes the catalog's FARGATE), or one it
    # writes otherwise and names.
    instead = written_instead(template, drawn=False)
    assert warnings == [f"warning: not declared, to do by hand: {step}" for step in steps] + [
        f"warning: written in place of the design's value: {line}" for line in instead
    ]
    assert [line.split(":")[0] for line in instead] == [
        "API Gateway (API Gateway)",
        "Aurora (Aurora)",
        "DocumentDB (DocumentDB)",
        "Event rule (Event rule)",
        "Glue job (Glue job)",
        "Health check (Health check)",
        "MSK (MSK)",
        "RDS (RDS)",
    ]
    # main.tf records them too, and what the design draws where the template reads more (drawn_connections.py),
    # which is the import's to read, not a warning.
    drawn = [line.split(":")[0] for line in written_instead(template) if line not in instead]
    assert drawn == ["Athena (Athena)", "ECS cluster (ECS cluster)", "NACL (NACL)"]
    main_tf = (tmp_path / "tf" / "main.tf").read_text(encoding="utf-8")
    assert all(f"#   - {line}" in main_tf for line in steps + written_instead(template))


def test_the_terraform_corresponds_to_the_template() -> None:
    found = check(every_service())
    assert ("aws_ec2_transit_gateway", "transit_gateway") in found
    assert [kind for kind, _name in found if kind.startswith("aws_fsx_")] == ["aws_fsx_openzfs_file_system"]


def test_every_service_deploys_in_moto_with_the_declared_stand_ins() -> None:
    template = build_template(every_service())
    left_out = {body["Type"] for body in template["Resources"].values()} - moto_types()
    # Every type moto cannot create is declared, with its reason, in one place.
    assert left_out - set(STAND_INS) == set()
    with mock_aws():
        # The nested stack's template, where its default URL points.
        s3 = boto3.client("s3", region_name="us-east-1")
        s3.create_bucket(Bucket="example-bucket")
        s3.put_object(Bucket="example-bucket", Key="layer.yaml", Body=LAYER.encode())
        _deployable, resources = deployed_in_moto(template, "every-service")
        physical = {r["LogicalResourceId"]: r.get("PhysicalResourceId") for r in resources}
        ec2 = boto3.client("ec2", region_name="us-east-1")
        vpcs = {v["VpcId"]: v["CidrBlock"] for v in ec2.describe_vpcs()["Vpcs"] if not v.get("IsDefault")}
        assert sorted(vpcs.values()) == ["10.0.0.0/16", "10.1.0.0/16"]
        [hub] = ec2.describe_transit_gateways(TransitGatewayIds=[physical["TransitGateway"]])[
            "TransitGateways"
        ]
        assert hub["State"] == "available"
        [peering] = ec2.describe_vpc_peering_connections(VpcPeeringConnectionIds=[physical["Peering"]])[
            "VpcPeeringConnections"
        ]
        assert vpcs[peering["AccepterVpcInfo"]["VpcId"]] == "10.1.0.0/16"
        emr = boto3.client("emr", region_name="us-east-1")
        assert emr.describe_cluster(ClusterId=physical["EMR"])["Cluster"]["ReleaseLabel"] == "emr-7.1.0"
        [notebook] = boto3.client("sagemaker", region_name="us-east-1").list_notebook_instances()[
            "NotebookInstances"
        ]
        assert notebook["NotebookInstanceName"] == physical["SageMakerNotebook"].rsplit("/", 1)[-1]
