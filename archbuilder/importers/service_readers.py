"""Properties that sit away from a service's own resource: a SageMaker endpoint's model (named by its endpoint
configuration) and its auto scaling (a scalable target naming the endpoint, a policy naming the target), a
pipeline's approval among its actions, the branch a repository's pipelines build. Each reader is named by
`reader:` in resources/import/cloudformation.yaml."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from archbuilder.catalog.service_type import PropertySpec
from archbuilder.importers.group_nodes import protocol_and_ports
from archbuilder.importers.property_paths import Reading, absent, interpret, step_reading, walk
from archbuilder.importers.reader import TemplateReader
from archbuilder.importers.references import refs


class ServiceReaders(TemplateReader):
    def _named_by(self, logical: str, kind: str) -> list[str]:
        """Resources of `kind` that `logical`'s properties name."""
        return [name for name in self._refs_in(logical) if self._type(name) == kind]

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

    def _read_cluster_group_ingress(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        """CIDR rules on the security group a CloudHSM cluster makes for itself (named by its SecurityGroup)."""
        rules = self._made_group_rules([logical, "SecurityGroup"], lambda name, description: True)
        return Reading(rules) if rules else Reading()

    def _read_node_group_ingress(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        """Managed nodes take their cluster's security group (its ClusterSecurityGroupId): the CIDR rules the export
        writes there for the node group, named after it (`<group>Ingress<n>`) or said to be its own in their
        description."""
        own = re.compile(rf"^{re.escape(logical)}Ingress\d+$")
        mine = f"declared ingress rule of {self._label(logical)}"
        rules = []
        for cluster in refs(self._props(logical).get("ClusterName")):
            rules += self._made_group_rules(
                [cluster, "ClusterSecurityGroupId"],
                lambda name, description: bool(own.match(name)) or description == mine,
                mine,
            )
        return Reading(rules) if rules else Reading()

    def _made_group_rules(
        self, group: list[str], chosen: Callable[[str, Any], bool], default: str = "declared ingress rule"
    ) -> list[dict[str, Any]]:
        """The `chosen` CIDR ingress resources on a group a resource makes for itself (`{Fn::GetAtt: group}`; from
        Terraform, whose reference reads as the resource, `{Ref: resource}`), as ingress rules; a description other
        than the export's own (`default`) is kept."""
        named = ({"Fn::GetAtt": group}, {"Ref": group[0]})
        rules = []
        for name in self.resources:
            props = self._props(name)
            if (
                self._type(name) != "AWS::EC2::SecurityGroupIngress"
                or props.get("GroupId") not in named
                or not isinstance(props.get("CidrIp"), str)
                or not chosen(name, props.get("Description"))
            ):
                continue
            ports = protocol_and_ports(props)
            rule: dict[str, Any] = {"protocol": ports.pop("protocol"), "cidr": props["CidrIp"], **ports}
            if props.get("Description") not in (None, default, "declared ingress rule"):
                rule["description"] = props["Description"]
            rules.append(rule)
        return rules

    def _read_hsm_count(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        """The HSMs Terraform declares in the cluster, else the number the export's step says to add (neither
        CloudFormation nor the export declares HSMs)."""
        hsms = [
            name
            for name in self.resources
            if self._type(name) == "Terraform::aws_cloudhsm_v2_hsm"
            and logical in refs(self._props(name).get("ClusterId"))
        ]
        return Reading(len(hsms)) if hsms else step_reading(self._steps_of(logical), entry, spec)

    def _steps_of(self, logical: str) -> list[str]:
        raise NotImplementedError

    def _read_fsx_setting(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        """A setting of the file system kind's own configuration; Multi-AZ from its deployment type."""
        props = self._props(logical)
        for key in (
            "WindowsConfiguration",
            "OntapConfiguration",
            "OpenZFSConfiguration",
            "LustreConfiguration",
        ):
            settings = props.get(key)
            if not isinstance(settings, dict):
                continue
            value = walk(settings, str(entry["path"]), self.resolver)
            if entry["path"] == "DeploymentType":
                return Reading(str(value) == "MULTI_AZ_1")
            return interpret(value, {}, spec) if key != "LustreConfiguration" else Reading()
        return Reading()

    def _read_beanstalk_platform(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        """The platform family a solution stack's name says ("... running Python 3.12"), else the one the
        export names in the stack parameter's description ("Solution stack of Site (python)")."""
        stack = self._props(logical).get("SolutionStackName")
        text = str(self.resolver.value(stack)) if stack is not None else ""
        for word, family in STACK_WORDS:
            if word in text:
                return Reading(family)
        parameter = stack.get("Ref") if isinstance(stack, dict) else None
        described = str(((self.template.get("Parameters") or {}).get(parameter) or {}).get("Description", ""))
        if described.endswith(")") and "(" in described:
            return interpret(described.rsplit("(", 1)[1][:-1], {}, spec)
        return Reading()


# Words of a solution stack's name -> the platform family, most specific first.
STACK_WORDS = (
    ("Tomcat", "tomcat"),
    ("Corretto", "java"),
    ("Java", "java"),
    ("Python", "python"),
    ("Node.js", "nodejs"),
    (".NET", "dotnet"),
    ("PHP", "php"),
    ("Ruby", "ruby"),
    ("Docker", "docker"),
    (" Go ", "go"),
)
