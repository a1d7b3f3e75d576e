"""A Lambda function whose output triggers itself again, through the services it writes to."""

from collections import deque

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._links import connections_by_kind

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
# Read-write access to a queue or stream is what its consumers hold (receive and delete, read and checkpoint);
# only a write, event or call puts something new into it.
CONSUMED = {"sqs_queue", "kinesis_stream"}


def _trigger_successors(graph: ArchGraph) -> dict[str, list[str]]:
    """Service id -> the services it triggers, from the connections of the trigger kinds."""
    services = graph.architecture.nodes
    successors: dict[str, list[str]] = {}
    by_kind = connections_by_kind(graph)
    for kind in TRIGGERS:
        for connection in by_kind.get(kind, ()):
            target_type = getattr(services.get(connection.target_id), "type", None)
            if kind is ConnectionKind.READ_WRITE and target_type in CONSUMED:
                continue  # receiving and deleting messages (or checkpointing) is consuming, not producing
            successors.setdefault(connection.source_id, []).append(connection.target_id)
    return successors


def _shortest_loop(successors: dict[str, list[str]], start: str) -> list[str] | None:
    """The shortest chain of triggers start → ... → start (ids, start first), or None.

    Trigger chains in a design are short (function → store → function), and services that trigger nothing
    (most stores) end the search at once, so each function's search touches only a few services.
    """
    previous: dict[str, str] = {}
    queue = deque([start])
    while queue:
        current = queue.popleft()
        following = successors.get(current, ())
        for successor in sorted(following) if len(following) > 1 else following:
            if successor == start:
                path = [current]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return list(reversed(path))
            if successor not in previous and successor in successors:
                previous[successor] = current
                queue.append(successor)
    return None


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    functions = services_of_type(graph, "lambda_function")
    if not functions:
        return []
    successors = _trigger_successors(graph)
    findings = []
    reported: set[str] = set()
    for function in functions:
        if function.id in reported or function.id not in successors:
            continue  # named in an earlier function's loop, or triggers nothing
        loop = _shortest_loop(successors, function.id)
        if loop is None:
            continue
        reported.update(loop)
        nodes = [graph.architecture.service(node_id) for node_id in loop]
        chain = " → ".join(f"“{node.label}”" for node in [*nodes, nodes[0]])
        findings.append(
            rule.finding(
                nodes,
                f"{chain}: each run triggers the next, so the function can keep invoking itself without end",
            )
        )
    return findings


RULE = Rule(
    id="COST-020",
    title="Lambda trigger loop",
    severity=Severity.WARNING,
    pillar=Pillar.COST_OPTIMIZATION,
    effort=Effort.MEDIUM,
    source=cite("004", "Invoking Lambda functions"),
    description="Avoid functions that end up calling themselves: a function that writes to the bucket, table, queue or "
    "topic that triggers it runs again on its own output, which can turn into an unintended volume of invocations "
    "and escalating costs.",
    remediation="Write the output somewhere that does not trigger the function (another bucket, prefix or table), or "
    "filter the trigger so the function's own writes are ignored.",
    check=check,
    applies_to=("lambda_function", "sqs_queue", "kinesis_stream", "s3_bucket"),
    tags=("cost", "serverless"),
    wa_best_practice="COST02-BP05",
    checked="2026-11-23",
)
