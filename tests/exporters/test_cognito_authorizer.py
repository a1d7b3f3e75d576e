"""A REST API attached to a Cognito user pool signs its callers in through it: a COGNITO_USER_POOLS authorizer
naming the pool, required by every method, in both formats (cfn-lint, moto, and terraform validate in
tests/exporters/test_terraform_validate.py judge them); an authorization the pool contradicts is refused."""

from __future__ import annotations

import json

import boto3
import pytest
from moto import mock_aws

from archbuilder.catalog import ConnectionKind as K
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.registry import ExportError
from archbuilder.model import Architecture, RegionNode
from tests.exporters.cfn_tools import lint
from tests.exporters.moto_topology import deploy
from tests.exporters.tf_correspondence import check

COGNITO = "COGNITO_USER_POOLS"


def signed_in_api() -> Architecture:
    """A REST API in front of two functions, its callers signed in by a user pool attached to it."""
    arch = Architecture()
    arch.add_node(RegionNode(id="region", label="US East", region="us-east-1"))
    arch.add_service("api_gateway_rest", "region", label="Storefront", node_id="api")
    arch.add_service("lambda_function", "region", label="Orders", node_id="orders")
    arch.add_service("lambda_function", "region", label="Carts", node_id="carts")
    arch.add_service("cognito_user_pool", "region", label="Customers", node_id="customers")
    arch.connect("api", "orders", K.INVOKE)
    arch.connect("api", "carts", K.INVOKE)
    arch.connect("api", "customers", K.ATTACH)
    return arch


def test_every_method_requires_the_user_pool_authorizer() -> None:
    template = build_template(signed_in_api())
    resources = template["Resources"]
    assert resources["StorefrontAuthorizer"] == {
        "Type": "AWS::ApiGateway::Authorizer",
        "Properties": {
            "Name": "StorefrontAuthorizer",
            "RestApiId": {"Ref": "Storefront"},
            "Type": COGNITO,
            "IdentitySource": "method.request.header.Authorization",
            "ProviderARNs": [{"Fn::GetAtt": ["Customers", "Arn"]}],
        },
    }
    methods = {
        name: (body["Properties"]["AuthorizationType"], body["Properties"].get("AuthorizerId"))
        for name, body in resources.items()
        if body["Type"] == "AWS::ApiGateway::Method"
    }
    assert methods == {
        "StorefrontCartsMethod": (COGNITO, {"Ref": "StorefrontAuthorizer"}),
        "StorefrontOrdersMethod": (COGNITO, {"Ref": "StorefrontAuthorizer"}),
    }
    assert lint(json.dumps(template), "signed-in-api.json") == []


def test_without_a_pool_the_methods_keep_the_authorization_set_and_no_authorizer_is_written() -> None:
    arch = signed_in_api()
    [attachment] = [c for c in arch.connections.values() if c.target_id == "customers"]
    arch.disconnect(attachment.id)
    arch.set_property("api", "authorization", "AWS_IAM")
    resources = build_template(arch)["Resources"]
    assert [body["Type"] for body in resources.values()].count("AWS::ApiGateway::Authorizer") == 0
    assert {
        body["Properties"]["AuthorizationType"]
        for body in resources.values()
        if body["Type"] == "AWS::ApiGateway::Method"
    } == {"AWS_IAM"}


@pytest.mark.parametrize("kind", ["AWS_IAM", "CUSTOM"])
def test_an_authorization_the_attached_pool_contradicts_is_refused_by_name(kind: str) -> None:
    arch = signed_in_api()
    arch.set_property("api", "authorization", kind)
    with pytest.raises(
        ExportError, match=rf"^Storefront: its authorization is {kind}, but a Cognito user pool is attached"
    ):
        build_template(arch)


def test_the_signed_in_api_deploys_in_moto_with_its_methods_requiring_the_pool() -> None:
    """moto's CloudFormation creates the API and its methods but has no authorizer model (a stand-in,
    moto_stand_ins.py) and keeps no method's AuthorizerId: the authorizer itself is judged by cfn-lint."""
    with mock_aws():
        physical = deploy(signed_in_api(), "signed-in-api")
        client = boto3.client("apigateway", region_name="us-east-1")
        api = physical["Storefront"]
        kinds = {
            (
                resource["path"],
                client.get_method(restApiId=api, resourceId=resource["id"], httpMethod="ANY")[
                    "authorizationType"
                ],
            )
            for resource in client.get_resources(restApiId=api)["items"]
        }
    assert kinds == {("/", COGNITO), ("/orders", COGNITO)}


def test_the_authorizer_is_written_to_terraform_and_every_method_names_it() -> None:
    found = check(signed_in_api())  # resource by resource as in CloudFormation, every reference defined
    assert found[("aws_api_gateway_authorizer", "storefront_authorizer")] == {
        "name": "StorefrontAuthorizer",
        "rest_api_id": "${aws_api_gateway_rest_api.storefront.id}",
        "type": COGNITO,
        "identity_source": "method.request.header.Authorization",
        "provider_arns": ["${aws_cognito_user_pool.customers.arn}"],
    }
    methods = {
        name: (body["authorization"], body["authorizer_id"])
        for (kind, name), body in found.items()
        if kind == "aws_api_gateway_method"
    }
    authorizer = "${aws_api_gateway_authorizer.storefront_authorizer.id}"
    assert methods == {
        "storefront_carts_method": (COGNITO, authorizer),
        "storefront_orders_method": (COGNITO, authorizer),
    }
