"""A service AWS no longer opens to new customers."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_problem, label


def _problem(node: ServiceNode) -> str | None:
    if node.type == "data_pipeline":
        return (
            f"{label(node)} uses AWS Data Pipeline, closed to new customers since July 2024: move the job to AWS "
            "Glue, Step Functions or Amazon MWAA"
        )
    if node.properties.get("gateway_type") == "FILE_FSX_SMB":
        return (
            f"{label(node)} is an FSx File Gateway, closed to new customers since October 2024: reach FSx for "
            "Windows File Server directly (over Direct Connect or VPN) instead"
        )
    return None


RULE = Rule(
    id="OPS-026",
    title="Service closed to new customers",
    severity=Severity.WARNING,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.HIGH,
    source=cite("000", "AWS Product Maturity and Releases"),
    description="The guide marks services as obsolete or retired where they were in 2016; today AWS keeps some "
    "services running for existing customers only. A new design that depends on one cannot be deployed in a new "
    "account and has no future features.",
    remediation="Use the successor AWS names for the job (Glue or Step Functions for Data Pipeline, FSx for "
    "Windows File Server reached directly for FSx File Gateway).",
    check=each_problem(("data_pipeline", "storage_gateway"), _problem),
    applies_to=("data_pipeline", "storage_gateway"),
    tags=("legacy", "deployment"),
    wa_best_practice="OPS05-BP06",
    checked="2026-12-06",
    note="The guide's maturity table predates these closures: AWS Data Pipeline (July 2024) and Amazon FSx File "
    "Gateway (October 2024) take no new customers.",
)
