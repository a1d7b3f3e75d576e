"""Properties that sit away from a service's own resource: a SageMaker endpoint's model (named by its endpoint
configuration) and its auto scaling (a scalable target naming the endpoint, a policy naming the target), a
pipeline's approval among its actions, the branch a repository's pipelines build. Each reader is named by
`reader:` in resources/import/cloudformation.yaml."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog.service_type import PropertySpec
from archbuilder.importers.property_paths import Reading, absent, interpret, walk
from archbuilder.importers.reader import TemplateReader
from archbuilder.importers.references import refs


class ServiceReaders(TemplateReader):
    def _named_by(self, logical: str, kind: str) -> list[str]:
        """Resources of `kind` that `logical`'s properties name."""
        return [name for name in refs(self._props(logical)) if self._type(name) == kind]

    def _naming(self, logical: str, kind: str) -> list[str]:
        """Resources of `kind` whose properties name `logical`."""
        return [
            name for name in self.resources if self._type(name) == kind and logical in refs(self._props(name))
        ]

    def _read_sagemaker_model(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        models = [
            model
            for config in self._named_by(logical, "AWS::SageMaker::EndpointConfig")
            for model in self._named_by(config, "AWS::SageMaker::Model")
        ]
        if not models:
            return absent(entry, spec)
        return interpret(walk(self._props(models[0]), str(entry["path"]), self.resolver), entry, spec)

    def _read_endpoint_scaling(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        """From the scalable target (its capacity) or its target tracking policy; without them the endpoint does
        not scale, whatever the ceiling is."""
        targets = self._naming(logical, "AWS::ApplicationAutoScaling::ScalableTarget")
        path = str(entry["path"])
        if path != "MaxCapacity":
            targets = [
                policy
                for target in targets
                for policy in self._naming(target, "AWS::ApplicationAutoScaling::ScalingPolicy")
            ]
        if not targets:
            return Reading()
        return interpret(walk(self._props(targets[0]), path, self.resolver), entry, spec)

    def _actions(self, pipeline: str) -> list[dict[str, Any]]:
        return [
            action
            for stage in self._props(pipeline).get("Stages") or []
            if isinstance(stage, dict)
            for action in stage.get("Actions") or []
            if isinstance(action, dict)
        ]

    def _read_pipeline_approval(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        kinds = [action.get("ActionTypeId") or {} for action in self._actions(logical)]
        return Reading(any(kind.get("Category") == "Approval" for kind in kinds if isinstance(kind, dict)))

    def _read_repository_branch(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        for pipeline in self._naming(logical, "AWS::CodePipeline::Pipeline"):
            for action in self._actions(pipeline):
                configuration = action.get("Configuration") or {}
                if isinstance(configuration, dict) and logical in refs(configuration.get("RepositoryName")):
                    return interpret(walk(configuration, "BranchName", self.resolver), {}, spec)
        return Reading()
