"""Connections whose template is the same whether they are drawn or not come back as the design drew them, from
CloudFormation and from Terraform, and an edit of the template that takes away what says them takes them away.

A queue polled by a container service is written as the service's grant to receive and delete its messages, which
reads as the polling (a function's polling is its event source mapping; the same grant reads as a read)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from archbuilder.catalog import ConnectionKind as K
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.terraform.files import render
from archbuilder.model import Architecture
from tests.exporters.every_service import every_service
from tests.importers.round_trips import (
    assert_cli_round_trip_unchanged,
    connections,
    imported,
    terraform_imported,
)
from tests.model.builders import two_az_network

FORMATS = ("cloudformation", "terraform")
CONSUMING = '["sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"]'


def _polled_queues() -> Architecture:
    """A queue polled by an ECS service's workers, and a queue a function reads with the SDK (no mapping)."""
    arch = two_az_network()
    arch.add_service("ecs_service", "private-a", label="Workers", node_id="workers")
    arch.add_service("sqs_queue", "region", label="Jobs", node_id="jobs")
    arch.add_service("lambda_function", "private-a", label="Reader", node_id="reader")
    arch.add_service("sqs_queue", "region", label="Inbox", node_id="inbox")
    arch.connect("jobs", "workers", K.POLL)
    arch.connect("reader", "inbox", K.READ)
    return arch


def _back(design: Architecture, fmt: str, folder: Path) -> Architecture:
    if fmt == "cloudformation":
        return imported(build_template(design), folder)[0]
    return terraform_imported(render(design), folder)[0]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_queue_polled_by_a_service_comes_back_polled_and_a_functions_read_as_a_read(
    fmt: str, tmp_path: Path
) -> None:
    assert connections(_back(_polled_queues(), fmt, tmp_path)) == {
        ("Jobs", "Workers", "poll"),
        ("Reader", "Inbox", "read"),
    }


def test_a_grant_that_no_longer_deletes_the_messages_reads_as_a_read_of_the_queue(tmp_path: Path) -> None:
    """Someone takes sqs:DeleteMessage out of the workers' grant: they read the queue, they no longer poll it."""
    template = build_template(_polled_queues())
    [statement] = template["Resources"]["WorkersRolePolicy"]["Properties"]["PolicyDocument"]["Statement"]
    assert statement["Action"] == ["sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"]
    statement["Action"] = ["sqs:GetQueueAttributes", "sqs:ReceiveMessage"]
    assert connections(imported(template, tmp_path)[0]) == {
        ("Workers", "Jobs", "read"),
        ("Reader", "Inbox", "read"),
    }


def test_terraform_without_the_workers_grant_reads_what_the_template_still_names(tmp_path: Path) -> None:
    """The workers' role policy taken out of main.tf: the queue's URL in their task definition is all that is
    left of it, a bare reference, no longer the polling."""
    files = render(_polled_queues())
    start = files["main.tf"].index('resource "aws_iam_role_policy" "workers_role_policy"')
    end = files["main.tf"].index("\n}\n", start) + 3
    assert CONSUMING in files["main.tf"][start:end]
    files["main.tf"] = files["main.tf"][:start] + files["main.tf"][end:]
    assert connections(terraform_imported(files, tmp_path)[0]) == {
        ("Workers", "Jobs", "read_write"),
        ("Reader", "Inbox", "read"),
    }


# What the every-service design draws of its network ACL, its cluster and its workgroup, and what its template
# holds in their place: the records its export makes (exporters/cloudformation/drawn_connections.py).
RECORDS = [
    {
        "node": "Athena",
        "service": "Athena",
        "property": "read_buckets",
        "design": [],
        "written": ["S3"],
        "why": "a workgroup names no bucket: it queries the catalog's tables, which the crawlers make of the "
        "buckets they crawl",
    },
    {
        "node": "ECS cluster",
        "service": "ECS cluster",
        "property": "attached_services",
        "design": ["ECS service"],
        "written": ["ECS service", "Fargate"],
        "why": "every ECS service of the design runs in its first cluster, drawn attached to it or not",
    },
    {
        "node": "NACL",
        "service": "NACL",
        "property": "attached_services",
        "design": ["RDS"],
        "written": ["Private a", "Private b"],
        "why": "a network ACL guards subnets: it is associated with those of the services it is drawn to, which "
        "hold others",
    },
]
RECORDED = {"NACL", "ECS cluster", "Athena"}


