"""Terraform for integration and identity: EventBridge buses, rules and their targets, Step Functions, HTTP APIs,
REST API paths, SSM parameters, Cognito user pools, SNS subscriptions and the queue and topic policies that let
S3, SNS and EventBridge deliver."""

from __future__ import annotations

import json
import re
from typing import Any

from archbuilder.exporters.terraform.convert import Converter_
from archbuilder.exporters.terraform.hcl_writer import Block, Call, Expr
from archbuilder.exporters.terraform.kit import (
    BodyWriter,
    CompanionWriter,
    Props,
    arg,
    present,
    split_resource,
)
from archbuilder.model.naming import snake


def _prefixed(conv: Converter_, logical: str) -> Expr:
    return Expr(f'"${{var.name}}-{conv.names[logical][1].replace("_", "-")[:40]}"')


def _bus(conv: Converter_, logical: str, p: Props) -> Props:
    return {"name": conv.expr(p["Name"])}


def _rule(conv: Converter_, logical: str, p: Props) -> Props:
    pattern = p.get("EventPattern")
    return present(
        {
            "name": _prefixed(conv, logical),
            "description": p.get("Description"),
            "event_bus_name": arg(conv, p, "EventBusName"),
            "event_pattern": conv.json_expr(pattern) if pattern is not None else None,
            "schedule_expression": p.get("ScheduleExpression"),
            "state": p.get("State"),
        }
    )


def _targets(conv: Converter_, logical: str, p: Props) -> list[Block]:
    """Terraform writes a rule's targets as resources of their own, one per target."""
    return [
        split_resource(
            conv,
            logical,
            "aws_cloudwatch_event_target",
            present(
                {
                    "rule": Expr(f"{conv.address(logical)}.name"),
                    "event_bus_name": arg(conv, p, "EventBusName"),
                    "target_id": target["Id"],
                    "arn": conv.expr(target["Arn"]),
                    "role_arn": arg(conv, target, "RoleArn"),
                    "batch_target": _batch_target(conv, target.get("BatchParameters")),
                }
            ),
            suffix=f"_{snake(target['Id'])}",
        )
        for target in p.get("Targets") or []
    ]


def _batch_target(conv: Converter_, parameters: Props | None) -> list[Block] | None:
    """The job a target on a Batch job queue submits: its definition and name."""
    if not parameters:
        return None
    body = {"job_definition": conv.expr(parameters["JobDefinition"]), "job_name": parameters["JobName"]}
    return [Block("batch_target", (), body)]


def _substitute(item: Any, values: dict[str, Any]) -> Any:
    """A state machine definition with its `${Name}` placeholders replaced by the values they stand for."""
    if isinstance(item, dict):
        return {key: _substitute(value, values) for key, value in item.items()}
    if isinstance(item, list):
        return [_substitute(value, values) for value in item]
    if isinstance(item, str):
        whole = re.fullmatch(r"\$\{(\w+)\}", item)
        if whole and whole.group(1) in values:
            return values[whole.group(1)]
    return item


def _state_machine(conv: Converter_, logical: str, p: Props) -> Props:
    values = {key: conv.expr(value) for key, value in (p.get("DefinitionSubstitutions") or {}).items()}
    definition = _substitute(json.loads(p["DefinitionString"]), values)
    return {
        "name": _prefixed(conv, logical),
        "type": p["StateMachineType"],
        "role_arn": conv.expr(p["RoleArn"]),
        "definition": Call("jsonencode", definition),
    }


def _parameter(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "name": conv.expr(p["Name"]),
        "type": p["Type"],
        "tier": p["Tier"],
        "value": conv.expr(p["Value"]),
    }


def _user_pool(conv: Converter_, logical: str, p: Props) -> Props:
    policy = p["Policies"]["PasswordPolicy"]
    body: Props = {
        "name": conv.expr(p["UserPoolName"]),
        "username_attributes": p["UsernameAttributes"],
        "auto_verified_attributes": p["AutoVerifiedAttributes"],
        "mfa_configuration": p["MfaConfiguration"],
        # CloudFormation retains the pool; Cognito refuses to delete it while protection is active.
        "deletion_protection": "ACTIVE",
        "password_policy": Block(
            "password_policy",
            (),
            {
                "minimum_length": policy["MinimumLength"],
                "require_lowercase": policy["RequireLowercase"],
                "require_uppercase": policy["RequireUppercase"],
                "require_numbers": policy["RequireNumbers"],
                "require_symbols": policy["RequireSymbols"],
            },
        ),
        "account_recovery_setting": Block(
            "account_recovery_setting",
            (),
            {
                "recovery_mechanism": [
                    Block("recovery_mechanism", (), {"name": m["Name"], "priority": m["Priority"]})
                    for m in p["AccountRecoverySetting"]["RecoveryMechanisms"]
                ]
            },
        ),
    }
    if "SOFTWARE_TOKEN_MFA" in (p.get("EnabledMfas") or []):
        body["software_token_mfa_configuration"] = Block(
            "software_token_mfa_configuration", (), {"enabled": True}
        )
    return body


