"""CloudFormation for integration and identity: EventBridge buses, Step Functions state machines, HTTP APIs,
SSM parameters and Cognito user pools."""

from __future__ import annotations

import json
from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.api_integrations import (
    PathSegments,
    calls_not_written,
    http_service_route,
    integrated_targets,
)
from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref, sub
from archbuilder.exporters.cloudformation.kit import (
    Renderer,
    api_invoke_permission,
    prop,
    service_role,
    targets_of,
)
from archbuilder.exporters.registry import ExportError
from archbuilder.model import ServiceNode
from archbuilder.model.naming import snake

# Retried as the guide advises for Lambda tasks (SA-SFN-02): transient service errors, not the function's own.
LAMBDA_RETRY = {
    "ErrorEquals": ["Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException"],
    "IntervalSeconds": 2,
    "MaxAttempts": 3,
    "BackoffRate": 2,
}


def _stack_scoped(node: ServiceNode) -> dict[str, str]:
    """A name unique per stack: `${AWS::StackName}-orders-bus`."""
    return sub(f"${{AWS::StackName}}-{snake(node.label).replace('_', '-')[:60]}")


def _bus(ctx: CfnContext, node: ServiceNode) -> None:
    ctx.add(ctx.lid(node), "AWS::Events::EventBus", {"Name": _stack_scoped(node)})


def _state_machine(ctx: CfnContext, node: ServiceNode) -> None:
    """The functions and Glue jobs the machine invokes become Task states, run one after the other."""
    role = service_role(ctx, node, "states.amazonaws.com")
    tasks = [t for t, _ in targets_of(ctx, node, ConnectionKind.INVOKE) if t.type in TASK_TYPES]
    tasks.sort(key=lambda f: f.id)
    states: dict[str, Any] = {}
    substitutions: dict[str, Any] = {}
    for index, task in enumerate(tasks):
        name = ctx.lid(task)
        state = _task_state(name) if task.type == "lambda_function" else _glue_state(name)
        if index + 1 < len(tasks):
            state["Next"] = ctx.lid(tasks[index + 1])
        else:
            state["End"] = True
        states[name] = state
        # The role's lambda:InvokeFunction and glue:StartJobRun statements come from the same connections
        # (template.py).
        substitutions[f"{name}Arn" if task.type == "lambda_function" else f"{name}Name"] = (
            get_att(name, "Arn") if task.type == "lambda_function" else ref(name)
        )
    if not states:
        states = {"Done": {"Type": "Pass", "End": True}}
    definition = {"Comment": node.label, "StartAt": next(iter(states)), "States": states}
    props: dict[str, Any] = {
        "StateMachineType": str(prop(node, "workflow_type", "STANDARD")),
        "RoleArn": get_att(role, "Arn"),
        "DefinitionString": json.dumps(definition, sort_keys=True),
    }
    if substitutions:
        props["DefinitionSubstitutions"] = substitutions
    ctx.add(ctx.lid(node), "AWS::StepFunctions::StateMachine", props)
    ctx.output(f"{ctx.lid(node)}Arn", ref(ctx.lid(node)), f"State machine {node.label}")


TASK_TYPES = {"lambda_function", "glue_job"}


def _task_state(name: str) -> dict[str, Any]:
    return {
        "Type": "Task",
        "Resource": "arn:aws:states:::lambda:invoke",
        "Parameters": {"FunctionName": f"${{{name}Arn}}", "Payload.$": "$"},
        "OutputPath": "$.Payload",
        "Retry": [LAMBDA_RETRY],
    }


def _glue_state(name: str) -> dict[str, Any]:
    """A job run the machine waits for (.sync: the role may read and stop the job's runs)."""
    return {
        "Type": "Task",
        "Resource": "arn:aws:states:::glue:startJobRun.sync",
        "Parameters": {"JobName": f"${{{name}Name}}"},
    }


def _parameter(ctx: CfnContext, node: ServiceNode) -> None:
    kind = str(prop(node, "parameter_type", "String"))
    if kind == "SecureString":
        raise ExportError(
            f"{node.label}: CloudFormation cannot create SecureString parameters; "
            "use a Secrets Manager secret for secret values"
        )
    value = ctx.parameter(
        f"{ctx.lid(node)}Value", "String", "change-me", f"Value of the parameter {node.label}"
    )
    ctx.add(
        ctx.lid(node),
        "AWS::SSM::Parameter",
        {
            "Name": parameter_name(node),
            "Type": kind,
            "Tier": str(prop(node, "tier", "Standard")),
            "Value": value,
        },
    )


