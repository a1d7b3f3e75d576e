"""A Lambda function whose output triggers itself again, through the services it writes to."""

from collections import deque

import networkx as nx

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import INTERNET, ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Rule, cite

# Connections along which one service makes another run: calls, events, messages, and writes that a trigger
# (S3 notification, DynamoDB or Kinesis stream) turns into an invocation. Reads trigger nothing.
TRIGGERS = {
    ConnectionKind.INVOKE,
    ConnectionKind.EVENT,
    ConnectionKind.POLL,
    ConnectionKind.SUBSCRIBE,
    ConnectionKind.WRITE,
    ConnectionKind.READ_WRITE,
}


def _trigger_graph(graph: ArchGraph) -> nx.DiGraph:
    triggers: nx.DiGraph = nx.DiGraph()
    triggers.add_edges_from(
        (source, target)
        for source, target, attributes in graph.flow.edges(data=True)
        if source != INTERNET and attributes["kinds"] & TRIGGERS
    )
    return triggers


def _shortest_loop(triggers: nx.DiGraph, start: str, members: set[str]) -> list[str]:
    """The shortest chain start → ... → start inside one strongly connected component (ids, start first)."""
    previous: dict[str, str] = {}
    queue = deque([start])
    while queue:
        current = queue.popleft()
        for successor in sorted(triggers.successors(current)):
            if successor not in members:
                continue
            if successor == start:
                path = [current]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return list(reversed(path))
            if successor not in previous:
                previous[successor] = current
                queue.append(successor)
    return [start]


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    functions = {f.id for f in services_of_type(graph, "lambda_function")}
    if not functions:
        return []
    triggers = _trigger_graph(graph)
    findings = []
    for component in nx.strongly_connected_components(triggers):
        looping = sorted(component & functions)
        if len(component) < 2 or not looping:
            continue
        loop = _shortest_loop(triggers, looping[0], component)
        nodes = [graph.architecture.service(node_id) for node_id in loop]
        chain = " → ".join(f"“{node.label}”" for node in [*nodes, nodes[0]])
        findings.append(
            rule.finding(
                nodes,
                f"{chain}: each run triggers the next, so the function can keep invoking itself without end",
            )
        )
    return sorted(findings, key=lambda f: f.node_ids)


RULE = Rule(
    id="COST-020",
    title="Lambda trigger loop",
    severity=Severity.WARNING,
    pillar=Pillar.COST_OPTIMIZATION,
    source=cite("004", "Invoking Lambda functions"),
    description="Avoid functions that end up calling themselves: a function that writes to the bucket, table, queue or "
    "topic that triggers it runs again on its own output, which can turn into an unintended volume of invocations "
    "and escalating costs.",
    remediation="Write the output somewhere that does not trigger the function (another bucket, prefix or table), or "
    "filter the trigger so the function's own writes are ignored.",
    check=check,
)