def _user_pool_client(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "name": conv.names[logical][1].replace("_", "-"),
        "user_pool_id": conv.expr(p["UserPoolId"]),
        "generate_secret": p["GenerateSecret"],
        "explicit_auth_flows": p["ExplicitAuthFlows"],
        "prevent_user_existence_errors": p["PreventUserExistenceErrors"],
    }


def _http_api(conv: Converter_, logical: str, p: Props) -> Props:
    cors = p.get("CorsConfiguration")
    return present(
        {
            "name": p["Name"],
            "protocol_type": p["ProtocolType"],
            "cors_configuration": Block(
                "cors_configuration",
                (),
                {
                    "allow_origins": cors["AllowOrigins"],
                    "allow_methods": cors["AllowMethods"],
                    "allow_headers": cors["AllowHeaders"],
                },
            )
            if cors
            else None,
        }
    )


def _http_integration(conv: Converter_, logical: str, p: Props) -> Props:
    if "IntegrationSubtype" in p:
        # An AWS service's first-class integration: the service's request parameters, called with a role.
        return {
            "api_id": conv.expr(p["ApiId"]),
            "integration_type": p["IntegrationType"],
            "integration_subtype": p["IntegrationSubtype"],
            "credentials_arn": conv.expr(p["CredentialsArn"]),
            "request_parameters": conv.expr(p["RequestParameters"]),
            "payload_format_version": p["PayloadFormatVersion"],
        }
    return {
        "api_id": conv.expr(p["ApiId"]),
        "integration_type": p["IntegrationType"],
        # Lambda proxy integrations are called with POST; the provider wants the method unless the type is MOCK.
        "integration_method": p.get("IntegrationMethod", "POST"),
        "integration_uri": conv.expr(p["IntegrationUri"]),
        "payload_format_version": p["PayloadFormatVersion"],
    }


def _http_route(conv: Converter_, logical: str, p: Props) -> Props:
    return {"api_id": conv.expr(p["ApiId"]), "route_key": p["RouteKey"], "target": conv.expr(p["Target"])}


def _http_stage(conv: Converter_, logical: str, p: Props) -> Props:
    return present(
        {
            "api_id": conv.expr(p["ApiId"]),
            "name": p["StageName"],
            "auto_deploy": p["AutoDeploy"],
        }
    )


def _rest_path(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "rest_api_id": conv.expr(p["RestApiId"]),
        "parent_id": conv.expr(p["ParentId"]),
        "path_part": p["PathPart"],
    }


def _rest_authorizer(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "name": p["Name"],
        "rest_api_id": conv.expr(p["RestApiId"]),
        "type": p["Type"],
        "identity_source": p["IdentitySource"],
        "provider_arns": conv.expr(p["ProviderARNs"]),
    }


def _queue_policy(conv: Converter_, logical: str, p: Props) -> Props:
    [queue] = p["Queues"]  # the CloudFormation side writes one policy per queue
    return {"queue_url": conv.expr(queue), "policy": conv.json_expr(p["PolicyDocument"])}


def _topic_policy(conv: Converter_, logical: str, p: Props) -> Props:
    [topic] = p["Topics"]  # one policy per topic, as for queues
    return {"arn": conv.expr(topic), "policy": conv.json_expr(p["PolicyDocument"])}


def _subscription(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "topic_arn": conv.expr(p["TopicArn"]),
        "protocol": p["Protocol"],
        "endpoint": conv.expr(p["Endpoint"]),
    }


# The CloudFormation types whose Terraform resource this module writes (the body of its arguments).
BODY_WRITERS: dict[str, BodyWriter] = {
    "AWS::Events::EventBus": _bus,
    "AWS::Events::Rule": _rule,
    "AWS::StepFunctions::StateMachine": _state_machine,
    "AWS::SSM::Parameter": _parameter,
    "AWS::Cognito::UserPool": _user_pool,
    "AWS::Cognito::UserPoolClient": _user_pool_client,
    "AWS::ApiGatewayV2::Api": _http_api,
    "AWS::ApiGatewayV2::Integration": _http_integration,
    "AWS::ApiGatewayV2::Route": _http_route,
    "AWS::ApiGatewayV2::Stage": _http_stage,
    "AWS::ApiGateway::Resource": _rest_path,
    "AWS::ApiGateway::Authorizer": _rest_authorizer,
    "AWS::SQS::QueuePolicy": _queue_policy,
    "AWS::SNS::TopicPolicy": _topic_policy,
    "AWS::SNS::Subscription": _subscription,
}


# Resources the aws provider splits out of a CloudFormation resource of these types.
COMPANION_WRITERS: dict[str, list[CompanionWriter]] = {
    "AWS::Events::Rule": [_targets],
}
