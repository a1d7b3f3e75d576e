"""What a service's catalog companions say of it where its own resource does not: the subnets a SageMaker
endpoint's model runs in, the settings of an EMR cluster's task group and of a CodeDeploy deployment group, and what
the export recorded of a setting it left to do by hand; and the interval of a secret's rotation schedule. Readers
are named by `reader:` in resources/import/cloudformation.yaml."""

from __future__ import annotations

import re
from typing import Any

from archbuilder.catalog.service_type import PropertySpec
from archbuilder.importers.property_paths import MISSING, Reading, absent, interpret, walk
from archbuilder.importers.reader import TemplateReader
from archbuilder.importers.references import refs

TASK_GROUP = "AWS::EMR::InstanceGroupConfig"
DEPLOYMENT_GROUP = "AWS::CodeDeploy::DeploymentGroup"
ROTATION_SCHEDULE = "AWS::SecretsManager::RotationSchedule"
RATE_IN_DAYS = re.compile(r"rate\((\d+) days?\)")


class CompanionReaders(TemplateReader):
    def _catalog_companions(self, logical: str) -> list[str]:
        """The resources of its service's other types that a resource names, and those they name in turn (an
        endpoint's configuration, then its model)."""
        service = self.catalog.by_cfn_type(self._type(logical))
        kinds = set(service.cfn_types[1:]) if service is not None else set()
        found: list[str] = []
        pending = [logical]
        while pending:
            for name in self._refs_in(pending.pop()):
                if name in self.resources and self._type(name) in kinds and name not in found:
                    found.append(name)
                    pending.append(name)
        return found

    def _companion_subnets(self, logical: str) -> list[Any]:
        """Subnet lists in its companions' VPC settings (a SageMaker model's VpcConfig)."""
        candidates = []
        for companion in self._catalog_companions(logical):
            config = self._props(companion).get("VpcConfig")
            if isinstance(config, dict):
                candidates += [config.get("Subnets"), config.get("SubnetIds")]
        return candidates

    def _read_emr_task_group(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        """A setting of the cluster's task group; without a task group the setting says nothing (the catalog's
        value stands), with one that leaves it out, AWS's default."""
        groups = [
            name
            for name in self.resources
            if self._type(name) == TASK_GROUP
            and logical in refs(self._props(name).get("JobFlowId"))
            and self.resolver.value(self._props(name).get("InstanceRole")) == "TASK"
        ]
        if not groups:
            return Reading()
        return interpret(walk(self._props(groups[0]), str(entry["path"]), self.resolver), entry, spec)

    def _read_deployment_rollback(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        """From the application's deployment group; an ECS group is created by hand, and the export says there
        whether it rolls back."""
        groups = [
            name
            for name in self.resources
            if self._type(name) == DEPLOYMENT_GROUP
            and logical in refs(self._props(name).get("ApplicationName"))
        ]
        if groups:
            return interpret(walk(self._props(groups[0]), str(entry["path"]), self.resolver), entry, spec)
        short_name = self.catalog.get("codedeploy_app").short_name
        steps = self._recorded_steps(self._label(logical), short_name)
        if any("with automatic rollback on" in step for step in steps):
            return Reading(True)
        return absent(entry, spec)

    def _read_rotation_days(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        """From the secret's rotation schedule: AutomaticallyAfterDays, or a `rate(N days)` schedule expression;
        a cron expression has no interval in days to read (the schedule is kept as written). No schedule: the
        secret is never rotated."""
        schedules = [
            name
            for name in self.resources
            if self._type(name) == ROTATION_SCHEDULE and logical in refs(self._props(name).get("SecretId"))
        ]
        if not schedules:
            return absent(entry, spec)
        schedule = self._props(schedules[0])
        expression = walk(schedule, "RotationRules.ScheduleExpression", self.resolver)
        if walk(schedule, "RotationRules.AutomaticallyAfterDays", self.resolver) is MISSING and isinstance(
            expression, str
        ):
            match = RATE_IN_DAYS.fullmatch(expression.strip())
            if match is None:
                return Reading(note=f"a rotation schedule of {expression!r}, which is no interval in days")
            return Reading(int(match.group(1)))
        return interpret(walk(schedule, str(entry["path"]), self.resolver), entry, spec)
