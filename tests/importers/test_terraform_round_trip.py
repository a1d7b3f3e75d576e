"""Terraform in and out: an exported design imported from its Terraform gives the same files back, an edit changes
only its blocks, settings Terraform splits off a bucket read as the bucket's, variables stay variables, and types
CloudFormation cannot express are still written back to Terraform."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from archbuilder.catalog import ConnectionKind as K
from archbuilder.compare.diff_engine import Change, diff_documents
from archbuilder.compare.diff_sources import load_side
from archbuilder.exporters.registry import ExportError, export
from archbuilder.exporters.terraform.files import render
from archbuilder.importers.terraform import import_terraform
from archbuilder.model import load, save
from archbuilder.resource_files import example_names, example_path


def _export(design: Path | object, folder: Path) -> Path:
    arch = load(design) if isinstance(design, Path) else design
    export("terraform", arch, folder)  # type: ignore[arg-type]
    return folder


@pytest.mark.parametrize("name", example_names())
def test_every_example_comes_back_from_its_terraform_byte_for_byte(name: str, tmp_path: Path) -> None:
    first = _export(Path(str(example_path(name))), tmp_path / "first")
    imported, report = import_terraform(first)
    assert report.generic == []
    again = _export(imported, tmp_path / "again")
    assert {p.name: p.read_bytes() for p in first.iterdir()} == {
        p.name: p.read_bytes() for p in again.iterdir()
    }
    assert imported.metadata.name == load(Path(str(example_path(name)))).metadata.name


def test_an_edit_changes_only_its_blocks_and_added_blocks_are_laid_out_as_terraform_fmt_would(
    tmp_path: Path,
) -> None:
    first = _export(Path(str(example_path("serverless-api"))), tmp_path / "first")
    arch, _report = import_terraform(first)
    arch.set_property("fulfilmentworker", "memory_mb", 512)
    arch.add_service("sns_topic", "region", label="Order events", node_id="events")
    arch.connect("fulfilmentworker", "events", K.WRITE)
    design = tmp_path / "edited.arch.json"
    save(arch, design)
    diff = diff_documents(load_side(first), load_side(design, "terraform"))
    assert [(r.name, r.status) for r in diff.resources] == [
        ("aws_lambda_function.fulfilment_worker", "changed"),
        ("aws_iam_role_policy.fulfilment_worker_role_policy", "changed"),
        ("aws_sns_topic.order_events", "added"),
    ]
    assert diff.resources[0].changes == [
        Change("memory_size", "changed", 128, 512),
        Change(
            "environment[0].variables.ORDEREVENTS_TOPIC_ARN",
            "added",
            None,
            "${aws_sns_topic.order_events.arn}",
        ),
    ]
    [grant] = diff.resources[1].statements
    assert grant.removed == [] and grant.added == [
        {"Effect": "Allow", "Action": ["sns:Publish"], "Resource": ["${aws_sns_topic.order_events.arn}"]}
    ]
    terraform = shutil.which("terraform")
    if terraform is None:
        pytest.skip("terraform is not installed: terraform fmt -check not run")
    out = _export(arch, tmp_path / "out")
    check = subprocess.run([terraform, "fmt", "-check", str(out)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_deleting_a_service_takes_its_blocks_out_of_the_files(tmp_path: Path) -> None:
    """The trail's blocks and its bucket's (with their split-off settings) go; nothing else changes, and the files
    stay as terraform fmt writes them (they used to be written back whole, the deleted trail and all)."""
    first = _export(Path(str(example_path("serverless-api"))), tmp_path / "first")
    arch, _report = import_terraform(first)
    arch.remove_node("audittrail")
    design = tmp_path / "edited.arch.json"
    save(arch, design)
    diff = diff_documents(load_side(first), load_side(design, "terraform"))
    assert [(r.name, r.status) for r in diff.resources] == [
        ("aws_s3_bucket.audit_trail_bucket", "removed"),
        ("aws_s3_bucket_versioning.audit_trail_bucket", "removed"),
        ("aws_s3_bucket_public_access_block.audit_trail_bucket", "removed"),
        ("aws_s3_bucket_server_side_encryption_configuration.audit_trail_bucket", "removed"),
        ("aws_s3_bucket_policy.audit_trail_bucket_policy", "removed"),
        ("aws_cloudtrail.audit_trail", "removed"),
    ]
    terraform = shutil.which("terraform")
    if terraform is None:
        pytest.skip("terraform is not installed: terraform fmt -check not run")
    out = _export(arch, tmp_path / "out")
    check = subprocess.run([terraform, "fmt", "-check", str(out)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


HAND_WRITTEN = """\
variable "environment" {
  type    = string
  default = "production"
}

