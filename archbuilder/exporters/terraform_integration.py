"""Terraform for integration and identity: EventBridge buses, rules and their targets, Step Functions, HTTP APIs,
REST API paths, SSM parameters, Cognito user pools, SNS subscriptions and the queue and topic policies that let
S3, SNS and EventBridge deliver."""

from __future__ import annotations

import json
import re
from typing import Any

from archbuilder.exporters.hcl_writer import Block, Call, Expr
from archbuilder.exporters.naming import snake
from archbuilder.exporters.terraform_convert import Converter_
from archbuilder.exporters.terraform_resources import Props, _e, _keep, companions, split_resource, writes


def _prefixed(conv: Converter_, logical: str) -> Expr:
    return Expr(f'"${{var.name}}-{conv.names[logical][1].replace("_", "-")[:40]}"')


@writes("AWS::Events::EventBus")
def _bus(conv: Converter_, logical: str, p: Props) -> Props:
    return {"name": conv.expr(p["Name"])}


@writes("AWS::Events::Rule")
def _rule(conv: Converter_, logical: str, p: Props) -> Props:
    pattern = p.get("EventPattern")
    return _keep(
        {
            "name": _prefixed(conv, logical),
            "description": p.get("Description"),
            "event_bus_name": _e(conv, p, "EventBusName"),
            "event_pattern": conv.json_expr(pattern) if pattern is not None else None,
            "schedule_expression": p.get("ScheduleExpression"),
            "state": p.get("State"),
        }
    )


@companions("AWS::Events::Rule")
def _targets(conv: Converter_, logical: str, p: Props) -> list[Block]:
    """Terraform writes a rule's targets as resources of their own, one per target."""
    return [
        split_resource(
            conv,
            logical,
            "aws_cloudwatch_event_target",
            _keep(
                {
                    "rule": Expr(f"{conv.address(logical)}.name"),
                    "event_bus_name": _e(conv, p, "EventBusName"),
                    "target_id": target["Id"],
                    "arn": conv.expr(target["Arn"]),
                    "role_arn": _e(conv, target, "RoleArn"),
                }
            ),
            suffix=f"_{snake(target['Id'])}",
        )
        for target in p.get("Targets") or []
    ]


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


@writes("AWS::StepFunctions::StateMachine")
def _state_machine(conv: Converter_, logical: str, p: Props) -> Props:
    values = {key: conv.expr(value) for key, value in (p.get("DefinitionSubstitutions") or {}).items()}
    definition = _substitute(json.loads(p["DefinitionString"]), values)
    return {
        "name": _prefixed(conv, logical),
        "type": p["StateMachineType"],
        "role_arn": conv.expr(p["RoleArn"]),
        "definition": Call("jsonencode", definition),
    }


@writes("AWS::SSM::Parameter")
def _parameter(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "name": conv.expr(p["Name"]),
        "type": p["Type"],
        "tier": p["Tier"],
        "value": conv.expr(p["Value"]),
    }


@writes("AWS::Cognito::UserPool")
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


@writes("AWS::Cognito::UserPoolClient")
def _user_pool_client(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "name": conv.names[logical][1].replace("_", "-"),
        "user_pool_id": conv.expr(p["UserPoolId"]),
        "generate_secret": p["GenerateSecret"],
        "explicit_auth_flows": p["ExplicitAuthFlows"],
        "prevent_user_existence_errors": p["PreventUserExistenceErrors"],
    }


@writes("AWS::ApiGatewayV2::Api")
def _http_api(conv: Converter_, logical: str, p: Props) -> Props:
    cors = p.get("CorsConfiguration")
    return _keep(
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


@writes("AWS::ApiGatewayV2::Integration")
def _http_integration(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "api_id": conv.expr(p["ApiId"]),
        "integration_type": p["IntegrationType"],
        # Lambda proxy integrations are called with POST; the provider wants the method unless the type is MOCK.
        "integration_method": p.get("IntegrationMethod", "POST"),
        "integration_uri": conv.expr(p["IntegrationUri"]),
        "payload_format_version": p["PayloadFormatVersion"],
    }


@writes("AWS::ApiGatewayV2::Route")
def _http_route(conv: Converter_, logical: str, p: Props) -> Props:
    return {"api_id": conv.expr(p["ApiId"]), "route_key": p["RouteKey"], "target": conv.expr(p["Target"])}


@writes("AWS::ApiGatewayV2::Stage")
def _http_stage(conv: Converter_, logical: str, p: Props) -> Props:
    return _keep(
        {
            "api_id": conv.expr(p["ApiId"]),
            "name": p["StageName"],
            "auto_deploy": p["AutoDeploy"],
        }
    )


@writes("AWS::ApiGateway::Resource")
def _rest_path(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "rest_api_id": conv.expr(p["RestApiId"]),
        "parent_id": conv.expr(p["ParentId"]),
        "path_part": p["PathPart"],
    }


@writes("AWS::SQS::QueuePolicy")
def _queue_policy(conv: Converter_, logical: str, p: Props) -> Props:
    [queue] = p["Queues"]  # the CloudFormation side writes one policy per queue
    return {"queue_url": conv.expr(queue), "policy": conv.json_expr(p["PolicyDocument"])}


@writes("AWS::SNS::TopicPolicy")
def _topic_policy(conv: Converter_, logical: str, p: Props) -> Props:
    [topic] = p["Topics"]  # one policy per topic, as for queues
    return {"arn": conv.expr(topic), "policy": conv.json_expr(p["PolicyDocument"])}


@writes("AWS::SNS::Subscription")
def _subscription(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "topic_arn": conv.expr(p["TopicArn"]),
        "protocol": p["Protocol"],
        "endpoint": conv.expr(p["Endpoint"]),
    }
