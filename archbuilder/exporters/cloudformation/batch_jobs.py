"""What a call to a Batch compute environment writes: a job is submitted to a job queue with a job definition, so
the environment called gets a job definition of its own beside its queue, and the caller may submit jobs with
that definition to that queue (`batch:SubmitJob` on both) and is told both.

The definition is the smallest one that runs on the environment's capacity: a container of the image the
deployment gives (a parameter without a default: the design does not say what the jobs run), 1 vCPU and 2 GiB
(the smallest Fargate size with 2 GiB; Fargate jobs must state both), and on Fargate the execution role that
lets Batch pull the image and send the job's logs (AWS Batch User Guide, "Job definition parameters": jobs on
Fargate resources must provide an execution role; checked 2026-12-06)."""

from __future__ import annotations

from typing import Any

from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref
from archbuilder.exporters.cloudformation.kit import assumable_role, managed_policy, prop
from archbuilder.model import ServiceNode

SUBMIT = ["batch:SubmitJob"]
FARGATE_KINDS = ("FARGATE", "FARGATE_SPOT")
# The job's size: 1 vCPU with 2 GiB is a Fargate size, and runs on any instance type Batch picks.
JOB_RESOURCES = [{"Type": "VCPU", "Value": "1"}, {"Type": "MEMORY", "Value": "2048"}]


def submit_jobs(ctx: CfnContext, caller: ServiceNode, environment: ServiceNode) -> bool:
    """Grants the caller the submission of jobs to the environment's queue, writing the environment's job
    definition the first time; False when the environment's queue is not written (an environment outside a VPC)."""
    queue = ctx.lid(environment, "Queue")
    if queue not in ctx.resources:
        return False
    definition = job_definition(ctx, environment)
    ctx.allow(caller, SUBMIT, [ref(queue), ref(definition)])
    variables = ctx.environment.get(caller.id)
    if variables is not None:
        prefix = ctx.lid(environment).upper()
        variables[f"{prefix}_JOB_QUEUE"] = ref(queue)
        variables[f"{prefix}_JOB_DEFINITION"] = ref(definition)
    return True


def job_definition(ctx: CfnContext, environment: ServiceNode) -> str:
    """The environment's job definition (its logical id), written once."""
    logical = ctx.lid(environment, "JobDefinition")
    if logical in ctx.resources:
        return logical
    on_fargate = (
        bool(prop(environment, "managed", True))
        and str(prop(environment, "resource_type", "FARGATE")) in FARGATE_KINDS
    )
    container: dict[str, Any] = {
        "Image": ctx.parameter(
            f"{ctx.lid(environment)}JobImage",
            "String",
            None,
            f"Container image the jobs of {environment.label} run",
        ),
        "ResourceRequirements": [dict(item) for item in JOB_RESOURCES],
    }
    if on_fargate:
        role = assumable_role(
            ctx,
            ctx.lid(environment, "JobExecutionRole"),
            "ecs-tasks.amazonaws.com",
            [managed_policy("service-role/AmazonECSTaskExecutionRolePolicy")],
        )
        container["ExecutionRoleArn"] = get_att(role, "Arn")
    ctx.add(
        logical,
        "AWS::Batch::JobDefinition",
        {
            "Type": "container",
            "PlatformCapabilities": ["FARGATE" if on_fargate else "EC2"],
            "ContainerProperties": container,
        },
    )
    return logical
