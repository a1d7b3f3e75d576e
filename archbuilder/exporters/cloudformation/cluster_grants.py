"""What a data connection to an MSK cluster under IAM access control grants: connecting to the cluster, then
writing to its topics, or reading them as a member of its consumer groups, on ARNs built from the cluster's own.

Under IAM access control a client's role is asked for `kafka-cluster:*` actions on the cluster, on each topic
(`arn:...:topic/<cluster name>/<cluster uuid>/<topic>`) and on each consumer group (`.../group/...`): the topic
and group ARNs are the cluster's ARN (`arn:...:cluster/<cluster name>/<cluster uuid>`) with `cluster` changed and
a name appended, so the template builds them from the cluster's Ref rather than from its generated uuid. (Amazon
MSK Developer Guide, "Semantics of IAM authorization policy actions and resources": WriteData requires Connect
and DescribeTopic, ReadData requires Connect, DescribeTopic and AlterGroup; checked 2026-12-06.) Clusters whose
clients authenticate otherwise are given access by Kafka ACLs, which the export cannot write: named in its
warnings (unwritten_connections.py)."""

from __future__ import annotations

from typing import Any

from archbuilder.exporters.cloudformation.context import CfnContext, ref
from archbuilder.exporters.cloudformation.kit import prop
from archbuilder.model import ServiceNode

KAFKA_CONNECT = ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster"]
KAFKA_READS = [
    "kafka-cluster:DescribeTopic",
    "kafka-cluster:ReadData",
    "kafka-cluster:DescribeGroup",
    "kafka-cluster:AlterGroup",
]
KAFKA_WRITES = ["kafka-cluster:DescribeTopic", "kafka-cluster:WriteData"]
# How clients of a cluster not under IAM access control are let in, for the export's warnings.
NOT_IAM = {
    "tls": "its clients authenticate with TLS certificates: grant their names access with Kafka ACLs",
    "sasl_scram": "its clients sign in with SCRAM secrets: grant their users access with Kafka ACLs",
    "unauthenticated": "it lets in unauthenticated clients: whoever reaches its brokers may read and write",
}


def iam_controlled(cluster: ServiceNode) -> bool:
    """Whether the cluster's clients authenticate with IAM (the catalog's default), so a role can be granted."""
    return str(prop(cluster, "client_authentication", "iam")) == "iam"


def grant_msk(
    ctx: CfnContext, principal: ServiceNode, cluster: ServiceNode, reads: bool, writes: bool
) -> None:
    """One statement: what is granted on the topics and groups means nothing without the connection to the
    cluster, and one statement reads back as one connection of the same kind."""
    logical = ctx.lid(cluster)
    actions = KAFKA_CONNECT + (KAFKA_READS if reads else []) + (KAFKA_WRITES if writes else [])
    resources = [ref(logical), _beside_cluster(logical, "topic")]
    if reads:
        resources.append(_beside_cluster(logical, "group"))
    ctx.allow(principal, list(dict.fromkeys(actions)), resources)


def _beside_cluster(logical: str, kind: str) -> dict[str, Any]:
    """Every `kind` (topic, group) of the cluster: its ARN with `:cluster/` changed to `:<kind>/`, then `/*`."""
    halves = [{"Fn::Select": [index, {"Fn::Split": [":cluster/", ref(logical)]}]} for index in (0, 1)]
    return {"Fn::Join": ["", [halves[0], f":{kind}/", halves[1], "/*"]]}
