"""Every service type's CloudFormation renderer, gathered from the modules that write them."""

from __future__ import annotations

from collections.abc import Mapping

from archbuilder.exporters.cloudformation import (
    analytics,
    app_platforms,
    big_data,
    compute,
    connectivity,
    containers,
    data,
    databases,
    devtools,
    dns,
    document_graph,
    edge,
    endpoints,
    events,
    file_storage,
    integration,
    management,
    ml_batch,
    network_acls,
    platform,
    security_services,
    storage,
    telemetry,
)
from archbuilder.exporters.cloudformation.kit import Renderer


def merge_renderers(*tables: Mapping[str, Renderer]) -> dict[str, Renderer]:
    """One table from the modules' tables; a type claimed by two modules is a mistake, caught at import."""
    merged: dict[str, Renderer] = {}
    for table in tables:
        for type_id, renderer in table.items():
            if type_id in merged:
                raise ValueError(f"{type_id} has two CloudFormation renderers")
            merged[type_id] = renderer
    return merged


RENDERERS = merge_renderers(
    analytics.RENDERERS,
    app_platforms.RENDERERS,
    big_data.RENDERERS,
    compute.RENDERERS,
    connectivity.RENDERERS,
    containers.RENDERERS,
    data.RENDERERS,
    databases.RENDERERS,
    devtools.RENDERERS,
    dns.RENDERERS,
    document_graph.RENDERERS,
    edge.RENDERERS,
    endpoints.RENDERERS,
    events.RENDERERS,
    file_storage.RENDERERS,
    integration.RENDERERS,
    management.RENDERERS,
    ml_batch.RENDERERS,
    network_acls.RENDERERS,
    platform.RENDERERS,
    security_services.RENDERERS,
    storage.RENDERERS,
    telemetry.RENDERERS,
)
