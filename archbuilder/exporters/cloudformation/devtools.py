"""CloudFormation for delivery: CodeCommit repositories, CodeDeploy applications and their deployment groups,
CodePipeline pipelines built from what they are connected to (a repository or bucket they read, projects they
build with, applications, environments and services they deploy to) and nested CloudFormation stacks."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref, sub
from archbuilder.exporters.cloudformation.kit import (
    Renderer,
    by_hand,
    managed_policy,
    private_bucket_properties,
    prop,
    service_role,
    targets_of,
    waits_for_policy,
)
from archbuilder.model import ServiceNode
from archbuilder.model.naming import snake

# The managed policy CodeDeploy's role takes for each compute platform.
CODEDEPLOY_POLICIES = {
    "Server": "service-role/AWSCodeDeployRole",
    "Lambda": "service-role/AWSCodeDeployRoleForLambda",
    "ECS": "AWSCodeDeployRoleForECS",
}
DEPLOY_CONFIGS = {"Server": "CodeDeployDefault.OneAtATime", "Lambda": "CodeDeployDefault.LambdaAllAtOnce"}
# What a caller of a CodeDeploy application may do: register a revision of it, deploy that to the application's
# deployment group and follow the deployment (Service Authorization Reference, AWS CodeDeploy: CreateDeployment and
# GetDeployment act on the deployment group, GetDeploymentConfig on the configuration, RegisterApplicationRevision and
# GetApplicationRevision on the application; checked 2026-12-06). The revision is the caller's to name.
DEPLOYING = [
    "codedeploy:CreateDeployment",
    "codedeploy:GetApplicationRevision",
    "codedeploy:GetDeployment",
    "codedeploy:GetDeploymentConfig",
    "codedeploy:RegisterApplicationRevision",
]
CODEDEPLOY_ARN = "arn:${AWS::Partition}:codedeploy:${AWS::Region}:${AWS::AccountId}"


def stack_named(ctx: CfnContext, node: ServiceNode, limit: int = 100) -> dict[str, str]:
    """`<stack>-<label>`: a name unique per stack that reads as the node."""
    return sub(f"${{AWS::StackName}}-{snake(node.label).replace('_', '-')[: limit - 40]}")


def _repository(ctx: CfnContext, node: ServiceNode) -> None:
    ctx.add(
        ctx.lid(node),
        "AWS::CodeCommit::Repository",
        {
            "RepositoryName": stack_named(ctx, node),
            "RepositoryDescription": node.label,
            "Tags": ctx.tags(node),
        },
        DeletionPolicy="Retain",
        UpdateReplacePolicy="Retain",
    )


def _codedeploy(ctx: CfnContext, node: ServiceNode) -> None:
    platform = str(prop(node, "compute_platform", "Server"))
    application = ctx.add(
        ctx.lid(node),
        "AWS::CodeDeploy::Application",
        {"ApplicationName": stack_named(ctx, node), "ComputePlatform": platform, "Tags": ctx.tags(node)},
    )
    rollback = bool(prop(node, "auto_rollback", True))
    if platform not in DEPLOY_CONFIGS and platform != "ECS":
        by_hand(ctx, node, f"create the deployment group: the export knows no compute platform {platform!r}")
        return
    if platform == "ECS":
        by_hand(
            ctx,
            node,
            "create the ECS deployment group: a blue/green deployment needs a second target group and a test "
            f"listener for the service (with automatic rollback {'on' if rollback else 'off'})",
        )
        return
    role = service_role(
        ctx, node, "codedeploy.amazonaws.com", [managed_policy(CODEDEPLOY_POLICIES[platform])]
    )
    props: dict[str, Any] = {
        "ApplicationName": ref(application),
        "DeploymentGroupName": stack_named(ctx, node),
        "ServiceRoleArn": get_att(role, "Arn"),
        "DeploymentConfigName": DEPLOY_CONFIGS[platform],
        "AutoRollbackConfiguration": {"Enabled": rollback, "Events": ["DEPLOYMENT_FAILURE"]}
        if rollback
        else {"Enabled": False},
    }
    targets = [t for t, _ in targets_of(ctx, node, ConnectionKind.DEPLOY)]
    if platform == "Lambda":
        props["DeploymentStyle"] = {
            "DeploymentType": "BLUE_GREEN",
            "DeploymentOption": "WITH_TRAFFIC_CONTROL",
        }
    else:
        instances = [t for t in targets if t.type == "ec2_instance"]
        groups = [t for t in targets if t.type == "autoscaling_group"]
        if instances:
            props["Ec2TagFilters"] = [
                {"Key": "Name", "Value": t.label, "Type": "KEY_AND_VALUE"} for t in instances
            ]
        if groups:
            props["AutoScalingGroups"] = [ref(ctx.lid(t)) for t in groups]
        if instances or groups:
            by_hand(
                ctx, node, "install the CodeDeploy agent on the instances it deploys to (Systems Manager can)"
            )
    ctx.add(ctx.lid(node, "DeploymentGroup"), "AWS::CodeDeploy::DeploymentGroup", props)


def let_deploy(ctx: CfnContext, caller: ServiceNode, application: ServiceNode) -> bool:
    """Lets the caller's role deploy a revision of the application to its deployment group, and tells the caller the
    group's name (the application's comes with the caller's environment, template.py); False when the export writes
    no deployment group for the application (its own step says why)."""
    logical, group = ctx.lid(application), ctx.lid(application, "DeploymentGroup")
    if group not in ctx.resources or caller.id not in ctx.roles:
        return False
    config = ctx.resources[group]["Properties"]["DeploymentConfigName"]
    arns = (
        f"application:${{{logical}}}",
        f"deploymentgroup:${{{logical}}}/${{{group}}}",
        f"deploymentconfig:{config}",
    )
    ctx.allow(caller, DEPLOYING, [sub(f"{CODEDEPLOY_ARN}:{arn}") for arn in arns])
    variables = ctx.environment.get(caller.id)
    if variables is not None:
        variables[f"{logical.upper()}_DEPLOYMENT_GROUP"] = ref(group)
    return True


def _nested_stack(ctx: CfnContext, node: ServiceNode) -> None:
    url = ctx.parameter(
        f"{ctx.lid(node)}TemplateUrl",
        "String",
        str(prop(node, "template_url", "https://s3.amazonaws.com/example-bucket/layer.yaml")),
        f"S3 URL of the template of {node.label}",
    )
    ctx.add(ctx.lid(node), "AWS::CloudFormation::Stack", {"TemplateURL": url, "Tags": ctx.tags(node)})


# ---------------------------------------------------------------- CodePipeline

SOURCE_OUTPUT = "Source"
BUILD_OUTPUT = "Build"


def _action(
    name: str, category: str, provider: str, configuration: dict[str, Any], **extra: Any
) -> dict[str, Any]:
    owner = "AWS"
    return {
        "Name": name,
        "ActionTypeId": {"Category": category, "Owner": owner, "Provider": provider, "Version": "1"},
        "Configuration": configuration,
        **extra,
    }


def _source(ctx: CfnContext, node: ServiceNode, bucket: str) -> dict[str, Any]:
    """From the repository or bucket the pipeline reads, else from an archive in its own artifact bucket."""
    reads = [t for t, _ in targets_of(ctx, node, ConnectionKind.READ, ConnectionKind.READ_WRITE)]
    out = {"OutputArtifacts": [{"Name": SOURCE_OUTPUT}]}
    repository = next((t for t in reads if t.type == "codecommit_repository"), None)
    if repository is not None:
        logical = ctx.lid(repository)
        ctx.allow(
            node,
            [
                "codecommit:GetBranch",
                "codecommit:GetCommit",
                "codecommit:GetUploadArchiveStatus",
                "codecommit:UploadArchive",
            ],
            get_att(logical, "Arn"),
        )
        configuration = {
            "RepositoryName": get_att(logical, "Name"),
            "BranchName": str(prop(repository, "default_branch", "main")),
            "PollForSourceChanges": True,
        }
        return _action(ctx.lid(repository), "Source", "CodeCommit", configuration, **out)
    store = next((t for t in reads if t.type == "s3_bucket"), None)
    source_bucket = ref(ctx.lid(store)) if store is not None else ref(bucket)
    if store is None:
        by_hand(
            ctx, node, f"upload the source archive as source/source.zip to the pipeline's bucket ({bucket})"
        )
    else:
        ctx.allow(node, ["s3:GetObject", "s3:GetObjectVersion"], sub(f"${{{ctx.lid(store)}.Arn}}/*"))
        ctx.allow(node, ["s3:GetBucketVersioning"], get_att(ctx.lid(store), "Arn"))
    key = "source.zip" if store is not None else "source/source.zip"
    configuration = {"S3Bucket": source_bucket, "S3ObjectKey": key, "PollForSourceChanges": True}
    return _action("Archive", "Source", "S3", configuration, **out)


def _builds(ctx: CfnContext, node: ServiceNode) -> list[dict[str, Any]]:
    projects = [
        t
        for t, _ in targets_of(ctx, node, ConnectionKind.INVOKE, ConnectionKind.DEPLOY)
        if t.type == "codebuild_project"
    ]
    actions: list[dict[str, Any]] = []
    for project in projects:
        logical = ctx.lid(project)
        ctx.allow(node, ["codebuild:BatchGetBuilds", "codebuild:StartBuild"], get_att(logical, "Arn"))
        ctx.finishers.append(lambda logical=logical: _built_by_pipeline(ctx, logical))
        actions.append(
            _action(
                ctx.lid(project),
                "Build",
                "CodeBuild",
                {"ProjectName": ref(logical)},
                InputArtifacts=[{"Name": SOURCE_OUTPUT}],
                OutputArtifacts=[{"Name": f"{BUILD_OUTPUT}{len(actions) + 1}"}],
            )
        )
    return actions


def _built_by_pipeline(ctx: CfnContext, project: str) -> None:
    """A project a pipeline runs takes its source from the pipeline and gives its artifacts back to it."""
    props = ctx.resources[project]["Properties"]
    props["Source"] = {**props["Source"], "Type": "CODEPIPELINE"}
    props["Artifacts"] = {"Type": "CODEPIPELINE"}


def _deploys(ctx: CfnContext, node: ServiceNode, artifact: str) -> list[dict[str, Any]]:
    actions = []
    for target, _ in targets_of(ctx, node, ConnectionKind.DEPLOY):
        logical = ctx.lid(target)
        given = {"InputArtifacts": [{"Name": artifact}]}
        configuration: dict[str, Any]
        if target.type == "codedeploy_app" and prop(target, "compute_platform", "Server") in DEPLOY_CONFIGS:
            configuration = {
                "ApplicationName": ref(logical),
                "DeploymentGroupName": ref(ctx.lid(target, "DeploymentGroup")),
            }
            actions.append(_action(logical, "Deploy", "CodeDeploy", configuration, **given))
            ctx.allow(
                node,
                [
                    "codedeploy:CreateDeployment",
                    "codedeploy:GetApplication",
                    "codedeploy:GetApplicationRevision",
                    "codedeploy:GetDeployment",
                    "codedeploy:GetDeploymentConfig",
                    "codedeploy:RegisterApplicationRevision",
                ],
                "*",
            )
        elif target.type == "ecs_service":
            configuration = {
                "ClusterName": _ecs_cluster(ctx, target),
                "ServiceName": get_att(logical, "Name"),
                "FileName": "imagedefinitions.json",
            }
            actions.append(_action(logical, "Deploy", "ECS", configuration, **given))
            ctx.allow(
                node,
                [
                    "ecs:DescribeServices",
                    "ecs:DescribeTaskDefinition",
                    "ecs:RegisterTaskDefinition",
                    "ecs:UpdateService",
                ],
                "*",
            )
            ctx.allow(node, ["iam:PassRole"], "*")
        elif target.type != "codebuild_project":
            by_hand(
                ctx,
                node,
                f"add the deploy action for {target.label}: the export writes CodeDeploy and ECS actions",
            )
    return actions


def _ecs_cluster(ctx: CfnContext, service: ServiceNode) -> Any:
    cluster = ctx.resources[ctx.lid(service)]["Properties"].get("Cluster")
    return cluster if cluster is not None else "default"


def _artifact_bucket(ctx: CfnContext, node: ServiceNode) -> str:
    return ctx.add(
        ctx.lid(node, "ArtifactBucket"),
        "AWS::S3::Bucket",
        private_bucket_properties(),
    )


DEPLOYABLE = {"codedeploy_app", "ecs_service"}


def _pipeline_after_the_rest(ctx: CfnContext, node: ServiceNode) -> None:
    """A pipeline reads what the services it deploys to were rendered as (an ECS service's cluster)."""
    ctx.finishers.append(lambda: _pipeline(ctx, node))


def _pipeline(ctx: CfnContext, node: ServiceNode) -> None:
    targets = {t.type for t, _ in targets_of(ctx, node, ConnectionKind.INVOKE, ConnectionKind.DEPLOY)}
    if not prop(node, "manual_approval", True) and not targets & (DEPLOYABLE | {"codebuild_project"}):
        by_hand(
            ctx,
            node,
            "connect a build project or a deployment target: a pipeline needs a second stage; not written",
        )
        return
    role = service_role(ctx, node, "codepipeline.amazonaws.com")
    bucket = _artifact_bucket(ctx, node)
    ctx.allow(node, ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"], sub(f"${{{bucket}.Arn}}/*"))
    ctx.allow(node, ["s3:GetBucketVersioning", "s3:ListBucket"], get_att(bucket, "Arn"))
    stages: list[dict[str, Any]] = [{"Name": "Source", "Actions": [_source(ctx, node, bucket)]}]
    builds = _builds(ctx, node)
    if builds:
        stages.append({"Name": "Build", "Actions": builds})
    if prop(node, "manual_approval", True):
        approve = _action("Approve", "Approval", "Manual", {"CustomData": f"Release {node.label}?"})
        stages.append({"Name": "Approve", "Actions": [approve]})
    deploys = _deploys(ctx, node, f"{BUILD_OUTPUT}1" if builds else SOURCE_OUTPUT)
    if deploys:
        stages.append({"Name": "Deploy", "Actions": deploys})
    pipeline = ctx.add(
        ctx.lid(node),
        "AWS::CodePipeline::Pipeline",
        {
            "Name": stack_named(ctx, node),
            "RoleArn": get_att(role, "Arn"),
            "PipelineType": "V2",
            "ArtifactStore": {"Type": "S3", "Location": ref(bucket)},
            "Stages": stages,
            "Tags": ctx.tags(node),
        },
    )
    waits_for_policy(ctx, pipeline, role)


# The resource types this module renders; renderers.py merges every module's table.
RENDERERS: dict[str, Renderer] = {
    "codecommit_repository": _repository,
    "codedeploy_app": _codedeploy,
    "codepipeline": _pipeline_after_the_rest,
    "cloudformation_stack": _nested_stack,
}
