"""The container instances of an ECS service on EC2: the capacity provider its capacity provider strategy names,
that provider's Auto Scaling group, and the group's launch template, instance profile, role and security group.
They are the service's own (its launch type EC2 and instance type say them), so they fold into it rather than
becoming nodes; the export writes them again from those two properties (exporters/cloudformation/
container_instances.py)."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog.service_type import PropertySpec
from archbuilder.importers.property_paths import MISSING, Reading, absent, interpret, walk
from archbuilder.importers.reader import TemplateReader
from archbuilder.importers.references import refs

SERVICE = "AWS::ECS::Service"
PROVIDER = "AWS::ECS::CapacityProvider"
GROUP = "AWS::AutoScaling::AutoScalingGroup"
TEMPLATE = "AWS::EC2::LaunchTemplate"
PROFILE = "AWS::IAM::InstanceProfile"
ASSOCIATION = "AWS::ECS::ClusterCapacityProviderAssociations"
FARGATE_PROVIDERS = {"FARGATE", "FARGATE_SPOT"}


def _first(reader: TemplateReader, value: Any, kind: str) -> str | None:
    return next((name for name in refs(value) if reader._type(name) == kind), None)


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def strategy_providers(reader: TemplateReader, service: str) -> list[Any]:
    """What a service's capacity provider strategy names: the provider resources, or the names written."""
    strategy = reader._props(service).get("CapacityProviderStrategy")
    return (
        [_dict(item).get("CapacityProvider") for item in strategy if isinstance(item, dict)]
        if isinstance(strategy, list)
        else []
    )


def instances_of(reader: TemplateReader, service: str) -> tuple[str, str, str] | None:
    """(provider, Auto Scaling group, launch template) of a service on EC2 capacity of its own, or None."""
    for named in strategy_providers(reader, service):
        provider = _first(reader, named, PROVIDER)
        if provider is None:
            continue
        asg = _dict(reader._props(provider).get("AutoScalingGroupProvider")).get("AutoScalingGroupArn")
        group = _first(reader, asg, GROUP)
        if group is None:
            continue
        launch = _dict(reader._props(group).get("LaunchTemplate")).get("LaunchTemplateId")
        template = _first(reader, launch, TEMPLATE)
        if template is not None:
            return provider, group, template
    return None


def capacity_companions(reader: TemplateReader) -> dict[str, str]:
    """Resource -> the ECS service whose container instances it is part of. The launch template's profile, role
    and groups only when nothing outside the instances names them (else they are shared, and stay what they are)."""
    owners: dict[str, str] = {}
    for service in reader.resources:
        if reader._type(service) != SERVICE:
            continue
        found = instances_of(reader, service)
        if found is None:
            continue
        provider, group, template = found
        chain = {provider, group, template}
        data = _dict(reader._props(template).get("LaunchTemplateData"))
        # CloudFormation's {Arn}, or Terraform's iam_instance_profile block (a list of one).
        named = data.get("IamInstanceProfile")
        profile = _first(reader, named, PROFILE)
        parts = [profile] if profile is not None else []
        if profile is not None:
            parts += refs(reader._props(profile).get("Roles"))
        parts += refs(data.get("SecurityGroupIds")) + refs(data.get("VpcSecurityGroupIds"))
        chain |= {part for part in parts if _named_only_by(reader, part, chain | set(parts))}
        owners.update(dict.fromkeys(chain, service))
    return owners


def _named_only_by(reader: TemplateReader, name: str, users: set[str]) -> bool:
    return name in reader.resources and all(
        other in users for other in reader._referrers(name) if other != name
    )


class CapacityReaders(TemplateReader):
    """Readers (resources/import/cloudformation.yaml) of what the capacity of ECS services says of them."""

    def _read_ecs_launch_type(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        """The launch type written; else, with a capacity provider strategy, FARGATE when it names only Fargate
        providers and EC2 when it names Auto Scaling group ones; else the cluster's default strategy decides,
        and AWS launches on EC2 when the cluster has none (ECS API reference, CreateService launchType)."""
        written = walk(self._props(logical), "LaunchType", self.resolver)
        if written is not MISSING:
            return interpret(written, entry, spec)
        named = [self.resolver.value(p) if not refs(p) else None for p in strategy_providers(self, logical)]
        if named and all(name in FARGATE_PROVIDERS for name in named):
            return Reading("FARGATE")
        return Reading("EC2") if named else absent(entry, spec)

    def _read_ecs_instance_type(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        """The instance type of the service's container instances, from their launch template."""
        found = instances_of(self, logical)
        if found is None:
            return Reading()
        data = _dict(self._props(found[2]).get("LaunchTemplateData"))
        key = "InstanceType" if "InstanceType" in data else "instance_type"
        return interpret(walk(data, key, self.resolver), entry, spec)

    def _read_ecs_cluster_providers(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        """The providers the cluster names by name (FARGATE, FARGATE_SPOT): its own, else its association's
        (Terraform folds its aws_ecs_cluster_capacity_providers into the cluster). The providers it names by
        reference are those of its services on EC2, which say them (their launch type)."""
        listed = self._props(logical).get("CapacityProviders")
        if listed is None:
            associations = [
                name
                for name in self.resources
                if self._type(name) == ASSOCIATION and logical in refs(self._props(name).get("Cluster"))
            ]
            if not associations:
                return absent(entry, spec)
            listed = self._props(associations[0]).get("CapacityProviders")
        if not isinstance(listed, list):
            return interpret(walk({"listed": listed}, "listed", self.resolver), entry, spec)
        return interpret([self.resolver.value(p) for p in listed if not refs(p)], entry, spec)
