"""Building blocks shared by rule modules: iterate services by type and turn conditions into findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.model import Environment, ServiceNode
from archbuilder.validation.finding import Finding
from archbuilder.validation.rule import Rule

Condition = Callable[[ServiceNode, ArchGraph], bool]
Message = Callable[[ServiceNode, ArchGraph], str]
Problem = Callable[[ServiceNode], str | None]


def each_service(
    types: Iterable[str], condition: Condition, message: Message
) -> Callable[[Rule, ArchGraph], list[Finding]]:
    """A check that reports every service of `types` for which `condition` holds."""
    wanted = tuple(types)

    def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
        return [
            rule.finding(node, message(node, graph))
            for node in services_of_type(graph, *wanted)
            if condition(node, graph)
        ]

    return check


def each_problem(types: Iterable[str], problem: Problem) -> Callable[[Rule, ArchGraph], list[Finding]]:
    """A check that reports every service of `types` with the message `problem` gives it (None: nothing wrong),
    for rules whose several conditions each word their own message."""
    wanted = tuple(types)

    def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
        findings = []
        for node in services_of_type(graph, *wanted):
            message = problem(node)
            if message is not None:
                findings.append(rule.finding(node, message))
        return findings

    return check


def user_data_scripts(graph: ArchGraph) -> list[tuple[ServiceNode, str]]:
    """The EC2 instances that carry user data, each with its script (documents may hold no text there)."""
    found = []
    for instance in services_of_type(graph, "ec2_instance"):
        user_data = instance.properties.get("user_data")
        if isinstance(user_data, str):
            found.append((instance, user_data))
    return found


def prop(node: ServiceNode, name: str, default: object = None) -> object:
    return node.properties.get(name, default)


def is_production(graph: ArchGraph) -> bool:
    return graph.architecture.metadata.environment is Environment.PRODUCTION


def label(node: ServiceNode) -> str:
    return f"“{node.label}”"