variable "db_class" {
  type    = string
  default = "db.t4g.large"
}

# The team's uploads, private and encrypted by the bucket's companions.
resource "aws_s3_bucket" "uploads" {
  bucket = "uploads-${var.environment}"
}

resource "aws_s3_bucket_public_access_block" "uploads" {
  bucket                  = aws_s3_bucket.uploads.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_s3_bucket_versioning" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_ownership_controls" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_db_parameter_group" "postgres" {
  family = "postgres16"
  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
}

resource "aws_db_instance" "main" {
  engine               = "postgres"
  instance_class       = var.db_class
  allocated_storage    = 50
  parameter_group_name = aws_db_parameter_group.postgres.name
  storage_encrypted    = true
}

resource "aws_route53_zone" "main" {
  name = "example.org"
}

resource "aws_route53_record" "www" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "www.example.org"
  type    = "CNAME"
  ttl     = 300
  records = ["example.net"]
}

resource "aws_iam_user" "deployer" {
  name = "deployer"
}
"""


def _hand_written(tmp_path: Path) -> Path:
    folder = tmp_path / "infra"
    folder.mkdir()
    (folder / "main.tf").write_text(HAND_WRITTEN)
    return folder


def test_hand_written_terraform_reads_as_what_it_is_and_comes_back_unchanged(tmp_path: Path) -> None:
    folder = _hand_written(tmp_path)
    arch, report = import_terraform(folder)
    kinds = {logical: kind for logical, kind, _node in report.mapped}
    assert kinds["Main"] == "AWS::RDS::DBInstance"
    assert ("Postgres", "AWS::RDS::DBParameterGroup") in report.folded
    assert ("Www", "AWS::Route53::RecordSet") in report.folded
    bucket = arch.service("uploads").properties
    assert (bucket["public_access"], bucket["encrypted"], bucket["versioning"]) == (False, True, True)
    # A setting given by a variable reads as the variable's default.
    assert arch.service("main").properties["instance_class"] == "db.t4g.large"
    assert [(logical, kind) for logical, kind, _node in report.generic] == [
        ("Deployer", "Terraform::aws_iam_user")
    ]
    assert render(arch) == {"main.tf": HAND_WRITTEN}


def test_what_cloudformation_cannot_express_is_refused_there_by_name(tmp_path: Path) -> None:
    arch, _report = import_terraform(_hand_written(tmp_path))
    with pytest.raises(ExportError, match="Deployer: an imported resource without a CloudFormation type"):
        export("cloudformation", arch, tmp_path / "cfn")


HSM_CLUSTER = """\
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1a"
}

resource "aws_subnet" "b" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.2.0/24"
  availability_zone = "us-east-1b"
}

resource "aws_cloudhsm_v2_cluster" "keys" {
  hsm_type   = "hsm2m.medium"
  subnet_ids = [aws_subnet.a.id, aws_subnet.b.id]
}

resource "aws_cloudhsm_v2_hsm" "first" {
  cluster_id = aws_cloudhsm_v2_cluster.keys.cluster_id
  subnet_id  = aws_subnet.a.id
}

resource "aws_cloudhsm_v2_hsm" "second" {
  cluster_id = aws_cloudhsm_v2_cluster.keys.cluster_id
  subnet_id  = aws_subnet.b.id
}

resource "aws_cloudhsm_v2_hsm" "third" {
  cluster_id = aws_cloudhsm_v2_cluster.keys.cluster_id
  subnet_id  = aws_subnet.b.id
}
"""


def test_the_hsms_terraform_declares_are_the_clusters_count_and_go_with_it(tmp_path: Path) -> None:
    """CloudFormation cannot declare a CloudHSM cluster's HSMs, Terraform can: three aws_cloudhsm_v2_hsm read as an
    HSM count of 3 (not the catalog's 2), fold into the cluster, are written back as they were and are taken out
    with it, each with the blank line that parted it from the next block."""
    (tmp_path / "main.tf").write_text(HSM_CLUSTER)
    arch, report = import_terraform(tmp_path)
    assert report.generic == []
    assert [(s.label, s.type, s.properties["hsm_count"]) for s in arch.services()] == [
        ("Keys", "cloudhsm_cluster", 3)
    ]
    assert render(arch)["main.tf"] == HSM_CLUSTER
    arch.remove_node("keys")
    assert render(arch)["main.tf"] == HSM_CLUSTER[: HSM_CLUSTER.index('\nresource "aws_cloudhsm_v2_cluster"')]
