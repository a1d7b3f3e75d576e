"""Test support for the canvas: a small fixed catalog, a stand-in for the editor's Document (only the
contract the canvas calls), and a two-AZ network with services."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from archbuilder.catalog import Catalog, ConnectionKind, ServiceType
from archbuilder.model import (
    Architecture,
    AvailabilityZoneNode,
    InvariantError,
    NodeKind,
    RegionNode,
    ServiceNode,
    SubnetNode,
    VpcNode,
)
from archbuilder.model.containment import containment_error

_CITE = {"seed": "000_cef87d4914f142cd.txt", "section": "When to Use AWS"}
_TIPS = [{"text": f"Tip number {i} for tests.", "source": _CITE} for i in range(3)]


def _service(**fields: Any) -> ServiceType:
    base: dict[str, Any] = {
        "cfn_types": [f"AWS::Test::{fields['id']}"],
        "terraform_types": [f"aws_{fields['id']}"],
        "lockin": {"rating": "low", "rationale": "Rated low for these tests.", "source": _CITE},
        "tips": _TIPS,
    }
    base.update(fields)
    return ServiceType.model_validate(base)


def canvas_catalog() -> Catalog:
    subnets = ["public_subnet", "private_subnet"]
    return Catalog(
        [
            _service(
                id="ec2_instance",
                name="Amazon EC2 instance",
                short_name="EC2",
                aliases=["server", "vm"],
                category="compute",
                placement="subnet",
                allowed_parents=subnets,
                diagram_class="aws.compute.EC2",
                accepts=["traffic"],
            ),
            _service(
                id="alb",
                name="Application Load Balancer",
                short_name="ALB",
                aliases=["elb", "load balancer"],
                category="networking",
                placement="multi_subnet",
                allowed_parents=subnets,
                diagram_class="aws.network.ElbApplicationLoadBalancer",
                accepts=["traffic"],
            ),
            _service(
                id="rds_instance",
                name="Amazon RDS DB instance",
                short_name="RDS",
                aliases=["postgres", "mysql", "relational database"],
                category="database",
                placement="multi_subnet",
                allowed_parents=["private_subnet"],
                diagram_class="aws.database.RDS",
                accepts=["traffic", "read", "write", "read_write"],
            ),
            _service(
                id="s3_bucket",
                name="Amazon S3 bucket",
                short_name="S3",
                aliases=["object storage", "bucket"],
                category="storage",
                placement="regional",
                allowed_parents=["region"],
                diagram_class="aws.storage.S3",
                accepts=["read", "write", "read_write", "logs"],
            ),
            _service(
                id="sqs_queue",
                name="Amazon SQS queue",
                short_name="SQS",
                aliases=["message queue"],
                category="integration",
                placement="regional",
                allowed_parents=["region"],
                diagram_class="aws.integration.SQS",
                accepts=["write"],
            ),
            _service(
                id="cloudfront_distribution",
                name="Amazon CloudFront distribution",
                short_name="CloudFront",
                aliases=["cdn"],
                category="content_delivery",
                placement="global",
                allowed_parents=["root"],
                diagram_class="aws.network.CloudFront",
                accepts=[],
            ),
        ]
    )


class _Command(QUndoCommand):
    def __init__(self, text: str, redo: Any, undo: Any) -> None:
        super().__init__(text)
        self._redo, self._undo = redo, undo

    def redo(self) -> None:
        self._redo()

    def undo(self) -> None:
        self._undo()


class StandInDocument(QObject):
    """The Document contract, minimal: each edit is one QUndoCommand; refusals emit status_message."""

    architecture_replaced = Signal()
    status_message = Signal(str)

    def __init__(self, architecture: Architecture) -> None:
        super().__init__()
        self.architecture = architecture
        self.catalog = architecture.catalog
        self.undo_stack = QUndoStack(self)
        self.messages: list[str] = []
        self.status_message.connect(self.messages.append)

    def _push(self, text: str, redo: Any, undo: Any) -> bool:
        try:
            redo()
        except InvariantError as exc:
            self.status_message.emit(str(exc))
            return False
        command = _Command(text, redo, undo)
        first = [True]

        def redo_once() -> None:  # the first redo already ran above
            if first[0]:
                first[0] = False
                return
            redo()

        command._redo = redo_once
        self.undo_stack.push(command)
        return True

    def replace(self, architecture: Architecture) -> None:
        self.architecture = architecture
        self.undo_stack.clear()
        self.architecture_replaced.emit()

    def can_place(self, type_id: str, parent_id: str | None) -> str | None:
        parent = self.architecture.nodes.get(parent_id) if parent_id else None
        probe = ServiceNode(id="probe", label=self.catalog.get(type_id).short_name, type=type_id)
        return containment_error(self.catalog, probe, parent)

    def add_service(self, type_id: str, parent_id: str | None, x: float, y: float) -> str | None:
        node_id = self.architecture.new_id(self.catalog.get(type_id).short_name)
        ok = self._push(
            "Add",
            lambda: self.architecture.add_service(type_id, parent_id, x=x, y=y, node_id=node_id),
            lambda: self.architecture.remove_node(node_id),
        )
        return node_id if ok else None

    def add_container(
        self, kind: NodeKind, parent_id: str | None, x: float, y: float, **fields: Any
    ) -> str | None:
        cls = {
            NodeKind.REGION: RegionNode,
            NodeKind.VPC: VpcNode,
            NodeKind.AZ: AvailabilityZoneNode,
            NodeKind.SUBNET: SubnetNode,
        }[kind]
        node_id = self.architecture.new_id(kind.value)
        if kind is NodeKind.SUBNET and "cidr" not in fields:
            taken = {n.cidr for n in self.architecture.nodes.values() if isinstance(n, SubnetNode)}
            fields["cidr"] = next(f"10.0.{i}.0/24" for i in range(256) if f"10.0.{i}.0/24" not in taken)
        node = cls(id=node_id, label=kind.value, parent_id=parent_id, x=x, y=y, **fields)
        ok = self._push(
            "Add",
            lambda: self.architecture.add_node(node.model_copy()),
            lambda: self.architecture.remove_node(node_id),
        )
        return node_id if ok else None

    def move_nodes(self, moves: dict[str, tuple[float, float]]) -> bool:
        before = {i: (self.architecture.node(i).x, self.architecture.node(i).y) for i in moves}

        def apply(positions: dict[str, tuple[float, float]]) -> None:
            for node_id, (x, y) in positions.items():
                self.architecture.move_node(node_id, x, y)

        return self._push("Move", lambda: apply(moves), lambda: apply(before))

    def reparent_node(self, node_id: str, parent_id: str | None, x: float, y: float) -> bool:
        node = self.architecture.node(node_id)
        old = (node.parent_id, node.x, node.y)
        return self._push(
            "Move into",
            lambda: self.architecture.reparent_node(node_id, parent_id, x, y),
            lambda: self.architecture.reparent_node(node_id, *old),
        )

    def resize_container(self, node_id: str, width: float, height: float) -> bool:
        node: Any = self.architecture.node(node_id)
        old = (node.width, node.height)
        return self._push(
            "Resize",
            lambda: self.architecture.resize_container(node_id, width, height),
            lambda: self.architecture.resize_container(node_id, *old),
        )

    def remove_nodes(self, node_ids: list[str]) -> bool:
        removed: list[Any] = []

        def redo() -> None:
            removed.clear()
            for node_id in node_ids:
                if node_id in self.architecture.nodes:
                    removed.append(self.architecture.remove_node(node_id))

        def undo() -> None:
            for item in reversed(removed):
                self.architecture.restore(item)

        return self._push("Delete", redo, undo)

    def remove_connections(self, ids: list[str]) -> bool:
        removed: list[Any] = []

        def redo() -> None:
            removed[:] = [self.architecture.disconnect(i) for i in ids]

        def undo() -> None:
            for connection in removed:
                self.architecture.add_connection(connection)

        return self._push("Delete connection", redo, undo)

    def connect(
        self, source_id: str, target_id: str, kind: ConnectionKind, port: int | None = None
    ) -> str | None:
        connection_id = self.architecture.new_id(f"{source_id}-to-{target_id}")
        ok = self._push(
            "Connect",
            lambda: self.architecture.connect(
                source_id, target_id, kind, port=port, connection_id=connection_id
            ),
            lambda: self.architecture.disconnect(connection_id),
        )
        return connection_id if ok else None

    def duplicate(self, node_ids: list[str], dx: float, dy: float) -> list[str]:
        new_ids: list[str] = []
        for node_id in node_ids:
            node = self.architecture.service(node_id)
            new_id = self.add_service(node.type, node.parent_id, node.x + dx, node.y + dy)
            if new_id:
                new_ids.append(new_id)
        return new_ids


def network() -> Architecture:
    """us-east-1 region > VPC > AZ a, AZ b > public and private subnet each; an ALB, two EC2, an RDS, an S3."""
    arch = Architecture(canvas_catalog())
    arch.add_node(
        RegionNode(
            id="region", label="US East (N. Virginia)", region="us-east-1", x=40, y=40, width=1000, height=760
        )
    )
    arch.add_node(
        VpcNode(
            id="vpc",
            label="Production VPC",
            parent_id="region",
            cidr="10.0.0.0/16",
            x=20,
            y=120,
            width=940,
            height=600,
        )
    )
    for index, letter in enumerate("ab"):
        arch.add_node(
            AvailabilityZoneNode(
                id=f"az-{letter}",
                label=f"Availability Zone {letter.upper()}",
                parent_id="vpc",
                zone=f"us-east-1{letter}",
                x=20 + index * 460,
                y=50,
                width=440,
                height=530,
            )
        )
        arch.add_node(
            SubnetNode(
                id=f"public-{letter}",
                label=f"Public subnet {letter.upper()}",
                parent_id=f"az-{letter}",
                cidr=f"10.0.{index * 2}.0/24",
                tier="public",
                x=20,
                y=50,
                width=400,
                height=200,
            )
        )
        arch.add_node(
            SubnetNode(
                id=f"private-{letter}",
                label=f"Private subnet {letter.upper()}",
                parent_id=f"az-{letter}",
                cidr=f"10.0.{index * 2 + 1}.0/24",
                tier="private",
                x=20,
                y=290,
                width=400,
                height=200,
            )
        )
    arch.add_service("alb", "public-a", label="Web ALB", x=40, y=60, node_id="alb")
    arch.add_service("ec2_instance", "private-a", label="App server A", x=40, y=60, node_id="app-a")
    arch.add_service("ec2_instance", "private-b", label="App server B", x=40, y=60, node_id="app-b")
    arch.add_service("rds_instance", "private-a", label="Orders database", x=220, y=60, node_id="db")
    arch.add_service("s3_bucket", "region", label="Assets", x=40, y=40, node_id="assets")
    arch.connect("alb", "app-a", "traffic", connection_id="alb-to-app-a")
    arch.connect("app-a", "db", "read_write", connection_id="app-a-to-db")
    return arch