def _of_recorded(arch: Architecture) -> set[tuple[str, str, str]]:
    """The connections from or to the network ACL, the cluster and the workgroup."""
    return {c for c in connections(arch) if RECORDED & {c[0], c[1]}}


def test_the_export_records_what_the_design_draws_where_the_template_reads_more() -> None:
    records = build_template(every_service())["Metadata"]["archbuilder"]["written_instead"]
    assert [r for r in records if r["node"] in RECORDED] == RECORDS
    main = render(every_service())["main.tf"].splitlines()
    assert [line for line in main if line.startswith(tuple(f"#   - {n} (" for n in RECORDED))] == [
        '#   - Athena (Athena): read_buckets [] is written as ["S3"]: a workgroup names no bucket: it queries the '
        "catalog's tables, which the crawlers make of the buckets they crawl",
        '#   - ECS cluster (ECS cluster): attached_services ["ECS service"] is written as ["ECS service", '
        '"Fargate"]: every ECS service of the design runs in its first cluster, drawn attached to it or not',
        '#   - NACL (NACL): attached_services ["RDS"] is written as ["Private a", "Private b"]: a network ACL '
        "guards subnets: it is associated with those of the services it is drawn to, which hold others",
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_acl_the_cluster_and_the_workgroup_come_back_connected_as_drawn(fmt: str, tmp_path: Path) -> None:
    assert _of_recorded(_back(every_service(), fmt, tmp_path)) == {
        ("NACL", "RDS", "attach"),
        ("ECS service", "ECS cluster", "attach"),
        ("Lambda", "Athena", "invoke"),
    }


def test_an_acl_no_longer_associated_with_a_subnet_reads_as_the_template_now_says(tmp_path: Path) -> None:
    """Private b's association removed: the ACL guards Private a alone, and reads as attached to the services
    there (RDS, in both subnets, is no longer guarded whole)."""
    template = build_template(every_service())
    del template["Resources"]["PrivateBNetworkAclAssociation"]
    acl = {c for c in connections(imported(template, tmp_path)[0]) if c[0] == "NACL"}
    assert acl == {
        ("NACL", "EC2", "attach"),
        ("NACL", "SageMaker endpoint", "attach"),
    }


def test_terraform_without_the_association_reads_the_same(tmp_path: Path) -> None:
    files = render(every_service())
    start = files["main.tf"].index(
        'resource "aws_network_acl_association" "private_b_network_acl_association"'
    )
    end = files["main.tf"].index("\n}\n", start) + 3
    files["main.tf"] = files["main.tf"][:start] + files["main.tf"][end:]
    acl = {c for c in connections(terraform_imported(files, tmp_path)[0]) if c[0] == "NACL"}
    assert acl == {
        ("NACL", "EC2", "attach"),
        ("NACL", "SageMaker endpoint", "attach"),
    }


def test_a_service_put_in_another_cluster_reads_as_attached_to_it(tmp_path: Path) -> None:
    """The Fargate service moved by hand to a cluster of its own: the design's cluster no longer runs what the
    record says, and each service reads as attached to the cluster it names."""
    template = build_template(every_service())
    template["Resources"]["WorkerCluster"] = {"Type": "AWS::ECS::Cluster", "Properties": {}}
    template["Resources"]["Fargate"]["Properties"]["Cluster"] = {"Ref": "WorkerCluster"}
    clusters = {"ECS cluster", "WorkerCluster"}
    read = connections(imported(template, tmp_path)[0])
    assert {c for c in read if c[1] in clusters} == {
        ("ECS service", "ECS cluster", "attach"),
        ("Fargate", "WorkerCluster", "attach"),
    }


def test_a_crawler_crawling_another_bucket_makes_the_workgroup_read_what_the_crawlers_crawl(
    tmp_path: Path,
) -> None:
    template = build_template(every_service())
    targets = template["Resources"]["GlueCrawler"]["Properties"]["Targets"]["S3Targets"]
    targets.append({"Path": {"Fn::Sub": "s3://${Curated}/"}})
    reads = {c for c in connections(imported(template, tmp_path)[0]) if c[0] == "Athena" and c[2] == "read"}
    assert reads == {("Athena", "S3", "read"), ("Athena", "Curated", "read")}


def test_terraform_without_the_record_reads_the_template_alone(tmp_path: Path) -> None:
    """main.tf's record of the ECS cluster taken out: both services naming it read as attached to it."""
    files = render(every_service())
    files["main.tf"] = "\n".join(
        line for line in files["main.tf"].splitlines() if not line.startswith("#   - ECS cluster (")
    )
    cluster = {c for c in connections(terraform_imported(files, tmp_path)[0]) if c[1] == "ECS cluster"}
    assert cluster == {("ECS service", "ECS cluster", "attach"), ("Fargate", "ECS cluster", "attach")}


def test_a_service_added_to_the_cluster_by_hand_makes_it_read_as_the_template_says(tmp_path: Path) -> None:
    """A second Fargate service written into the template beside the first: the cluster no longer runs what the
    record says, and every service naming it reads as attached to it."""
    template = build_template(every_service())
    template["Resources"]["Reports"] = copy.deepcopy(template["Resources"]["Fargate"])
    read = connections(imported(template, tmp_path)[0])
    assert {c for c in read if c[1] == "ECS cluster"} == {
        ("ECS service", "ECS cluster", "attach"),
        ("Fargate", "ECS cluster", "attach"),
        ("Reports", "ECS cluster", "attach"),
    }


# The every-service design's connections the export writes nothing for, each a step it leaves to do by hand.
LEFT_BY_HAND = {
    ("CodePipeline", "Stack", "deploy"),
    ("EC2", "IAM role", "attach"),
    ("IAM role", "SageMaker notebook", "attach"),
    ("Log group", "Alarm", "logs"),
    ("Storage Gateway", "Glacier", "write"),
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_connection_left_to_do_by_hand_comes_back_from_its_step(fmt: str, tmp_path: Path) -> None:
    assert connections(_back(every_service(), fmt, tmp_path)) & LEFT_BY_HAND == LEFT_BY_HAND


def test_a_step_taken_out_of_the_template_takes_its_connection_with_it(tmp_path: Path) -> None:
    """Someone grants the gateway its access to Glacier and takes the step off the template's list: the template
    no longer says the gateway writes there."""
    template = build_template(every_service())
    steps = template["Metadata"]["archbuilder"]["manual_steps"]
    [step] = [
        s for s in steps if s["step"].startswith("grant it write access to Glacier (Glacier) yourself: ")
    ]
    steps.remove(step)
    assert connections(imported(template, tmp_path)[0]) & LEFT_BY_HAND == LEFT_BY_HAND - {
        ("Storage Gateway", "Glacier", "write")
    }


def test_terraform_without_the_step_reads_no_metric_filter_to_write(tmp_path: Path) -> None:
    files = render(every_service())
    main = files["main.tf"].splitlines()
    [line] = [
        line for line in main if line.startswith("#   - Alarm (Alarm): watch Log group (Log group) through")
    ]
    files["main.tf"] = "\n".join(other for other in main if other != line)
    assert connections(terraform_imported(files, tmp_path)[0]) & LEFT_BY_HAND == LEFT_BY_HAND - {
        ("Log group", "Alarm", "logs")
    }


@pytest.mark.parametrize("fmt", FORMATS)
def test_archbuilder_diff_finds_the_every_service_design_and_its_round_trip_the_same(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every connection as drawn, the routes and ACL rules as written and the export's records in the order of
    their nodes: export, import and diff as a user runs them."""
    assert_cli_round_trip_unchanged(every_service(), fmt, tmp_path, capsys)


def test_a_record_edited_into_something_else_is_not_believed(tmp_path: Path) -> None:
    """A record whose values are no longer lists of labels (numbers, a mapping) is left aside: the cluster reads as
    the template alone says, with no error."""
    template = build_template(every_service())
    records = template["Metadata"]["archbuilder"]["written_instead"]
    [cluster] = [r for r in records if r["node"] == "ECS cluster"]
    cluster["written"] = [1, "Fargate"]
    [acl] = [r for r in records if r["node"] == "NACL"]
    acl["design"] = {"RDS": True}
    read = connections(imported(template, tmp_path)[0])
    assert {c for c in read if c[1] == "ECS cluster"} == {
        ("ECS service", "ECS cluster", "attach"),
        ("Fargate", "ECS cluster", "attach"),
    }
    assert len({c for c in read if c[0] == "NACL"}) == 26
