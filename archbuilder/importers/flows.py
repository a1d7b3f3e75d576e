"""Connections a service's own definition says: a data pipeline's activities read the data nodes they take as
input and write those they give as output (exporters/cloudformation/big_data.py); a CodePipeline reads its
sources, invokes its builds and deploys to its deployment targets, and a CodeDeploy application deploys to the
scaling groups and tagged instances of its deployment group (devtools.py)."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.importers.connections import ConnectionInference
from archbuilder.importers.references import refs

PIPELINE = "AWS::DataPipeline::Pipeline"
CODEPIPELINE = "AWS::CodePipeline::Pipeline"
DEPLOYMENT_GROUP = "AWS::CodeDeploy::DeploymentGroup"
# What an action's category says it does to what its configuration names.
ACTION_KINDS = {
    "Source": ConnectionKind.READ,
    "Build": ConnectionKind.INVOKE,
    "Test": ConnectionKind.INVOKE,
    "Invoke": ConnectionKind.INVOKE,
    "Deploy": ConnectionKind.DEPLOY,
}
# Configuration that says where an action runs, not what it acts on.
CONTEXT_KEYS = {"ClusterName", "DeploymentGroupName"}


class FlowInference(ConnectionInference):
    def _said_connections(self) -> None:
        super()._said_connections()
        for logical in self.resources:
            kind = self._type(logical)
            if kind == PIPELINE and logical in self.nodes:
                self._pipeline_flows(logical)
            elif kind == CODEPIPELINE and logical in self.nodes:
                self._stage_flows(logical)
            elif kind == DEPLOYMENT_GROUP:
                self._deployment_targets(logical)

    def _pipeline_flows(self, logical: str) -> None:
        objects = _objects(self._props(logical).get("PipelineObjects"))
        reads: set[str] = set()
        writes: set[str] = set()
        for fields in objects.values():
            for key, found in (("input", reads), ("output", writes)):
                for node_id in _ref_values(fields, key):
                    found |= set(refs(objects.get(node_id, [])))
        for name in sorted(reads | writes):
            if name not in self.nodes:
                continue
            kind = (
                ConnectionKind.READ_WRITE
                if name in reads and name in writes
                else ConnectionKind.READ
                if name in reads
                else ConnectionKind.WRITE
            )
            self._connect(self.nodes[logical], self.nodes[name], preferred=kind)

    def _stage_flows(self, logical: str) -> None:
        for stage in self._props(logical).get("Stages") or []:
            for action in stage.get("Actions") or [] if isinstance(stage, dict) else []:
                if not isinstance(action, dict) or not isinstance(action.get("ActionTypeId"), dict):
                    continue
                kind = ACTION_KINDS.get(str(action["ActionTypeId"].get("Category")))
                configuration = action.get("Configuration")
                if kind is None or not isinstance(configuration, dict):
                    continue
                for key, value in configuration.items():
                    for name in refs(value) if key not in CONTEXT_KEYS else []:
                        if name in self.nodes:
                            self._connect(self.nodes[logical], self.nodes[name], preferred=kind)

    def _deployment_targets(self, group: str) -> None:
        """The scaling groups a deployment group names, and the instances its Name tag filters match."""
        props = self._props(group)
        application = self.nodes.get(self._ref_of(props.get("ApplicationName")) or "")
        if application is None:
            return
        targets = [name for name in refs(props.get("AutoScalingGroups")) if name in self.nodes]
        names = {
            str(tag.get("Value"))
            for tag in props.get("Ec2TagFilters") or []
            if isinstance(tag, dict) and tag.get("Key") == "Name" and tag.get("Type") == "KEY_AND_VALUE"
        }
        targets += [
            name
            for name in self.resources
            if self._type(name) == "AWS::EC2::Instance"
            and name in self.nodes
            and _name_tag(self._props(name)) in names
        ]
        for name in targets:
            self._connect(application, self.nodes[name], preferred=ConnectionKind.DEPLOY)


def _name_tag(props: dict[str, Any]) -> str | None:
    for tag in props.get("Tags") or []:
        if isinstance(tag, dict) and tag.get("Key") == "Name" and isinstance(tag.get("Value"), str):
            return str(tag["Value"])
    return None


def _objects(value: Any) -> dict[str, list[Any]]:
    """Pipeline object id -> its fields."""
    found: dict[str, list[Any]] = {}
    for item in value if isinstance(value, list) else []:
        if (
            isinstance(item, dict)
            and isinstance(item.get("Id"), str)
            and isinstance(item.get("Fields"), list)
        ):
            found[item["Id"]] = item["Fields"]
    return found


def _ref_values(fields: list[Any], key: str) -> list[str]:
    """The objects a field refers to by id (RefValue), for every field of that key."""
    return [
        str(field["RefValue"])
        for field in fields
        if isinstance(field, dict) and field.get("Key") == key and isinstance(field.get("RefValue"), str)
    ]
