"""CloudFormation for containers: ECS services and Fargate tasks behind load balancers, and caches beside them."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.container_instances import (
    capacity_provider,
    on_ec2,
    service_cluster,
)
from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref
from archbuilder.exporters.cloudformation.kit import (
    Renderer,
    assumable_role,
    managed_policy,
    prop,
    service_role,
)
from archbuilder.model import ServiceNode


def _service(ctx: CfnContext, node: ServiceNode) -> None:
    # The port the image listens on; the load balancer and security group send traffic there (listeners.py).
    port = int(prop(node, "container_port", 80))
    task = _task_definition(ctx, node, port)
    waits_for: list[str] = []
    service: dict[str, Any] = {}
    if on_ec2(node):
        provider, association = capacity_provider(ctx, node)
        service["CapacityProviderStrategy"] = [{"CapacityProvider": ref(provider), "Weight": 1}]
        # A service can name a provider only once the provider is associated with its cluster.
        waits_for.append(association)
    else:
        # As the design says it: a launch type outside the catalog is written as it is (and validation names it).
        service["LaunchType"] = str(prop(node, "launch_type", "FARGATE"))
    service |= {
        "TaskDefinition": ref(task),
        "DesiredCount": int(prop(node, "desired_count", 2)),
        "NetworkConfiguration": {
            "AwsvpcConfiguration": {
                "Subnets": ctx.subnet_refs(node),
                "SecurityGroups": ctx.sg_refs(node),
                "AssignPublicIp": "ENABLED" if prop(node, "assign_public_ip") else "DISABLED",
            }
        },
    }
    cluster = service_cluster(ctx)
    if cluster is not None:
        service["Cluster"] = ref(ctx.lid(cluster))
    balancers = _balancers(ctx, node)
    if balancers:
        service["LoadBalancers"] = [
            {"ContainerName": "app", "ContainerPort": port, "TargetGroupArn": ref(ctx.target_groups[b])}
            for b in balancers
        ]
    # The service registers with its target groups only once their listeners exist.
    listeners = [ctx.lid(ctx.architecture.node(b), "Listener") for b in balancers]
    ctx.add(ctx.lid(node), "AWS::ECS::Service", service, DependsOn=listeners + waits_for or None)


def _task_definition(ctx: CfnContext, node: ServiceNode, port: int) -> str:
    """A task of one container, on Fargate or on the service's container instances (awsvpc either way, so that
    the service's security group applies to each task), with the role the application runs as and the one ECS
    runs it with."""
    role = service_role(ctx, node, "ecs-tasks.amazonaws.com")
    execution = _execution_role(ctx, node)
    container = _container(ctx, node, port)
    return ctx.add(
        ctx.lid(node, "TaskDefinition"),
        "AWS::ECS::TaskDefinition",
        {
            "RequiresCompatibilities": ["EC2" if on_ec2(node) else "FARGATE"],
            "NetworkMode": "awsvpc",
            "Cpu": str(prop(node, "cpu", 256)),
            "Memory": str(prop(node, "memory", 512)),
            "ExecutionRoleArn": get_att(execution, "Arn"),
            "TaskRoleArn": get_att(role, "Arn"),
            "ContainerDefinitions": [container],
        },
    )


def _execution_role(ctx: CfnContext, node: ServiceNode) -> str:
    """The role ECS itself uses to pull the image and write the logs (the task role is the application's)."""
    return assumable_role(
        ctx,
        ctx.lid(node, "ExecutionRole"),
        "ecs-tasks.amazonaws.com",
        [managed_policy("service-role/AmazonECSTaskExecutionRolePolicy")],
    )


def _container(ctx: CfnContext, node: ServiceNode, port: int) -> dict[str, Any]:
    """The one container of the task; its environment is filled in once every connection is wired."""
    container: dict[str, Any] = {
        "Name": "app",
        "Image": ctx.parameter(
            f"{ctx.lid(node)}Image",
            "String",
            str(prop(node, "image", "public.ecr.aws/nginx/nginx:stable")),
            f"Container image of {node.label}",
        ),
        "Essential": True,
        "PortMappings": [{"ContainerPort": port, "Protocol": "tcp"}],
    }
    log_configuration = _log_configuration(ctx, node)
    if log_configuration:
        container["LogConfiguration"] = log_configuration
    variables: dict[str, Any] = {}
    ctx.environment[node.id] = variables
    container["Environment"] = []
    # Connections are wired after every service exists; ECS wants the variables as name/value pairs.
    ctx.finishers.append(
        lambda: container["Environment"].extend(
            {"Name": name, "Value": value} for name, value in sorted(variables.items())
        )
    )
    return container


def _log_configuration(ctx: CfnContext, node: ServiceNode) -> dict[str, Any] | None:
    """awslogs into the first log group the service sends its logs to, or None when it sends them nowhere."""
    logs = [
        ctx.architecture.service(c.target_id)
        for c in ctx.graph.connections_of(node.id)
        if c.source_id == node.id and c.kind is ConnectionKind.LOGS
    ]
    if not logs:
        return None
    return {
        "LogDriver": "awslogs",
        "Options": {
            "awslogs-group": ref(ctx.lid(logs[0])),
            "awslogs-region": ref("AWS::Region"),
            "awslogs-stream-prefix": "app",
        },
    }


def _balancers(ctx: CfnContext, node: ServiceNode) -> list[str]:
    """Ids of the load balancers that send traffic to the service through a target group."""
    return [
        c.source_id
        for c in ctx.graph.connections_of(node.id)
        if c.target_id == node.id and c.kind is ConnectionKind.TRAFFIC and c.source_id in ctx.target_groups
    ]


def _cache(ctx: CfnContext, node: ServiceNode) -> None:
    group = ctx.add(
        ctx.lid(node, "SubnetGroup"),
        "AWS::ElastiCache::SubnetGroup",
        {"Description": f"Subnets of {node.label}", "SubnetIds": ctx.subnet_refs(node)},
    )
    engine = str(prop(node, "engine", "redis"))
    nodes = int(prop(node, "num_nodes", 2))
    failover = nodes > 1 and bool(prop(node, "automatic_failover", True))
    if engine == "redis":
        ctx.add(
            ctx.lid(node),
            "AWS::ElastiCache::ReplicationGroup",
            {
                "ReplicationGroupDescription": node.label,
                "Engine": "redis",
                "CacheNodeType": str(prop(node, "node_type", "cache.t3.micro")),
                "NumCacheClusters": max(nodes, 1),
                **(
                    {"EngineVersion": str(prop(node, "engine_version"))}
                    if prop(node, "engine_version")
                    else {}
                ),
                # Failover needs a replica to promote, and Multi-AZ needs failover.
                "AutomaticFailoverEnabled": failover,
                "MultiAZEnabled": failover and bool(prop(node, "multi_az", True)),
                "AtRestEncryptionEnabled": bool(prop(node, "encrypted", True)),
                "TransitEncryptionEnabled": bool(prop(node, "transit_encryption", True)),
                "SnapshotRetentionLimit": int(prop(node, "backup_retention_days", 1)),
                "CacheSubnetGroupName": ref(group),
                "SecurityGroupIds": ctx.sg_refs(node),
            },
            DeletionPolicy="Snapshot",
            UpdateReplacePolicy="Snapshot",
        )
    else:
        ctx.add(
            ctx.lid(node),
            "AWS::ElastiCache::CacheCluster",
            {
                "Engine": "memcached",
                **(
                    {"EngineVersion": str(prop(node, "engine_version"))}
                    if prop(node, "engine_version")
                    else {}
                ),
                "CacheNodeType": str(prop(node, "node_type", "cache.t3.micro")),
                "NumCacheNodes": nodes,
                "AZMode": "cross-az" if nodes > 1 else "single-az",
                "CacheSubnetGroupName": ref(group),
                "VpcSecurityGroupIds": ctx.sg_refs(node),
            },
        )


# The resource types this module renders; template.py merges every module's table.
RENDERERS: dict[str, Renderer] = {
    "fargate_task": _service,
    "ecs_service": _service,
    "elasticache_cluster": _cache,
}
