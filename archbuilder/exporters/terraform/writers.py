"""Every CloudFormation type's Terraform writers, gathered from the modules that write them."""

from __future__ import annotations

from collections.abc import Mapping

from archbuilder.exporters.terraform import (
    app_platforms,
    big_data,
    certificates,
    compute,
    connectivity,
    data,
    devtools,
    document_graph,
    edge,
    file_storage,
    integration,
    ml_batch,
    network,
    platform,
    roles,
    security_services,
    services,
    stores,
    telemetry,
)
from archbuilder.exporters.terraform.kit import BlockWriter, BodyWriter, CompanionWriter, resource_block


def merge_body_writers(*tables: Mapping[str, BodyWriter]) -> dict[str, BlockWriter]:
    """One table of block writers; a type claimed by two modules is a mistake, caught at import."""
    merged: dict[str, BlockWriter] = {}
    for table in tables:
        for cfn_type, write_body in table.items():
            if cfn_type in merged:
                raise ValueError(f"{cfn_type} has two Terraform writers")
            merged[cfn_type] = resource_block(write_body)
    return merged


def merge_block_writers(
    merged: dict[str, BlockWriter], *tables: Mapping[str, BlockWriter]
) -> dict[str, BlockWriter]:
    """Adds writers of types that become several Terraform resources and none of its own name (one route
    propagation per route table); a type claimed twice is a mistake, caught at import."""
    for table in tables:
        for cfn_type, write in table.items():
            if cfn_type in merged:
                raise ValueError(f"{cfn_type} has two Terraform writers")
            merged[cfn_type] = write
    return merged


def merge_companions(*tables: Mapping[str, list[CompanionWriter]]) -> dict[str, list[CompanionWriter]]:
    """The companions of each type, in the order of the tables (the order their blocks are written)."""
    merged: dict[str, list[CompanionWriter]] = {}
    for table in tables:
        for cfn_type, writers in table.items():
            merged.setdefault(cfn_type, []).extend(writers)
    return merged


BODY_TYPE_WRITERS = merge_body_writers(
    app_platforms.BODY_WRITERS,
    big_data.BODY_WRITERS,
    compute.BODY_WRITERS,
    connectivity.BODY_WRITERS,
    data.BODY_WRITERS,
    devtools.BODY_WRITERS,
    document_graph.BODY_WRITERS,
    edge.BODY_WRITERS,
    file_storage.BODY_WRITERS,
    integration.BODY_WRITERS,
    ml_batch.BODY_WRITERS,
    network.BODY_WRITERS,
    platform.BODY_WRITERS,
    security_services.BODY_WRITERS,
    services.BODY_WRITERS,
    stores.BODY_WRITERS,
    telemetry.BODY_WRITERS,
)
RESOURCE_WRITERS = merge_block_writers(BODY_TYPE_WRITERS, connectivity.BLOCK_WRITERS)

COMPANION_WRITERS = merge_companions(
    big_data.COMPANION_WRITERS,
    certificates.COMPANION_WRITERS,
    connectivity.COMPANION_WRITERS,
    edge.COMPANION_WRITERS,
    integration.COMPANION_WRITERS,
    platform.COMPANION_WRITERS,
    roles.COMPANION_WRITERS,
    security_services.COMPANION_WRITERS,
    services.COMPANION_WRITERS,
    stores.COMPANION_WRITERS,
)
