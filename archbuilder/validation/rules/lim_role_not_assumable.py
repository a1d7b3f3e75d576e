"""An IAM role attached to a service whose principal the role does not trust."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked

ATTACH = {ConnectionKind.ATTACH}
# The service principal that assumes a role for each kind of service.
PRINCIPALS = {
    "ec2_instance": "ec2.amazonaws.com",
    "autoscaling_group": "ec2.amazonaws.com",
    "eks_node_group": "ec2.amazonaws.com",
    "lambda_function": "lambda.amazonaws.com",
    "ecs_service": "ecs-tasks.amazonaws.com",
    "fargate_task": "ecs-tasks.amazonaws.com",
    "codebuild_project": "codebuild.amazonaws.com",
    "glue_job": "glue.amazonaws.com",
    "glue_crawler": "glue.amazonaws.com",
    "step_functions": "states.amazonaws.com",
    "eks_cluster": "eks.amazonaws.com",
    "firehose_stream": "firehose.amazonaws.com",
    "codepipeline": "codepipeline.amazonaws.com",
    "codedeploy_app": "codedeploy.amazonaws.com",
    "sagemaker_endpoint": "sagemaker.amazonaws.com",
    "sagemaker_notebook": "sagemaker.amazonaws.com",
}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for role in services_of_type(graph, "iam_role"):
        trusted = str(role.properties.get("assumed_by") or "ec2.amazonaws.com")
        for service in linked(graph, role, ATTACH, direction="both"):
            needed = PRINCIPALS.get(service.type)
            if needed is not None and needed != trusted:
                findings.append(
                    rule.finding(
                        [role, service],
                        f"{label(role)} trusts {trusted} but is given to {label(service)}, which assumes it as {needed}",
                    )
                )
    return findings


RULE = Rule(
    id="LIM-060",
    title="Role the service cannot assume",
    severity=Severity.ERROR,
    pillar=Pillar.SECURITY,
    effort=Effort.LOW,
    source=cite("004", "IAM Roles"),
    description="A role has no credentials of its own: a service takes temporary credentials by assuming it, and "
    "only the principals its trust policy names may. A role that trusts ec2.amazonaws.com cannot be assumed by "
    "Lambda, ECS tasks or Glue, so the service runs without permissions.",
    remediation="Make the role trust the service that uses it (lambda.amazonaws.com, ecs-tasks.amazonaws.com, …), "
    "or give that service a role of its own.",
    check=check,
    applies_to=("iam_role", "lambda_function", "ec2_instance", "ecs_service"),
    tags=("identity", "limits"),
    wa_best_practice="SEC02-BP02",
    checked="2026-12-06",
)
