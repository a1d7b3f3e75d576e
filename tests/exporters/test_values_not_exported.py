"""A value of the design that an export format cannot write is never dropped in silence: validation raises OPS-035
on the service, and `archbuilder export` prints a warning naming it, for each format that leaves it out, from the
one table (catalog/export_gaps.py) both read. The export itself still succeeds and writes everything else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archbuilder.cli.main import main
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.terraform.files import render
from archbuilder.model import Architecture, save
from tests.exporters.cfn_tools import lint
from tests.exporters.test_ecs_on_ec2_terraform import validated
from tests.exporters.test_terraform_validate import needs_provider
from tests.exporters.tf_tools import resources
from tests.importers.round_trips import terraform_imported
from tests.model.builders import two_az_network


def design() -> Architecture:
    """An exportable certificate, a Neptune cluster on I/O-optimised storage and an SNS topic taking 1 MiB
    messages; and a rotated secret and an ECS service on EC2, which the exports write (test_secret_rotation.py,
    test_ecs_on_ec2_export.py), so nothing is said of them."""
    arch = two_az_network()
    add = arch.add_service
    add("ecs_cluster", "region", label="Cluster", node_id="cluster")
    add("ecs_service", "private-a", label="Orders", node_id="orders", properties={"launch_type": "EC2"})
    add(
        "secrets_manager_secret",
        "region",
        label="Db Password",
        node_id="secret",
        properties={"rotation_days": 30},
    )
    add("acm_certificate", "region", label="Api Cert", node_id="cert", properties={"exportable": True})
    add(
        "neptune_cluster",
        "private-a",
        label="Graph",
        node_id="graph",
        extra_subnet_ids=["private-b"],
        properties={"storage_type": "iopt1"},
    )
    add(
        "sns_topic",
        "region",
        label="Events",
        node_id="events",
        properties={"max_message_size_bytes": 1048576},
    )
    return arch


# What CloudFormation alone cannot write: the Neptune cluster's storage type; and what Terraform alone cannot:
# the certificate's exportable, the topic's message size.
CLOUDFORMATION_ONLY = [
    "warning: not written: Graph (Neptune): storage_type iopt1 is written as standard: CloudFormation's Neptune "
    "cluster has no storage type (Terraform's aws_neptune_cluster storage_type)",
]
TERRAFORM_ONLY = [
    "warning: not written: Api Cert (ACM): exportable true is written as false: the hashicorp/aws 5.x provider has "
    "no certificate argument for it (CloudFormation's CertificateExport)",
    "warning: not written: Events (SNS): max_message_size_bytes 1048576 is written as 262144: the hashicorp/aws "
    "5.x provider has no topic argument for it (CloudFormation's MaximumMessageSize)",
]


@pytest.mark.parametrize("fmt", ["cloudformation", "cloudformation-json", "terraform"])
def test_export_names_each_value_it_cannot_write(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "design.arch.json"
    save(design(), document)
    assert main(["export", str(document), "--format", fmt, "-o", str(tmp_path / "out"), "--quiet"]) == 0
    warnings = capsys.readouterr().err.splitlines()
    # In the order of the services' ids (cert, events, graph).
    if fmt == "terraform":
        assert warnings == TERRAFORM_ONLY
    else:
        assert warnings == CLOUDFORMATION_ONLY


def test_validate_raises_ops_035_on_each_service(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = tmp_path / "design.arch.json"
    save(design(), document)
    main(["validate", str(document)])
    lines = [line for line in capsys.readouterr().out.splitlines() if " OPS-035 " in line]
    assert lines == [
        "WARNING OPS-035 “Api Cert” (ACM) has exportable true, which the Terraform export writes as false: the "
        "hashicorp/aws 5.x provider has no certificate argument for it (CloudFormation's CertificateExport) [cert]",
        "WARNING OPS-035 “Events” (SNS) has max_message_size_bytes 1048576, which the Terraform export writes "
        "as 262144: the hashicorp/aws 5.x provider has no topic argument for it (CloudFormation's "
        "MaximumMessageSize) [events]",
        "WARNING OPS-035 “Graph” (Neptune) has storage_type iopt1, which the CloudFormation export writes as "
        "standard: CloudFormation's Neptune cluster has no storage type (Terraform's aws_neptune_cluster "
        "storage_type) [graph]",
    ]


def test_values_the_export_writes_raise_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    arch = design()
    for node_id, name, value in (
        ("cert", "exportable", False),
        ("graph", "storage_type", "standard"),
        ("events", "max_message_size_bytes", 262144),
    ):
        arch.set_property(node_id, name, value)
    document = tmp_path / "design.arch.json"
    save(arch, document)
    assert (
        main(["export", str(document), "--format", "terraform", "-o", str(tmp_path / "out"), "--quiet"]) == 0
    )
    assert capsys.readouterr().err == ""


def test_cloudformation_writes_an_exportable_certificate_and_a_topic_message_size() -> None:
    """CloudFormation can say them (CertificateExport, MaximumMessageSize), so it does, and cfn-lint's schema
    accepts them; Terraform cannot, which the warnings above name."""
    template = build_template(design())
    [topic] = [b for b in template["Resources"].values() if b["Type"] == "AWS::SNS::Topic"]
    assert topic["Properties"]["MaximumMessageSize"] == 1048576
    [certificate] = [
        b for b in template["Resources"].values() if b["Type"] == "AWS::CertificateManager::Certificate"
    ]
    assert certificate["Properties"]["CertificateExport"] == "ENABLED"
    assert lint(json.dumps(template), "exportable.json") == []
    assert (
        "export"
        not in render(design())["main.tf"].split('resource "aws_acm_certificate"')[1].split("\n}\n")[0]
    )


def test_terraform_writes_the_neptune_storage_type_and_reads_it_back(tmp_path: Path) -> None:
    """Terraform's aws_neptune_cluster takes storage_type (the mirrored hashicorp/aws 5.100.0 schema has it), so
    that export writes it and its import reads it; CloudFormation's template stays without it."""
    files = render(design())
    [cluster] = [body for (kind, _name), body in resources(files).items() if kind == "aws_neptune_cluster"]
    assert cluster["storage_type"] == "iopt1"
    [written] = [
        b for b in build_template(design())["Resources"].values() if b["Type"] == "AWS::Neptune::DBCluster"
    ]
    assert "StorageType" not in written["Properties"]
    imported, report = terraform_imported(files, tmp_path)
    assert report.generic == []
    [graph] = [n for n in imported.services() if n.label == "Graph"]
    assert graph.properties["storage_type"] == "iopt1"
    # The default is left to AWS, as before.
    standard = design()
    standard.set_property("graph", "storage_type", "standard")
    [cluster] = [
        body for (kind, _name), body in resources(render(standard)).items() if kind == "aws_neptune_cluster"
    ]
    assert "storage_type" not in cluster


@needs_provider
def test_terraform_validate_accepts_what_terraform_writes(tmp_path: Path) -> None:
    assert validated(design(), tmp_path) == (True, [])
