"""The connections a design drew where its template reads more or less than the design, as the export records them.

Reading more (exporters/cloudformation/drawn_connections.py): a network ACL reads as attached to every service its
subnets hold, a cluster as running every service naming it, a workgroup as reading every bucket the template's
crawlers crawl. The export records what the design drew beside what the template holds (its Metadata's
written_instead; Terraform's main.tf in its opening comment), and the import keeps, of the connections it read,
those drawn, only while the template holds what the record says: an edited template (an association, a service's
cluster, a crawler's target changed) reads as it now stands.

Reading less: a connection the export writes nothing for is a step it leaves to do by hand (kit.by_hand,
unwritten_connections.py: a grant it cannot write, a role to give, a metric filter, a pipeline's deploy action),
which names both ends; each such step the template still lists reads as the connection it stands for."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.importers.resource_connections import ResourceConnectionInference
from archbuilder.model import Connection


class DrawnRecordInference(ResourceConnectionInference):
    def _said_connections(self) -> None:
        super()._said_connections()
        self._services_by_label: dict[tuple[str, str], list[str]] | None = None
        for node in list(self.arch.services()):
            short_name = self.catalog.get(node.type).short_name
            for step in self._recorded_steps(node.label, short_name):
                self._connection_left_by_hand(node.id, step)

    def _connection_left_by_hand(self, node_id: str, step: str) -> None:
        """The connection a step left to do by hand stands for, when it names a service of the design."""
        for pattern, side, kind in BY_HAND:
            found = pattern.match(step)
            if found is None:
                continue
            other = self._service_named(found["other"])
            if other is None:
                return
            said = kind if kind is not None else ConnectionKind(found["access"].replace("-", "_"))
            source, target = (node_id, other) if side == "source" else (other, node_id)
            self._connect(source, target, preferred=said)
            return

    def _service_named(self, name: str) -> str | None:
        """The one service of the design a step names, as `Label (Service)` or by its label alone."""
        if self._services_by_label is None:  # gathered once: a large design's steps each name one
            self._services_by_label = {}
            for node in self.arch.services():
                named = (node.label, self.catalog.get(node.type).short_name)
                self._services_by_label.setdefault(named, []).append(node.id)
        found = NAMED.match(name)
        by_label = self._services_by_label
        matching = (
            by_label.get((found["label"], found["service"]), [])
            if found
            else [node_id for (label, _), ids in by_label.items() if label == name for node_id in ids]
        )
        return matching[0] if len(matching) == 1 else None

    def _connections(self) -> None:
        super()._connections()
        for logical, node_id in self.nodes.items():
            recorded = RECORDED.get(self._type(logical))
            if recorded is not None:
                name, held_by, read = recorded
                self._keep_drawn(node_id, name, held_by(self, logical), read)

    def _keep_drawn(
        self,
        node_id: str,
        name: str,
        held: list[str],
        read: Callable[[DrawnRecordInference, Connection, str], str | None],
    ) -> None:
        """Disconnects what the record says the design did not draw, when the template holds what it recorded."""
        node = self.arch.service(node_id)
        short_name = self.catalog.get(node.type).short_name
        records = [
            record
            for record in self._node_records("written_instead", node.label, short_name)
            if record.get("property") == name
        ]
        if len(records) != 1:
            return
        drawn, written = _labels(records[0].get("design")), _labels(records[0].get("written"))
        if drawn is None or written is None or sorted(held) != sorted(written):
            return  # a record that does not read (edited by hand), or a template that no longer holds it
        for connection in list(self.arch.connections.values()):
            other = read(self, connection, node_id)
            if other is not None and self.arch.node(other).label not in drawn:
                self.arch.disconnect(connection.id)

    def _attached_to(self, connection: Connection, node_id: str) -> str | None:
        return connection.target_id if connection.source_id == node_id else None

    def _attached_from(self, connection: Connection, node_id: str) -> str | None:
        attached = connection.target_id == node_id and connection.kind is ConnectionKind.ATTACH
        return connection.source_id if attached else None

    def _reads_bucket(self, connection: Connection, node_id: str) -> str | None:
        reads = connection.source_id == node_id and connection.kind is ConnectionKind.READ
        bucket = reads and self.arch.service(connection.target_id).type == "s3_bucket"
        return connection.target_id if bucket else None

    def _acl_subnets(self, acl: str) -> list[str]:
        """The labels of the subnets the template associates the ACL with."""
        return [
            self.arch.node(self.nodes[subnet]).label
            for name in self._of_type("AWS::EC2::SubnetNetworkAclAssociation")
            if self._ref_of(self._props(name).get("NetworkAclId")) == acl
            and (subnet := self._ref_of(self._props(name).get("SubnetId"))) in self.nodes
        ]

    def _cluster_services(self, cluster: str) -> list[str]:
        """The labels of the services that name the cluster as theirs (`Cluster`; from Terraform, `cluster`)."""
        return [
            self.arch.node(self.nodes[name]).label
            for name in self._referrers(cluster)
            if name in self.nodes
            and self._ref_of(self._props(name).get("Cluster") or self._props(name).get("cluster")) == cluster
        ]

    def _workgroup_buckets(self, workgroup: str) -> list[str]:
        """The labels of the buckets the template's crawlers crawl."""
        return [self.arch.node(self.nodes[b]).label for b in self._crawled_buckets() if b in self.nodes]


