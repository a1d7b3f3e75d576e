"""A CodePipeline pipeline that nothing starts: no repository, bucket or registry is its source."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked

SOURCES = {"codecommit_repository", "s3_bucket", "ecr_repository", "generic"}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    return [
        rule.finding(
            pipeline,
            f"{label(pipeline)} has no source: no repository, bucket or image registry is connected to start it",
        )
        for pipeline in services_of_type(graph, "codepipeline")
        if not any(source.type in SOURCES for source in linked(graph, pipeline, direction="in"))
    ]


RULE = Rule(
    id="OPS-025",
    title="Pipeline without a source",
    severity=Severity.WARNING,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.LOW,
    source=cite("004", "AWS CodePipeline"),
    description="CodePipeline builds, tests and deploys every time there is a code change: its first stage is a "
    "source (a CodeCommit or Git repository, an S3 object, an ECR image). A pipeline drawn without one never runs "
    "on a change.",
    remediation="Connect the repository, bucket or registry the pipeline releases from to the pipeline.",
    check=check,
    applies_to=("codepipeline", "codecommit_repository", "s3_bucket", "ecr_repository"),
    tags=("deployment",),
    wa_best_practice="OPS05-BP10",
    checked="2026-12-06",
)