def parameter_name(node: ServiceNode) -> dict[str, str]:
    return sub(f"/${{AWS::StackName}}/{snake(node.label).replace('_', '-')}")


def parameter_arn(node: ServiceNode) -> dict[str, str]:
    path = snake(node.label).replace("_", "-")
    return sub(
        f"arn:${{AWS::Partition}}:ssm:${{AWS::Region}}:${{AWS::AccountId}}:parameter/${{AWS::StackName}}/{path}"
    )


def _user_pool(ctx: CfnContext, node: ServiceNode) -> None:
    mfa = str(prop(node, "mfa", "OPTIONAL"))
    props: dict[str, Any] = {
        "UserPoolName": _stack_scoped(node),
        "UsernameAttributes": ["email"],
        "AutoVerifiedAttributes": ["email"],
        "MfaConfiguration": mfa,
        "Policies": {
            "PasswordPolicy": {
                "MinimumLength": 12,
                "RequireLowercase": True,
                "RequireUppercase": True,
                "RequireNumbers": True,
                "RequireSymbols": True,
            }
        },
        "AccountRecoverySetting": {"RecoveryMechanisms": [{"Name": "verified_email", "Priority": 1}]},
    }
    if mfa != "OFF":
        # Authenticator apps need no SMS role, so MFA works without extra setup.
        props["EnabledMfas"] = ["SOFTWARE_TOKEN_MFA"]
    pool = ctx.add(
        ctx.lid(node), "AWS::Cognito::UserPool", props, DeletionPolicy="Retain", UpdateReplacePolicy="Retain"
    )
    ctx.add(
        ctx.lid(node, "Client"),
        "AWS::Cognito::UserPoolClient",
        {
            "UserPoolId": ref(pool),
            "GenerateSecret": False,
            "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
            "PreventUserExistenceErrors": "ENABLED",
        },
    )
    ctx.output(f"{pool}Id", ref(pool), f"User pool {node.label}")


HTTP_INTEGRATIONS = (
    "integrations with Lambda functions, Kinesis streams, SQS queues and Step Functions state machines"
)


def _http_api(ctx: CfnContext, node: ServiceNode) -> None:
    api = ctx.lid(node)
    props: dict[str, Any] = {"Name": node.label, "ProtocolType": "HTTP"}
    if prop(node, "cors_enabled", False):
        props["CorsConfiguration"] = {"AllowOrigins": ["*"], "AllowMethods": ["*"], "AllowHeaders": ["*"]}
    ctx.add(api, "AWS::ApiGatewayV2::Api", props)
    routes = []
    functions = [t for t, _ in targets_of(ctx, node, ConnectionKind.INVOKE) if t.type == "lambda_function"]
    paths = PathSegments()
    for index, function in enumerate(sorted(functions, key=lambda f: f.id)):
        fn = ctx.lid(function)
        integration = ctx.add(
            ctx.lid(node, f"{fn}Integration"),
            "AWS::ApiGatewayV2::Integration",
            {
                "ApiId": ref(api),
                "IntegrationType": "AWS_PROXY",
                "IntegrationUri": get_att(fn, "Arn"),
                "PayloadFormatVersion": "2.0",
            },
        )
        # The first function takes every request; the others get a path named after them.
        key = "$default" if index == 0 else f"ANY /{paths.of(function.label)}/{{proxy+}}"
        routes.append(
            ctx.add(
                ctx.lid(node, f"{fn}Route"),
                "AWS::ApiGatewayV2::Route",
                {"ApiId": ref(api), "RouteKey": key, "Target": sub(f"integrations/${{{integration}}}")},
            )
        )
        api_invoke_permission(ctx, node, fn, api)
    services = integrated_targets(ctx, node)
    routes += [
        http_service_route(ctx, node, api, target, action, paths.of(target.label))
        for target, action in services
    ]
    ctx.add(
        ctx.lid(node, "Stage"),
        "AWS::ApiGatewayV2::Stage",
        {"ApiId": ref(api), "StageName": str(prop(node, "stage_name", "$default")), "AutoDeploy": True},
        DependsOn=routes or None,
    )
    ctx.output(f"{api}Endpoint", get_att(api, "ApiEndpoint"), f"Endpoint of {node.label}")
    calls_not_written(ctx, node, HTTP_INTEGRATIONS)


# The resource types this module renders; template.py merges every module's table.
RENDERERS: dict[str, Renderer] = {
    "eventbridge_bus": _bus,
    "step_functions": _state_machine,
    "ssm_parameter": _parameter,
    "cognito_user_pool": _user_pool,
    "api_gateway_http": _http_api,
}
