"""Catalog properties an export format cannot write yet: the one table the exporters' notes and the validation
rule OPS-035 both read, so that a value the export would lose is always named (never replaced in silence).

Each gap says which formats leave the property out and what those formats state in its place (what a deployment
of the export gets: the value written instead, or AWS's own default when nothing is written). A service whose
value is anything else is told, by a finding on the node and by a warning of the export."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

CLOUDFORMATION = "CloudFormation"
TERRAFORM = "Terraform"


@dataclass(frozen=True)
class ExportGap:
    type_id: str
    name: str
    formats: tuple[str, ...]  # the formats that do not write the property
    written: Any  # what those formats state in its place
    why: str  # what writing it takes


GAPS: tuple[ExportGap, ...] = (
    ExportGap(
        "acm_certificate",
        "exportable",
        (TERRAFORM,),
        False,
        "the hashicorp/aws 5.x provider has no certificate argument for it (CloudFormation's CertificateExport)",
    ),
    ExportGap(
        "neptune_cluster",
        "storage_type",
        (CLOUDFORMATION,),
        "standard",
        "CloudFormation's Neptune cluster has no storage type (Terraform's aws_neptune_cluster storage_type)",
    ),
    ExportGap(
        "sns_topic",
        "max_message_size_bytes",
        (TERRAFORM,),
        262144,
        "the hashicorp/aws 5.x provider has no topic argument for it (CloudFormation's MaximumMessageSize)",
    ),
)

BY_PROPERTY: dict[tuple[str, str], ExportGap] = {(gap.type_id, gap.name): gap for gap in GAPS}
BY_TYPE: dict[str, tuple[ExportGap, ...]] = {
    type_id: tuple(gap for gap in GAPS if gap.type_id == type_id) for type_id in {gap.type_id for gap in GAPS}
}


def lost_values(type_id: str, properties: Mapping[str, Any]) -> list[tuple[ExportGap, Any]]:
    """(gap, value) for each property of a service of `type_id` holding a value some format cannot write: one
    other than what that format states in its place. A property the service does not hold is not lost."""
    found = []
    for gap in BY_TYPE.get(type_id, ()):
        value = properties.get(gap.name)
        if value is not None and value != gap.written:
            found.append((gap, value))
    return found


def shown(value: Any) -> str:
    """A value as the messages quote it: text as written, anything else as JSON would spell it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# What an API's connections become in the exports: (target type, connection kind) pairs each API type writes an
# integration for (a Lambda proxy, or an AWS service integration: exporters/cloudformation/api_integrations.py).
# A call to anything else is named in the export's warnings and by the validation rule OPS-036.
API_INTEGRATIONS: dict[str, frozenset[tuple[str, str]]] = {
    "api_gateway_rest": frozenset(
        {
            ("lambda_function", "invoke"),
            ("kinesis_stream", "write"),
            ("sqs_queue", "write"),
            ("sns_topic", "write"),
            ("step_functions", "invoke"),
        }
    ),
    "api_gateway_http": frozenset(
        {
            ("lambda_function", "invoke"),
            ("kinesis_stream", "write"),
            ("sqs_queue", "write"),
            ("step_functions", "invoke"),
        }
    ),
}
# Connections that say an API calls what they point at.
API_CALLS = frozenset({"invoke", "write", "read", "read_write", "traffic"})


def api_call_written(api_type: str, target_type: str, kind: str) -> bool:
    """Whether the exports write an integration for an API of `api_type` calling a `target_type` (`kind`)."""
    return (target_type, kind) in API_INTEGRATIONS.get(api_type, frozenset())
