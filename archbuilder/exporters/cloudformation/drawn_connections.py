"""Connections a template writes the same whether the design draws them or not, recorded beside the values written
in place of the design's (kit.written_instead, the template's Metadata and Terraform's main.tf) so that an import
gives back the connections drawn, while the template still reads as it was written (importers/drawn_records.py):

- a network ACL guards subnets, not services: drawn to some services it is associated with their subnets, which
  may hold others (network_acls.py);
- every ECS service and Fargate task of the design runs in its first cluster, drawn attached to it or not
  (container_instances.service_cluster);
- a workgroup queries the catalog's tables, which the template's crawlers make of the buckets they crawl; the
  workgroup itself names no bucket it reads (analytics.py).

Each record names the node, what the design draws (`design`) and what the template holds in its place
(`written`), by label; none is made where the two say the same. They are the import's to read, not warnings: the
template does what the design says, and no value of the user's is replaced (manual.written_instead)."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.container_instances import service_cluster
from archbuilder.exporters.cloudformation.context import CfnContext
from archbuilder.exporters.cloudformation.kit import targets_of
from archbuilder.exporters.cloudformation.network_acls import guarded_subnets
from archbuilder.graph.queries import services_of_type
from archbuilder.model import ServiceNode

# The records' names, as the import reads them (importers/drawn_records.py).
ACL_SERVICES = "attached_services"
CLUSTER_SERVICES = "attached_services"
WORKGROUP_BUCKETS = "read_buckets"
DRAWN_RECORDS = frozenset({ACL_SERVICES, CLUSTER_SERVICES, WORKGROUP_BUCKETS})
ACL_WHY = "a network ACL guards subnets: it is associated with those of the services it is drawn to, which hold others"
CLUSTER_WHY = "every ECS service of the design runs in its first cluster, drawn attached to it or not"
WORKGROUP_WHY = "a workgroup names no bucket: it queries the catalog's tables, which the crawlers make of the buckets they crawl"
# The services that run in the design's cluster (containers.py names it for each).
CLUSTER_RUNS = ("ecs_service", "fargate_task")
DATA_READS = (ConnectionKind.READ, ConnectionKind.READ_WRITE)


def record_drawn_connections(ctx: CfnContext) -> None:
    for node in services_of_type(ctx.graph, "network_acl"):
        _acl(ctx, node)
    cluster = service_cluster(ctx)
    if cluster is not None:
        _cluster(ctx, cluster)
    for node in services_of_type(ctx.graph, "athena_workgroup"):
        _workgroup(ctx, node)


def _record(
    ctx: CfnContext, node: ServiceNode, name: str, drawn: list[str], written: list[str], why: str
) -> None:
    ctx.drawn_instead.append((node.id, name, sorted(drawn), sorted(written), why))


def _acl(ctx: CfnContext, node: ServiceNode) -> None:
    drawn = [target for target, _kind in targets_of(ctx, node, ConnectionKind.ATTACH)]
    if not drawn:
        return  # associated with every subnet of its VPC, as the import reads an ACL drawn to nothing
    subnets = guarded_subnets(ctx, node)
    ids = {subnet.id for subnet in subnets}
    held = [
        service
        for service in ctx.graph.services
        if service.id != node.id
        and service not in drawn
        and (placed := ctx.graph.placements[service.id].subnet_ids)
        and set(placed) <= ids
    ]
    if held:
        _record(ctx, node, ACL_SERVICES, [s.label for s in drawn], [s.label for s in subnets], ACL_WHY)


def _cluster(ctx: CfnContext, cluster: ServiceNode) -> None:
    running = services_of_type(ctx.graph, *CLUSTER_RUNS)
    drawn = [
        service
        for service in running
        if any(target.id == cluster.id for target, _ in targets_of(ctx, service, ConnectionKind.ATTACH))
    ]
    if len(drawn) < len(running):
        _record(
            ctx, cluster, CLUSTER_SERVICES, [s.label for s in drawn], [s.label for s in running], CLUSTER_WHY
        )


def _workgroup(ctx: CfnContext, node: ServiceNode) -> None:
    crawled = {
        bucket.id: bucket
        for crawler in services_of_type(ctx.graph, "glue_crawler")
        for bucket, _kind in targets_of(ctx, crawler, *DATA_READS)
        if bucket.type == "s3_bucket"
    }
    drawn = [
        target for target, _kind in targets_of(ctx, node, ConnectionKind.READ) if target.type == "s3_bucket"
    ]
    if set(crawled) - {bucket.id for bucket in drawn}:
        labels = [bucket.label for bucket in crawled.values()]
        _record(ctx, node, WORKGROUP_BUCKETS, [b.label for b in drawn], labels, WORKGROUP_WHY)
