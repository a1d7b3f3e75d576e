"""Two designs side by side: services added, removed and changed, findings raised and resolved, lock-in and cost."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from archbuilder.compare.assess import Assessment, assess, finding_key
from archbuilder.model import Architecture, Connection, ServiceNode
from archbuilder.model.usage import Scenario
from archbuilder.validation import Finding


@dataclass
class ServiceChange:
    node_id: str
    label: str
    before_type: str
    after_type: str
    changes: list[
        str
    ]  # what differs, in words: "type rds_instance → aurora_cluster", "multi_az: true → false"


@dataclass(frozen=True)
class ConnectionChange:
    """A connection between the same two services, of the same kind, in both designs, set differently."""

    before: Connection
    after: Connection
    changes: list[str]


@dataclass
class DesignComparison:
    before_name: str
    after_name: str
    added: list[ServiceNode] = field(default_factory=list)
    removed: list[ServiceNode] = field(default_factory=list)
    changed: list[ServiceChange] = field(default_factory=list)
    connections_added: list[Connection] = field(default_factory=list)
    connections_removed: list[Connection] = field(default_factory=list)
    connections_changed: list[ConnectionChange] = field(default_factory=list)
    raised: list[Finding] = field(default_factory=list)
    resolved: list[Finding] = field(default_factory=list)
    lockin_before: int = 0
    lockin_after: int = 0
    cost_before: dict[Scenario, float] = field(default_factory=dict)
    cost_after: dict[Scenario, float] = field(default_factory=dict)

    @property
    def lockin_delta(self) -> int:
        return self.lockin_after - self.lockin_before

    def cost_delta(self, scenario: Scenario) -> float:
        return self.cost_after[scenario] - self.cost_before[scenario]

    def to_json(self) -> dict[str, Any]:
        return {
            "before": self.before_name,
            "after": self.after_name,
            "services": {
                "added": [_service_json(node) for node in self.added],
                "removed": [_service_json(node) for node in self.removed],
                "changed": [
                    {
                        "id": change.node_id,
                        "label": change.label,
                        "before_type": change.before_type,
                        "after_type": change.after_type,
                        "changes": change.changes,
                    }
                    for change in self.changed
                ],
            },
            "connections": {
                "added": [_connection_json(connection) for connection in self.connections_added],
                "removed": [_connection_json(connection) for connection in self.connections_removed],
                "changed": [
                    {**_connection_json(change.after), "changes": change.changes}
                    for change in self.connections_changed
                ],
            },
            "findings": {
                "raised": [_finding_json(finding) for finding in self.raised],
                "resolved": [_finding_json(finding) for finding in self.resolved],
            },
            "lockin": {"before": self.lockin_before, "after": self.lockin_after, "delta": self.lockin_delta},
            "cost": {
                scenario.value: {
                    "before": round(self.cost_before[scenario], 2),
                    "after": round(self.cost_after[scenario], 2),
                    "delta": round(self.cost_delta(scenario), 2),
                }
                for scenario in Scenario
            },
        }


def _service_json(node: ServiceNode) -> dict[str, str]:
    return {"id": node.id, "label": node.label, "type": node.type}


def _connection_json(connection: Connection) -> dict[str, str]:
    return {"source": connection.source_id, "target": connection.target_id, "kind": connection.kind.value}


def _finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "rule_id": finding.rule_id,
        "severity": finding.severity.value,
        "nodes": list(finding.node_ids),
        "message": finding.message,
    }


def compare(
    before: Architecture,
    after: Architecture,
    before_assessment: Assessment | None = None,
    after_assessment: Assessment | None = None,
) -> DesignComparison:
    """Services are matched by id: a swap keeps its id, so it shows as a change of type, not a removal."""
    first = before_assessment or assess(before)
    second = after_assessment or assess(after)
    result = DesignComparison(before.metadata.name, after.metadata.name)
    old = {node.id: node for node in before.services()}
    new = {node.id: node for node in after.services()}
    result.added = [new[node_id] for node_id in sorted(new.keys() - old.keys())]
    result.removed = [old[node_id] for node_id in sorted(old.keys() - new.keys())]
    for node_id in sorted(old.keys() & new.keys()):
        changes = service_changes(before, old[node_id], after, new[node_id])
        if changes:
            result.changed.append(
                ServiceChange(node_id, new[node_id].label, old[node_id].type, new[node_id].type, changes)
            )
    _compare_connections(before, after, result)
    keys_before = {finding_key(finding) for finding in first.findings}
    keys_after = {finding_key(finding) for finding in second.findings}
    result.raised = [finding for finding in second.findings if finding_key(finding) not in keys_before]
    result.resolved = [finding for finding in first.findings if finding_key(finding) not in keys_after]
    result.lockin_before, result.lockin_after = first.lockin.score, second.lockin.score
    result.cost_before = {scenario: first.monthly(scenario) for scenario in Scenario}
    result.cost_after = {scenario: second.monthly(scenario) for scenario in Scenario}
    return result


def connection_key(connection: Connection) -> tuple[str, str, str]:
    """Connections are matched by their ends and kind, not their ids: two designs drawn apart name them apart."""
    return (connection.source_id, connection.target_id, connection.kind.value)


def _compare_connections(before: Architecture, after: Architecture, result: DesignComparison) -> None:
    old = {connection_key(c): c for c in before.connections.values()}
    new = {connection_key(c): c for c in after.connections.values()}
    result.connections_added = [new[key] for key in sorted(new.keys() - old.keys())]
    result.connections_removed = [old[key] for key in sorted(old.keys() - new.keys())]
    for key in sorted(old.keys() & new.keys()):
        changes = [
            f"{name}: {_value(getattr(old[key], name))} → {_value(getattr(new[key], name))}"
            for name in ("port", "protocol", "label")
            if getattr(old[key], name) != getattr(new[key], name)
        ]
        if changes:
            result.connections_changed.append(ConnectionChange(old[key], new[key], changes))


def service_changes(
    before: Architecture, old: ServiceNode, after: Architecture, new: ServiceNode
) -> list[str]:
    """What differs between two versions of a service, in words; layout moves within a container are not changes."""
    changes: list[str] = []
    if old.type != new.type:
        changes.append(f"type {old.type} → {new.type}")
    if old.label != new.label:
        changes.append(f"label “{old.label}” → “{new.label}”")
    if old.parent_id != new.parent_id or old.extra_subnet_ids != new.extra_subnet_ids:
        changes.append(f"placed in {_where(before, old)} → {_where(after, new)}")
    old_props = {**before.catalog.get(old.type).defaults(), **old.properties}
    new_props = {**after.catalog.get(new.type).defaults(), **new.properties}
    if old.type == new.type:
        for name in sorted(old_props.keys() | new_props.keys()):
            if old_props.get(name) != new_props.get(name):
                changes.append(f"{name}: {_value(old_props.get(name))} → {_value(new_props.get(name))}")
    if old.usage != new.usage:
        changes.append("usage assumptions")
    return changes


def _where(architecture: Architecture, node: ServiceNode) -> str:
    places = [node.parent_id or "the canvas", *node.extra_subnet_ids]
    return ", ".join(places)


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "unset" if value is None else str(value)
