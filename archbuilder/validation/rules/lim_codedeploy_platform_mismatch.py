"""A CodeDeploy application deploying to a service its compute platform cannot deploy."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked

DEPLOY = {ConnectionKind.DEPLOY}
TARGETS = {
    "Server": {"ec2_instance", "autoscaling_group"},
    "Lambda": {"lambda_function"},
    "ECS": {"ecs_service", "fargate_task"},
}
PLATFORM_OF = {type_id: platform for platform, types in TARGETS.items() for type_id in types}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for app in services_of_type(graph, "codedeploy_app"):
        platform = str(app.properties.get("compute_platform") or "Server")
        for target in linked(graph, app, DEPLOY):
            needed = PLATFORM_OF.get(target.type)
            if needed is not None and needed != platform:
                findings.append(
                    rule.finding(
                        [app, target],
                        f"{label(app)} deploys to the {platform} platform but {label(target)} needs a {needed} "
                        "application",
                    )
                )
    return findings


RULE = Rule(
    id="LIM-062",
    title="CodeDeploy platform does not fit the target",
    severity=Severity.ERROR,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.MEDIUM,
    source=cite("004", "AWS CodeDeploy"),
    description="A CodeDeploy application is made for one compute platform: EC2/on-premises instances (in place or "
    "blue/green), Lambda (shifting an alias between versions) or ECS (shifting traffic between task sets). It cannot "
    "deploy to a target of another platform.",
    remediation="Give the target an application of its own platform (Server for instances and Auto Scaling groups, "
    "Lambda for functions, ECS for services).",
    check=check,
    applies_to=("codedeploy_app", "lambda_function", "ec2_instance", "ecs_service"),
    tags=("deployment", "limits"),
    wa_best_practice="OPS06-BP03",
    checked="2026-12-06",
)
