"""A call an API makes in the design that the CloudFormation and Terraform exports write no integration for, so a
deployment of the export would not make it."""

from archbuilder.catalog.export_gaps import API_CALLS, API_INTEGRATIONS, api_call_written
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    # The table the exports' integrations are checked against (catalog/export_gaps.py); the export names the
    # same calls in its warnings.
    findings = []
    for api in services_of_type(graph, *sorted(API_INTEGRATIONS)):
        for connection in graph.connections_of(api.id):
            if connection.source_id != api.id or connection.kind.value not in API_CALLS:
                continue
            target = graph.architecture.service(connection.target_id)
            if api_call_written(api.type, target.type, connection.kind.value):
                continue
            findings.append(
                rule.finding(
                    api,
                    f"{label(api)} ({graph.service_type(api).short_name}) calls {label(target)} "
                    f"({graph.service_type(target).short_name}, {connection.kind.value}), which the exports "
                    "write no integration for",
                )
            )
    return findings


RULE = Rule(
    id="OPS-036",
    title="Call the export cannot write",
    severity=Severity.WARNING,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.MEDIUM,
    source=cite("000", "CloudFormation Alternatives and Lock-In"),
    description="Some AWS features may not be available in one infrastructure-as-code tool, and have to be set "
    "another way; an API the design has calling a service it has no integration for in the template deploys "
    "without that route, and reviewing the template would not show it.",
    remediation="Call the service through a function the API invokes, or connect the API to a service it "
    "integrates with directly (a REST API: Kinesis, SQS, SNS, Step Functions; an HTTP API: Kinesis, SQS, Step "
    "Functions), or add the integration by hand after deploying.",
    check=check,
    applies_to=tuple(sorted(API_INTEGRATIONS)),
    tags=("deployment", "iac"),
    wa_best_practice="OPS05-BP03",
    checked="2026-12-06",
)
