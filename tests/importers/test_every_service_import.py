"""The design holding every catalog service (tests/exporters/every_service.py) exported to CloudFormation and imported
comes back with no difference that `archbuilder diff` sees, in YAML and JSON, and the services AWS declares come back
with their own settings; Terraform of a design whose EMR cluster comes back outside any subnet it declares exports
again."""

from __future__ import annotations

from pathlib import Path

import pytest

from archbuilder.cli.main import main
from archbuilder.exporters.cloudformation.manual import manual_steps
from archbuilder.exporters.cloudformation.source_template import cloudformation_template
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.registry import export
from archbuilder.importers.terraform import import_terraform
from archbuilder.model import save
from tests.exporters.every_service import every_service
from tests.exporters.test_ml_and_data_processing_export import data_processing
from tests.importers.round_trips import connections, imported, services

# The services this design added to the export, each with a resource CloudFormation declares.
DECLARED = {
    "guardduty",
    "shield",
    "config_recorder",
    "cloudhsm_cluster",
    "xray",
    "iot_core",
    "global_accelerator",
    "eks_node_group",
    "elastic_beanstalk",
    "fsx_file_system",
}
# The services AWS offers no declarative resource for: the export leaves them as steps, which name them.
BY_HAND = {"glacier_vault", "inspector", "storage_gateway"}


