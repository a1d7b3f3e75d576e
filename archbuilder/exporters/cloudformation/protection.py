"""Which resources hold data, and what deleting or replacing them keeps: one table for both formats.

CloudFormation deletes a resource removed from the template, or replaced by an update, unless its
`DeletionPolicy` / `UpdateReplacePolicy` says otherwise (cfn-lint I3011 asks for both on every stateful type).
Every stateful resource the export writes states both: `Snapshot` where the type takes a final snapshot,
`Retain` where the resource itself must outlive the stack, and an explicit `Delete` where nothing is lost
(a cluster's member instances keep no data of their own, a memcached cache holds only copies). The Terraform
export reads the same attributes: `Retain` and `Snapshot` become `lifecycle { prevent_destroy = true }`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

SNAPSHOT = "Snapshot"
RETAIN = "Retain"
DELETE = "Delete"

# CloudFormation type -> the policy it gets when its renderer states none.
STATEFUL: dict[str, str] = {
    "AWS::RDS::DBInstance": SNAPSHOT,
    "AWS::RDS::DBCluster": SNAPSHOT,
    "AWS::Redshift::Cluster": SNAPSHOT,
    "AWS::ElastiCache::ReplicationGroup": SNAPSHOT,
    "AWS::EC2::Volume": SNAPSHOT,
    "AWS::Neptune::DBCluster": SNAPSHOT,
    "AWS::DocDB::DBCluster": SNAPSHOT,
    "AWS::S3::Bucket": RETAIN,
    "AWS::DynamoDB::Table": RETAIN,
    "AWS::DynamoDB::GlobalTable": RETAIN,
    "AWS::SQS::Queue": RETAIN,
    "AWS::Kinesis::Stream": RETAIN,
    "AWS::SecretsManager::Secret": RETAIN,
    "AWS::Logs::LogGroup": RETAIN,
    "AWS::EFS::FileSystem": RETAIN,
    "AWS::FSx::FileSystem": RETAIN,
    "AWS::KMS::Key": RETAIN,
    "AWS::Cognito::UserPool": RETAIN,
    "AWS::MSK::Cluster": RETAIN,
    "AWS::OpenSearchService::Domain": RETAIN,
    "AWS::Elasticsearch::Domain": RETAIN,
    "AWS::Backup::BackupVault": RETAIN,
    "AWS::QLDB::Ledger": RETAIN,
    "AWS::CloudFormation::Stack": RETAIN,
    # Members of a cluster: the cluster holds the data (and its snapshot).
    "AWS::Neptune::DBInstance": DELETE,
    "AWS::DocDB::DBInstance": DELETE,
    # Its data lives in S3 (the log and output URIs); a kept cluster would only keep costing.
    "AWS::EMR::Cluster": DELETE,
    # Memcached keeps copies of data held elsewhere and takes no snapshot.
    "AWS::ElastiCache::CacheCluster": DELETE,
}
KEEPING = {SNAPSHOT, RETAIN}


def protect(resources: dict[str, dict[str, Any]], stateful: Iterable[str] | None = None) -> None:
    """States the policies of every stateful resource whose renderer stated none; `stateful`: the logical ids
    of the resources of the STATEFUL types, where the caller has them listed, else every resource is looked at."""
    for logical in list(resources) if stateful is None else stateful:
        body = resources[logical]
        policy = STATEFUL.get(body["Type"])
        if policy is None or ("DeletionPolicy" in body and "UpdateReplacePolicy" in body):
            continue
        deletion = body.get("DeletionPolicy", policy)
        policies = {
            "DeletionPolicy": deletion,
            "UpdateReplacePolicy": body.get("UpdateReplacePolicy", deletion),
        }
        # Written where the renderers write them: after the type and any DependsOn, before the properties.
        head = {k: v for k, v in body.items() if k != "Properties"} | policies
        resources[logical] = head | ({"Properties": body["Properties"]} if "Properties" in body else {})


def keeps_data(body: dict[str, Any]) -> bool:
    """Whether deleting the resource keeps it or its snapshot (Terraform then refuses to destroy it)."""
    return body.get("DeletionPolicy") in KEEPING or body.get("UpdateReplacePolicy") in KEEPING
