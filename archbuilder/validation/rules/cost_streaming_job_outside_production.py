"""A continuously running Glue streaming job outside production."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, is_production, label

RULE = Rule(
    id="COST-029",
    title="Streaming ETL running outside production",
    severity=Severity.INFO,
    pillar=Pillar.COST_OPTIMIZATION,
    effort=Effort.MEDIUM,
    source=cite("002", "Amazon Glue"),
    description="A Glue streaming job runs all the time and bills its workers for every hour, whether records "
    "arrive or not; in development or test, where data arrives now and then, a batch job on a schedule does the "
    "same work for a fraction of the cost.",
    remediation="Run the job as a batch (glueetl) job on a schedule outside production, or stop it when not testing.",
    check=each_service(
        ("glue_job",),
        lambda node, graph: not is_production(graph) and node.properties.get("job_type") == "gluestreaming",
        lambda node, graph: (
            f"{label(node)} is a streaming job billing its workers around the clock outside production"
        ),
    ),
    applies_to=("glue_job",),
    tags=("cost", "analytics", "streaming"),
    wa_best_practice="COST09-BP03",
    checked="2026-12-06",
)
