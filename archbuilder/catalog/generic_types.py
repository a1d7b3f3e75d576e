"""What a generic node (a resource the catalog has no entry for) looks like and is called: its own service's icon
and name, from the namespace of its resource type (`AWS::Cognito::UserPoolDomain` is Cognito's, shown as
"Cognito user pool domain"; `Terraform::aws_iam_user` is IAM's, "IAM user"), not a grey cube. One lookup for the
canvas, the diagram exports and the CLI."""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from archbuilder.catalog.registry import Catalog

GENERIC = "generic"
# Namespaces whose icon in the diagrams package goes by another name.
ICON_ALIASES = {
    "logs": "cloudwatch",
    "events": "eventbridge",
    "scheduler": "eventbridge",
    "wafv2": "waf",
    "elasticloadbalancingv2": "elb",
    "elasticloadbalancing": "elb",
    "applicationautoscaling": "autoscaling",
    "certificatemanager": "certificatemanager",
    "acm": "certificatemanager",
    "sfn": "stepfunctions",
    "secretsmanager": "secretsmanager",
    "dx": "directconnect",
    "lb": "elb",
    "cloudwatch": "cloudwatch",
}
# How a namespace is written in a name, where its code is not how people say it.
NAMESPACE_NAMES = {
    "elasticloadbalancingv2": "Load balancer",
    "elasticloadbalancing": "Classic load balancer",
    "wafv2": "WAF",
    "logs": "CloudWatch Logs",
    "events": "EventBridge",
    "applicationautoscaling": "Application Auto Scaling",
    "autoscaling": "Auto Scaling",
    "cloudformation": "CloudFormation",
    "certificatemanager": "Certificate Manager",
    "apigateway": "API Gateway",
    "apigatewayv2": "API Gateway",
    "api": "API Gateway",
    "lb": "Load balancer",
}
# Namespaces written as an acronym in a name.
ACRONYMS = {
    "iam",
    "ec2",
    "ecs",
    "eks",
    "sns",
    "sqs",
    "kms",
    "ssm",
    "rds",
    "waf",
    "wafv2",
    "efs",
    "ebs",
    "acm",
    "ram",
}
_WORDS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")


def parts(resource_type: str) -> tuple[str, str]:
    """(service namespace, resource name): `AWS::Cognito::UserPoolDomain` -> ("Cognito", "UserPoolDomain"),
    `Terraform::aws_iam_user` -> ("iam", "user")."""
    if resource_type.startswith("Terraform::aws_"):
        service, _, rest = resource_type.removeprefix("Terraform::aws_").partition("_")
        return service, rest
    pieces = resource_type.split("::")
    return (pieces[1], pieces[2]) if len(pieces) == 3 else ("", resource_type)


@cache
def _diagram_classes() -> dict[str, str]:
    """Lower-case class name -> `aws.module.Class`, for every AWS class the diagrams package ships."""
    try:
        import diagrams.aws as package
    except ImportError:
        return {}
    found: dict[str, str] = {}
    for module in pkgutil.iter_modules(package.__path__):
        loaded = importlib.import_module(f"diagrams.aws.{module.name}")
        for name in dir(loaded):
            if name[:1].isupper():
                found.setdefault(name.lower(), f"aws.{module.name}.{name}")
    return found


def _catalog_class(catalog: Catalog, namespace: str, terraform: bool) -> str | None:
    """The icon of a catalog service of the same namespace (its CloudFormation or Terraform types say so)."""
    for service in catalog:
        if service.id == GENERIC:
            continue
        types = service.terraform_types if terraform else service.cfn_types
        prefix = f"aws_{namespace}_" if terraform else f"AWS::{namespace}::"
        if any(t.startswith(prefix) or t == f"aws_{namespace}" for t in types):
            return service.diagram_class
    return None


def diagram_class(catalog: Catalog, type_id: str, properties: Mapping[str, Any]) -> str:
    """The diagrams class a node is drawn with: its catalog service's, or, for a generic node, its namespace's."""
    service = catalog.get(type_id)
    if type_id != GENERIC:
        return service.diagram_class
    resource_type = str(properties.get("resource_type", ""))
    namespace, _name = parts(resource_type)
    terraform = resource_type.startswith("Terraform::")
    key = namespace.lower()
    found = _diagram_classes().get(ICON_ALIASES.get(key, key)) or _catalog_class(
        catalog, namespace, terraform
    )
    return found or service.diagram_class


def type_name(catalog: Catalog, type_id: str, properties: Mapping[str, Any]) -> str:
    """A node's kind in words: its catalog service's short name, or for a generic node its resource type's
    namespace and name ("Cognito user pool domain", "IAM user")."""
    service = catalog.get(type_id)
    resource_type = str(properties.get("resource_type", ""))
    if type_id != GENERIC or not resource_type:
        return service.short_name
    namespace, name = parts(resource_type)
    if resource_type.startswith("Custom::"):
        return f"Custom resource {resource_type.split('::', 1)[1]}"
    pieces = _WORDS.findall(name) if "_" not in name else name.split("_")
    words = [w if w.isupper() and len(w) > 1 else w.lower() for w in pieces if w]
    key = namespace.lower()
    owner = NAMESPACE_NAMES.get(key) or (
        namespace.upper() if key in ACRONYMS else namespace[:1].upper() + namespace[1:]
    )
    return " ".join([owner, *words]).strip() or service.short_name


def drawio_shape(catalog: Catalog, type_id: str, properties: Mapping[str, Any]) -> str:
    """The draw.io shape a node is drawn with: its catalog service's, or for a generic node the shape of the
    catalog service of its namespace (draw.io's AWS library is keyed like the catalog's)."""
    service = catalog.get(type_id)
    if type_id != GENERIC:
        return service.drawio_shape or "mxgraph.aws4.general"
    resource_type = str(properties.get("resource_type", ""))
    namespace, _name = parts(resource_type)
    terraform = resource_type.startswith("Terraform::")
    for other in catalog:
        types = other.terraform_types if terraform else other.cfn_types
        prefix = f"aws_{namespace}_" if terraform else f"AWS::{namespace}::"
        if other.id != GENERIC and other.drawio_shape and any(t.startswith(prefix) for t in types):
            return other.drawio_shape
    return "mxgraph.aws4.general"