@pytest.mark.parametrize("fmt", ["cloudformation", "cloudformation-json"])
def test_the_every_service_design_comes_back_with_no_difference(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    design = tmp_path / "every.arch.json"
    save(every_service(), design)
    assert main(["export", str(design), "--format", fmt, "-o", str(tmp_path / "out"), "--quiet"]) == 0
    [template] = sorted((tmp_path / "out").iterdir())
    back = tmp_path / "back.arch.json"
    assert main(["import", str(template), "-o", str(back)]) == 0
    capsys.readouterr()
    assert main(["diff", str(template), str(back)]) == 0
    assert main(["diff", str(design), str(back)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"no difference between {template} and {back}",
        f"no difference between {design} and {back}",
    ]


def test_the_services_aws_declares_come_back_with_their_settings_and_place(tmp_path: Path) -> None:
    design = every_service()
    arch, _report = imported(build_template(design), tmp_path)
    assert services(arch, DECLARED) == services(design, DECLARED)
    assert services(arch, DECLARED)["FSx"] == (
        "fsx_file_system",
        ["Private a", "Private b"],
        {
            "file_system_type": "OPENZFS",
            "storage_capacity_gb": 64,
            "throughput_capacity_mbps": 160,
            "multi_az": True,
            "ingress": [],
        },
    )


def test_what_belongs_to_a_service_folds_into_it_and_its_connections_come_back(tmp_path: Path) -> None:
    design = every_service()
    arch, report = imported(build_template(design), tmp_path)
    assert report.generic == []
    assert {name for name, _kind in report.folded} >= {
        "ConfigDeliveryChannel",  # the recorder's: AWS Config has one of each per region
        "ConfigBucket",
        "BeanstalkApplication",
        "BeanstalkRole",  # named in the environment's option settings
        "BeanstalkServiceRole",
        "EKSNodesRole",
        "WAFAPIGatewayAssociation",
        "GlobalAcceleratorEndpoints",
    }
    mine = {s.label for s in design.services() if s.type in DECLARED or s.type == "waf_web_acl"}
    drawn = {c for c in connections(design) if c[0] in mine or c[1] in mine}
    back = {c for c in connections(arch) if c[0] in mine or c[1] in mine}
    # The network ACL is associated with the subnets of what it is drawn to, and reads as drawn to all they hold.
    assert back - {c for c in back if c[0] == "NACL"} == drawn - set(NOT_IN_THE_TEMPLATE)
    assert drawn == {
        ("Beanstalk", "ElastiCache", "traffic"),
        ("CloudTrail", "GuardDuty", "logs"),
        ("EC2", "CloudHSM", "traffic"),
        ("EC2", "FSx", "traffic"),
        ("EKS", "EKS nodes", "deploy"),
        ("Global Accelerator", "NLB", "traffic"),
        ("IoT Core", "Kinesis", "write"),
        ("Lambda", "X-Ray", "logs"),
        ("Shield", "CloudFront", "attach"),
        ("WAF", "API Gateway", "attach"),
    }


def test_the_grants_tasks_and_attachments_connections_configure_read_back_as_those_connections(
    tmp_path: Path,
) -> None:
    arch, _report = imported(build_template(every_service()), tmp_path)
    assert {
        ("Lambda", "Athena", "invoke"),  # athena:StartQueryExecution on the workgroup
        ("Lambda", "KMS", "read"),  # kms:Decrypt on the key
        ("Step Functions", "Glue job", "invoke"),  # glue:StartJobRun on the job
        ("EBS", "EC2", "attach"),  # the volume's attachment
        ("Route 53", "EIP", "dns"),  # the address record
        ("Lambda", "Log group", "logs"),  # the function's logging configuration
    } <= connections(arch)


# Connections of these services that configure nothing, so that no template can say them, each with why.
NOT_IN_THE_TEMPLATE = {
    ("CloudTrail", "GuardDuty", "logs"): "GuardDuty reads the account's CloudTrail events by itself, unasked",
}


def test_services_left_as_steps_come_back_from_the_steps_with_their_settings(tmp_path: Path) -> None:
    design = every_service()
    design.set_property("glacier-vault", "vault_lock", True)
    design.set_property("storage-gateway", "gateway_type", "FILE_FSX_SMB")
    arch, _report = imported(build_template(design), tmp_path)
    assert services(arch, BY_HAND) == {
        "Glacier": ("glacier_vault", ["region"], {"vault_lock": True}),
        "Inspector": ("inspector", ["region"], {}),
        "Storage Gateway": ("storage_gateway", ["region"], {"gateway_type": "FILE_FSX_SMB"}),
    }
    # The gateway's file shares are on the bucket its step names; its write to the vault is the step granting it
    # (drawn_records.py).
    assert {c for c in connections(arch) if c[0] == "Storage Gateway"} == {
        ("Storage Gateway", "S3", "write"),
        ("Storage Gateway", "Glacier", "write"),
    }
    # An edit changes the step; deleting the node takes its step.
    [vault] = [n for n in arch.services() if n.type == "glacier_vault"]
    arch.set_property(vault.id, "vault_lock", False)
    [step] = [s for s in manual_steps(cloudformation_template(arch)) if s.startswith("Glacier (Glacier)")]
    assert "lock its compliance policy" not in step
    arch.remove_node(vault.id)
    assert [s for s in manual_steps(cloudformation_template(arch)) if s.startswith("Glacier")] == []


def test_these_services_come_back_from_terraform_too(tmp_path: Path) -> None:
    """main.tf names the steps in its opening comment (a step's own text may hold `(...): `); an FSx file system is
    a provider type of its kind; X-Ray groups and IoT rules keep their labels in their Name tags."""
    export("terraform", every_service(), tmp_path / "tf")
    arch, _report = import_terraform(tmp_path / "tf")
    assert services(arch, BY_HAND | DECLARED) == services(every_service(), BY_HAND | DECLARED)


def test_terraform_of_an_emr_cluster_comes_back_in_its_subnet_and_exports_again(tmp_path: Path) -> None:
    """The Terraform import reads an EMR cluster's subnet from its ec2_attributes (it used to put the cluster in
    the account's default VPC, whose subnet the export has no resource of to tag: a TypeError)."""
    export("terraform", data_processing(), tmp_path / "first")
    arch, _report = import_terraform(tmp_path / "first")
    [cluster] = [s for s in arch.services() if s.type == "emr_cluster" and s.label == "Spark"]
    [drawn] = [s for s in data_processing().services() if s.type == "emr_cluster" and s.label == "Spark"]
    assert arch.node(cluster.parent_id or "").label == data_processing().node(drawn.parent_id or "").label
    written = export("terraform", arch, tmp_path / "again")
    assert sorted(p.name for p in written) == [
        "main.tf",
        "outputs.tf",
        "providers.tf",
        "variables.tf",
        "versions.tf",
    ]
    assert 'resource "aws_emr_cluster" "spark"' in (tmp_path / "again" / "main.tf").read_text(
        encoding="utf-8"
    )
