"""What kind of connection a policy statement granting a role's owner access to a resource says, from its
actions: the import reads each statement of a role's policies as one connection."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ConnectionKind

# Actions that finish reading rather than change anything.
CONSUMING = {"sqs:deletemessage", "sqs:deletemessagebatch", "sqs:changemessagevisibility"}
# Actions a client of an MSK cluster takes to reach the topics it reads or writes (cluster_grants.py), and to
# keep its place in them as a member of a consumer group: neither a read nor a write of its own.
REACHING = {
    "kafka-cluster:connect",
    "kafka-cluster:describecluster",
    "kafka-cluster:describetopic",
    "kafka-cluster:describegroup",
    "kafka-cluster:altergroup",
    # ... and a client of a Redshift cluster takes to run SQL on it through the Data API: what it reads or writes is
    # the database's own grants', which the step the export leaves names (exporters/cloudformation/warehouse_grants.py).
    "redshift-data:executestatement",
    "redshift-data:batchexecutestatement",
    "redshift:getclustercredentialswithiam",
}
# Verbs that start a run of the resource named (a build, a crawl, a job, a query, an execution, a cluster's step, a
# deployment): a call.
STARTING = ("Start", "Activate", "Submit", "AddJobFlowSteps", "CreateDeployment")


def consumes(actions: Any) -> bool:
    """Whether a statement's actions take messages off a queue: receive them and delete them once done."""
    named = {
        a.lower() for a in ([actions] if isinstance(actions, str) else actions or []) if isinstance(a, str)
    }
    return "sqs:receivemessage" in named and bool(named & CONSUMING)


def statement_kind(actions: Any) -> ConnectionKind | None:
    """The connection a statement's actions say: starting a run (a build, a crawl, an execution) is a call;
    otherwise reads, writes or both, by their verbs. None for a statement of actions only saying how a client
    reaches what it reads or writes (connecting to an MSK cluster)."""
    actions = [actions] if isinstance(actions, str) else [a for a in actions or [] if isinstance(a, str)]
    # Deleting a received message is how a consumer finishes reading it, not a write; connecting to a cluster and
    # describing it are how its clients start either.
    if actions and all(a.lower() in REACHING for a in actions):
        return None
    verbs = [a.split(":")[-1] for a in actions if a.lower() not in CONSUMING | REACHING]
    if any(verb.startswith(STARTING) for verb in verbs):
        return ConnectionKind.INVOKE
    text = " ".join(verbs)
    writes = any(w in text for w in ("Put", "Send", "Publish", "Write", "Update", "Delete", "Push"))
    reads = any(r in text for r in ("Get", "Query", "Scan", "List", "Receive", "Describe", "Pull", "Read"))
    if reads and writes:
        return ConnectionKind.READ_WRITE
    if writes:
        return ConnectionKind.WRITE
    # sagemaker:InvokeEndpoint, lambda:InvokeFunction
    return ConnectionKind.READ if reads or "Invoke" not in text else ConnectionKind.INVOKE
