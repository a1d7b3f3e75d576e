"""Connections whose template is the same whether they are drawn or not come back as the design drew them, from
CloudFormation and from Terraform, and an edit of the template that takes away what says them takes them away.

A queue polled by a container service is written as the service's grant to receive and delete its messages, which
reads as the polling (a function's polling is its event source mapping; the same grant reads as a read)."""

from __future__ import annotations

from pathlib import Path

import pytest

from archbuilder.catalog import ConnectionKind as K
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.terraform.files import render
from archbuilder.model import Architecture
from tests.importers.round_trips import connections, imported, terraform_imported
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
