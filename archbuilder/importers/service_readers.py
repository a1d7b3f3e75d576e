"""Properties that sit two references from a service's own resource: a SageMaker endpoint's model (named by its
endpoint configuration) and its auto scaling (a scalable target naming the endpoint, a policy naming the target).
Each reader is named by `reader:` in resources/import/cloudformation.yaml."""

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
