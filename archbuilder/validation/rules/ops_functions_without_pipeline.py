"""Many Lambda functions in a design with no deployment pipeline to release them."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite

# Past about ten functions, deploying them by hand (versions, aliases, configuration) stops being manageable.
MANY = 10
DEPLOYERS = ("codepipeline", "codedeploy_app", "codebuild_project")


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    functions = graph.by_type.get("lambda_function", [])
    if len(functions) <= MANY or any(graph.by_type.get(t) for t in DEPLOYERS):
        return []
    return [
        rule.finding(
            services_of_type(graph, "lambda_function"),
            f"{len(functions)} Lambda functions and no deployment pipeline to release their versions and aliases",
        )
    ]


RULE = Rule(
    id="OPS-023",
    title="Many functions without a deployment pipeline",
    severity=Severity.INFO,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.MEDIUM,
    source=cite("000", "Lambda Gotchas and Limitations"),
    description="Managing lots of Lambda functions is a workflow challenge, and the workflow around function "
    "versions and aliases is painful by hand; with more than about ten functions, releases need a pipeline or "
    "deployment framework that builds, versions and shifts aliases for every function the same way.",
    remediation="Add a CodePipeline (with CodeBuild and CodeDeploy) or a serverless deployment framework that "
    "releases the functions from version control.",
    check=check,
    applies_to=("lambda_function", "codepipeline", "codedeploy_app", "codebuild_project"),
    tags=("deployment", "serverless"),
    wa_best_practice="OPS05-BP10",
    checked="2026-11-23",
)