# By resource type: the record's name (drawn_connections.py), what the template holds that it records, and the
# other end of a connection of the node that the record decides.
RECORDED: dict[
    str,
    tuple[
        str,
        Callable[[DrawnRecordInference, str], list[str]],
        Callable[[DrawnRecordInference, Connection, str], str | None],
    ],
] = {
    "AWS::EC2::NetworkAcl": (
        "attached_services",
        DrawnRecordInference._acl_subnets,
        DrawnRecordInference._attached_to,
    ),
    "AWS::ECS::Cluster": (
        "attached_services",
        DrawnRecordInference._cluster_services,
        DrawnRecordInference._attached_from,
    ),
    "AWS::Athena::WorkGroup": (
        "read_buckets",
        DrawnRecordInference._workgroup_buckets,
        DrawnRecordInference._reads_bucket,
    ),
}


def _labels(value: Any) -> list[str] | None:
    """A record's value as the list of labels the export writes; None for anything else."""
    if isinstance(value, list) and all(isinstance(label, str) for label in value):
        return value
    return None


# `Label (Service)`, as a step names a service.
NAMED = re.compile(r"^(?P<label>.+) \((?P<service>[^()]+)\)$")
# The steps the export leaves for a connection it writes nothing for (unwritten_connections.py, events.py,
# devtools.py): what names the other end, which end the step's node is, and the connection's kind (None: the
# access the step grants).
BY_HAND: list[tuple[re.Pattern[str], str, ConnectionKind | None]] = [
    (
        re.compile(r"^give it (?P<other>.+) as its instance profile's role yourself: "),
        "source",
        ConnectionKind.ATTACH,
    ),
    (re.compile(r"^give it (?P<other>.+) as its role yourself: "), "target", ConnectionKind.ATTACH),
    (re.compile(r"^watch (?P<other>.+) through a metric filter yourself: "), "target", ConnectionKind.LOGS),
    (
        re.compile(r"^grant it (?P<access>read|write|read-write) access to (?P<other>.+) yourself: "),
        "source",
        None,
    ),
    (
        re.compile(r"^let it (?:start|submit jobs to) (?P<other>.+) yourself: "),
        "source",
        ConnectionKind.INVOKE,
    ),
    # What AWS Backup cannot back up, drawn into a vault (read as written to it, as a backup selection is).
    (re.compile(r"^back it up into (?P<other>.+) yourself: "), "source", ConnectionKind.WRITE),
    (
        re.compile(
            r"^add the deploy action for (?P<other>.+): the export writes CodeDeploy and ECS actions$"
        ),
        "source",
        ConnectionKind.DEPLOY,
    ),
]
