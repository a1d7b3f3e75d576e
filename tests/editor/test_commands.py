"""Every named command is one transaction: done, undone and redone, the whole document is byte for byte what
it was; a refused transaction changes nothing; typing into one field is one step; one `changed` per step."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from archbuilder.catalog import ConnectionKind
from archbuilder.editor import commands
from archbuilder.editor.document import Document
from archbuilder.model import NodeKind, Suppression, dumps
from archbuilder.model.usage import DesignUsage, ScenarioUsage, Usage
from tests.model.builders import two_az_network


@pytest.fixture
def document(qapp) -> Document:
    document = Document(two_az_network())
    assert document.add_service("alb", "public-a", 10, 10) == "alb"
    assert document.add_service("ec2_instance", "private-a", 10, 10) == "ec2"
    assert document.add_service("rds_instance", "private-b", 10, 10) == "rds"
    assert document.connect_services("alb", "ec2", ConnectionKind.TRAFFIC, 80) == "alb-to-ec2"
    document.undo_stack.clear()
    return document


def _edits() -> dict[str, tuple[type[commands.DocumentCommand], Callable[[Document], object]]]:
    """One edit per command, with the command it must push."""
    return {
        "add service": (commands.AddNodesCommand, lambda d: d.add_service("s3_bucket", "region", 40, 700)),
        "add container": (
            commands.AddNodesCommand,
            lambda d: d.add_container(NodeKind.SUBNET, "az-b", 0, 200, tier="public"),
        ),
        "duplicate": (commands.AddNodesCommand, lambda d: d.duplicate(["ec2", "rds"], 30, 30)),
        "move": (commands.MoveItemsCommand, lambda d: d.move_items({"ec2": (50, 60), "rds": (70, 80)})),
        "move and reparent": (
            commands.MoveItemsCommand,
            lambda d: d.move_items(
                {"rds": (5, 6)}, [("ec2", "private-b", 120, 20), ("alb", "public-b", 1, 2)]
            ),
        ),
        "resize": (commands.ResizeContainerCommand, lambda d: d.resize_container("private-a", 500, 260)),
        "delete": (commands.RemoveItemsCommand, lambda d: d.delete(["az-a"], ["alb-to-ec2"])),
        "connect": (
            commands.ConnectCommand,
            lambda d: d.connect_services("ec2", "rds", ConnectionKind.TRAFFIC, 5432),
        ),
        "set property": (commands.SetPropertyCommand, lambda d: d.set_property("rds", "multi_az", False)),
        "rename": (commands.SetLabelCommand, lambda d: d.set_label("ec2", "App server")),
        "container field": (
            commands.SetContainerFieldCommand,
            lambda d: d.set_container_field("vpc", "cidr", "10.0.0.0/20"),
        ),
        "extra subnets": (
            commands.SetExtraSubnetsCommand,
            lambda d: d.set_extra_subnets("alb", ["public-b"]),
        ),
        "metadata": (commands.SetMetadataCommand, lambda d: d.set_metadata("name", "Shop")),
        "suppress": (
            commands.SuppressCommand,
            lambda d: d.suppress(Suppression(rule_id="REL-001", node_ids=("rds",), reason="staging only")),
        ),
        "usage": (
            commands.SetUsageCommand,
            lambda d: d.set_usage("rds", ScenarioUsage(expected=Usage(gb_stored=80, gb_transferred=4))),
        ),
        "design usage": (
            commands.SetDesignUsageCommand,
            lambda d: d.set_design_usage(
                DesignUsage(presets={"nat_gateway": ScenarioUsage(high=Usage(gb_transferred=9))})
            ),
        ),
        "swap": (commands.SwapServiceCommand, lambda d: d.swap_service("ec2", "lambda_function")),
        "arrange": (commands.ArrangeCommand, lambda d: d.arrange()),
    }


@pytest.mark.parametrize("name", list(_edits()))
def test_each_command_redoes_undoes_and_redoes_the_whole_document(document: Document, name: str) -> None:
    command_type, edit = _edits()[name]
    before = dumps(document.architecture)
    assert edit(document)
    after = dumps(document.architecture)
    assert after != before
    stack = document.undo_stack
    assert stack.count() == 1
    assert type(stack.command(0)) is command_type
    stack.undo()
    assert dumps(document.architecture) == before
    stack.redo()
    assert dumps(document.architecture) == after
    stack.undo()
    assert dumps(document.architecture) == before


def test_a_gesture_refused_half_way_changes_nothing_and_pushes_nothing(document: Document) -> None:
    messages: list[str] = []
    document.status_message.connect(messages.append)
    before = dumps(document.architecture)
    # The first reparent is fine; the second would put an RDS database straight into a VPC.
    assert not document.move_items({"alb": (3, 4)}, [("ec2", "private-b", 0, 0), ("rds", "vpc", 0, 0)])
    assert dumps(document.architecture) == before
    assert document.undo_stack.count() == 0
    assert messages == [
        "Refused: RDS cannot be placed in a VPC; it belongs in a private subnet or in a public subnet"
    ]


def test_deleting_a_container_with_a_selected_connection_inside_it_is_one_step(document: Document) -> None:
    before = dumps(document.architecture)
    assert document.delete(["az-a", "ec2"], ["alb-to-ec2"])  # ec2 and the connection go with az-a anyway
    assert sorted(document.architecture.nodes) == ["az-b", "private-b", "public-b", "rds", "region", "vpc"]
    assert document.undo_stack.text(0) == "Delete 3 items"
    document.undo_stack.undo()
    assert dumps(document.architecture) == before


def test_typing_into_one_field_is_one_step(document: Document) -> None:
    before = dumps(document.architecture)
    for text in ("A", "Ap", "App"):
        assert document.set_label("ec2", text, typing=True)
    assert document.undo_stack.count() == 1
    assert document.undo_stack.text(0) == "Rename EC2"
    assert document.architecture.node("ec2").label == "App"
    document.set_label("rds", "Orders", typing=True)  # another field: a step of its own
    document.set_label("ec2", "Apps", typing=True)  # typing resumed after it: another step
    assert document.undo_stack.count() == 3
    document.undo_stack.undo()
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert dumps(document.architecture) == before


def test_typing_back_to_the_old_value_leaves_no_step(document: Document) -> None:
    before = dumps(document.architecture)
    document.set_metadata("name", "Shop", typing=True)
    document.set_metadata("name", "Untitled architecture", typing=True)
    assert document.undo_stack.count() == 0
    assert dumps(document.architecture) == before


def test_edits_not_typed_stay_separate_steps(document: Document) -> None:
    document.set_property("rds", "allocated_storage_gb", 50)
    document.set_property("rds", "allocated_storage_gb", 60)
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    assert document.architecture.service("rds").properties["allocated_storage_gb"] == 50


def test_one_changed_signal_per_transaction_undo_and_redo(document: Document) -> None:
    changes: list[None] = []
    document.changed.connect(lambda: changes.append(None))
    document.move_items({"rds": (5, 6)}, [("ec2", "private-b", 120, 20), ("alb", "public-b", 1, 2)])
    document.delete(["az-a"])
    assert len(changes) == 2
    document.undo_stack.undo()
    document.undo_stack.undo()
    document.undo_stack.redo()
    assert len(changes) == 5
    document.set_label("ec2", "A", typing=True)
    document.set_label("ec2", "Ap", typing=True)  # merged, yet the label changed again
    assert len(changes) == 7
    document.set_property("rds", "multi_az", "no")  # refused: nothing changed
    assert len(changes) == 7
    document.replace(two_az_network())
    assert len(changes) == 8


def test_a_swap_is_one_step_that_keeps_the_connections_the_new_service_accepts(document: Document) -> None:
    before = dumps(document.architecture)
    assert document.swap_service("ec2", "lambda_function")
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Swap EC2 for Lambda"
    swapped = document.architecture.service("ec2")
    assert (swapped.type, swapped.label, swapped.parent_id) == ("lambda_function", "EC2", "private-a")
    connection = document.architecture.connection("alb-to-ec2")
    assert (connection.kind.value, connection.port) == (
        "invoke",
        None,
    )  # a function is invoked, not sent traffic
    document.undo_stack.undo()
    assert dumps(document.architecture) == before
    document.undo_stack.redo()
    assert document.architecture.service("ec2").type == "lambda_function"
