"""The grants a design's calls and MSK connections are exported as come back as those connections: a statement of
Kafka actions on a cluster and the ARNs built from it as the write or read it was drawn as (connecting to the
cluster and describing it say neither), a build or crawl started as a call, the submission of jobs to a Batch
environment's queue with its job definition as a call of the environment (the queue and the definition fold into
it); from CloudFormation and from Terraform, and `archbuilder diff` finds no difference between the export and the
imported design."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from archbuilder.catalog import ConnectionKind as K
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.terraform.files import render
from archbuilder.importers.grant_kinds import statement_kind
from archbuilder.model import Architecture
from tests.exporters.test_call_and_stream_grants import job_submitter, step_scheduler, streaming_worker
from tests.importers.round_trips import (
    assert_cli_round_trip_unchanged,
    assert_written_back,
    connections,
    imported,
    terraform_imported,
)

FLOWS = {
    ("Producer", "Events", "write"),
    ("Consumer", "Events", "read"),
    ("Producer", "Build", "invoke"),
    ("Consumer", "Catalog", "invoke"),
}


def test_the_grants_come_back_from_cloudformation_as_the_connections(tmp_path: Path) -> None:
    template = build_template(streaming_worker())
    arch, report = imported(template, tmp_path)
    assert report.generic == [] and report.warnings == []
    assert connections(streaming_worker()) == connections(arch) == FLOWS
    assert_written_back(arch, template)


def test_the_grants_come_back_from_terraform_as_the_connections(tmp_path: Path) -> None:
    files = render(streaming_worker())
    arch, report = terraform_imported(files, tmp_path)
    assert report.generic == [] and report.warnings == []
    assert connections(arch) == FLOWS
    assert render(arch) == files


def test_a_read_write_of_a_cluster_comes_back_as_one(tmp_path: Path) -> None:
    design = streaming_worker()
    [write] = [c for c in design.connections.values() if c.kind is K.WRITE]
    design.disconnect(write.id)
    design.connect("producer", "msk", K.READ_WRITE)
    arch, _report = imported(build_template(design), tmp_path)
    assert ("Producer", "Events", "read_write") in connections(arch)


@pytest.mark.parametrize("fmt", ["cloudformation", "terraform"])
@pytest.mark.parametrize("build", [streaming_worker, job_submitter, step_scheduler])
def test_export_import_diff_finds_no_difference(
    fmt: str, build: Callable[[], Architecture], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_cli_round_trip_unchanged(build(), fmt, tmp_path, capsys)


def test_what_each_statement_says() -> None:
    connect = ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster", "kafka-cluster:DescribeTopic"]
    assert statement_kind([*connect, "kafka-cluster:WriteData"]) is K.WRITE
    assert statement_kind([*connect, "kafka-cluster:ReadData", "kafka-cluster:AlterGroup"]) is K.READ
    assert statement_kind([*connect, "kafka-cluster:ReadData", "kafka-cluster:WriteData"]) is K.READ_WRITE
    assert statement_kind(connect) is None  # reaching the cluster only: no connection of its own
    assert statement_kind(["codebuild:BatchGetBuilds", "codebuild:StartBuild"]) is K.INVOKE
    assert statement_kind(["glue:GetCrawler", "glue:StartCrawler"]) is K.INVOKE
    assert statement_kind(["sqs:ReceiveMessage", "sqs:DeleteMessage"]) is K.READ
    assert statement_kind(["lambda:InvokeFunction"]) is K.INVOKE
    assert statement_kind("s3:PutObject") is K.WRITE
    assert statement_kind(["batch:SubmitJob"]) is K.INVOKE
    assert statement_kind(["elasticmapreduce:AddJobFlowSteps", "elasticmapreduce:DescribeStep"]) is K.INVOKE


@pytest.mark.parametrize("resource_type", ["FARGATE", "EC2"])
def test_job_submission_comes_back_as_a_call_of_the_environment(resource_type: str, tmp_path: Path) -> None:
    template = build_template(job_submitter(resource_type))
    arch, report = imported(template, tmp_path)
    assert report.generic == [] and report.warnings == []
    assert {node.label for node in arch.services()} == {"Submitter", "Jobs"}
    assert connections(arch) == {("Submitter", "Jobs", "invoke")}
    assert arch.imported is not None
    jobs = next(node.id for node in arch.services() if node.label == "Jobs")
    owned = {name for name, owner in arch.imported.owners.items() if owner == jobs}
    assert {"JobsQueue", "JobsJobDefinition"} <= owned
    assert_written_back(arch, template)


def test_job_submission_comes_back_from_terraform(tmp_path: Path) -> None:
    files = render(job_submitter())
    arch, report = terraform_imported(files, tmp_path)
    assert report.generic == [] and report.warnings == []
    assert connections(arch) == {("Submitter", "Jobs", "invoke")}
    assert render(arch) == files


def test_steps_added_to_a_cluster_come_back_as_a_call(tmp_path: Path) -> None:
    template = build_template(step_scheduler())
    arch, report = imported(template, tmp_path)
    assert report.generic == [] and report.warnings == []
    assert connections(arch) == {("Scheduler", "Spark", "invoke")}
    arch.set_imported_source(None)
    assert build_template(arch) == template
    files = render(step_scheduler())
    arch, report = terraform_imported(files, tmp_path / "terraform")
    assert report.generic == [] and connections(arch) == {("Scheduler", "Spark", "invoke")}
    assert render(arch) == files
