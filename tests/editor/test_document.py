"""Document edits are single, labelled undo steps that restore exact model state; refusals change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from archbuilder.catalog import ConnectionKind
from archbuilder.editor.autosave import Autosaver, find_recoverable, load_recoverable
from archbuilder.editor.document import Document
from archbuilder.model import NodeKind, dumps
from tests.model.builders import two_az_network


@pytest.fixture
def document(qapp) -> Document:
    return Document(two_az_network())


def _undo_redo_round_trip(document: Document, before: str) -> None:
    after = dumps(document.architecture)
    document.undo_stack.undo()
    assert dumps(document.architecture) == before
    document.undo_stack.redo()
    assert dumps(document.architecture) == after


def test_each_edit_is_one_labelled_undo_step(document: Document) -> None:
    before = dumps(document.architecture)
    app = document.add_service("ec2_instance", "private-a", 10, 20)
    db = document.add_service("rds_instance", "private-b", 30, 40)
    assert (app, db) == ("ec2", "rds")
    document.connect_services(app, db, ConnectionKind.TRAFFIC, 5432)
    document.set_property(db, "multi_az", False)
    document.move_items({app: (50, 60), db: (70, 80)})
    document.set_label(app, "App server")
    document.delete([db])
    stack = document.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == [
        "Add EC2",
        "Add RDS",
        "Connect EC2 → RDS",
        "Set Multi-AZ",
        "Move 2 items",
        "Rename EC2",
        "Delete RDS",
    ]
    while stack.canUndo():
        stack.undo()
    assert dumps(document.architecture) == before
    while stack.canRedo():
        stack.redo()
    assert list(document.architecture.nodes).count("rds") == 0
    assert document.architecture.service("ec2").label == "App server"


def test_refused_edits_push_nothing_and_say_why(document: Document) -> None:
    messages: list[str] = []
    document.status_message.connect(messages.append)
    assert document.add_service("rds_instance", "vpc", 0, 0) is None
    assert document.add_service("nat_gateway", "private-a", 0, 0) is None
    fn = document.add_service("lambda_function", "region", 0, 0)
    assert fn is not None
    assert document.set_property(fn, "timeout_seconds", 1000) is False
    assert document.undo_stack.count() == 1
    assert messages == [
        "Refused: RDS cannot be placed in a VPC; it belongs in a private subnet or in a public subnet",
        "Refused: NAT cannot be placed in a private subnet; it belongs in a public subnet",
        "Refused: Lambda › Timeout: must be at most 900 s",
    ]


def test_reparent_and_container_edits_undo_exactly(document: Document) -> None:
    alb = document.add_service("alb", "public-a", 0, 0)
    assert alb is not None
    document.set_extra_subnets(alb, ["public-b"])
    before = dumps(document.architecture)
    assert document.move_items({}, [(alb, "public-b", 5, 5)])
    assert document.architecture.service(alb).extra_subnet_ids == []
    _undo_redo_round_trip(document, before)
    document.undo_stack.undo()
    assert document.architecture.service(alb).extra_subnet_ids == ["public-b"]
    before = dumps(document.architecture)
    assert document.set_container_field("vpc", "cidr", "10.0.0.0/20")
    _undo_redo_round_trip(document, before)


def test_new_containers_get_free_cidrs_and_zones(document: Document) -> None:
    az = document.add_container(NodeKind.AZ, "vpc", 0, 0)
    assert document.architecture.node(az).zone == "us-east-1c"  # type: ignore[union-attr]
    subnet = document.add_container(NodeKind.SUBNET, az, 0, 0, tier="public")
    node = document.architecture.node(subnet)
    assert (node.label, node.cidr) == ("Public subnet", "10.0.4.0/24")  # type: ignore[union-attr]


def test_duplicate_copies_a_container_with_its_contents_as_one_step(document: Document) -> None:
    document.add_service("ec2_instance", "private-a", 10, 10)
    copies = document.duplicate(["ec2"], 30, 30)
    assert copies == ["ec2-2"]
    copy = document.architecture.node(copies[0])
    assert (copy.label, copy.parent_id, copy.x, copy.y) == ("EC2 copy", "private-a", 40.0, 40.0)
    assert document.undo_stack.text(document.undo_stack.count() - 1) == "Duplicate 1 item"


def test_save_marks_clean_and_reopens_identically(document: Document, tmp_path: Path) -> None:
    document.add_service("s3_bucket", "region", 0, 0)
    assert document.is_modified
    path = document.save(tmp_path / "net.arch.json")
    assert not document.is_modified
    other = Document()
    other.open(path)
    assert dumps(other.architecture) == dumps(document.architecture)
    assert other.path == path


def test_autosave_writes_a_recovery_copy_and_a_crash_leaves_it_recoverable(
    document: Document, tmp_path: Path
) -> None:
    folder = tmp_path / "recovery"
    saver = Autosaver(document, folder, interval_ms=60_000)
    assert saver.save_now() is False  # nothing unsaved yet
    document.add_service("s3_bucket", "region", 0, 0)
    assert saver.save_now() is True
    assert find_recoverable(folder) == []  # this instance is alive and holds the lock
    expected = dumps(document.architecture)
    saver._lock.unlock()  # what a crash leaves behind: the file without a live lock
    [item] = find_recoverable(folder)
    assert dumps(load_recoverable(item)) == expected
    assert item.original is None


def test_clean_shutdown_leaves_nothing_to_recover(document: Document, tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    saver = Autosaver(document, folder)
    document.add_service("s3_bucket", "region", 0, 0)
    saver.save_now()
    saver.shutdown()
    assert find_recoverable(folder) == []
    assert sorted(p.name for p in folder.iterdir()) == []


def test_containers_grow_to_hold_a_node_added_near_their_edge_in_the_same_step(document: Document) -> None:
    before = dumps(document.architecture)
    service = document.add_service("ec2_instance", "private-a", 380, 250)
    assert service is not None
    sizes = {
        i: (n.width, n.height)
        for i in ("private-a", "az-a", "vpc", "region")
        if (n := document.architecture.node(i))
    }  # type: ignore[union-attr]
    # EC2 is 96 x 84 and keeps 16 from each edge: the subnet, its AZ and the VPC grow, the region is big enough.
    assert sizes == {
        "private-a": (492.0, 350.0),
        "az-a": (508.0, 366.0),
        "vpc": (1100.0, 382.0),
        "region": (1200.0, 900.0),
    }
    assert document.undo_stack.count() == 1
    _undo_redo_round_trip(document, before)
