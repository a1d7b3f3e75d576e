"""A REST API's Cognito authorizer comes back from both exports as the user pool attached to the API, and its
authorization as the design had it (NONE, which the export wrote as COGNITO_USER_POOLS for the attached pool, and
recorded so); exported again, nothing differs. A hand-written template's authorizer reads as the pool attached
and COGNITO_USER_POOLS, so an API whose callers sign in is not imported as open."""

from __future__ import annotations

from pathlib import Path

from archbuilder.exporters.cloudformation.source_template import cloudformation_template
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.terraform.files import render
from archbuilder.importers.cloudformation import import_template
from archbuilder.model import Architecture
from archbuilder.validation import validate
from tests.exporters.test_cognito_authorizer import signed_in_api
from tests.importers.round_trips import connections, imported, terraform_imported

FLOWS = {
    ("Storefront", "Customers", "attach"),
    ("Storefront", "Orders", "invoke"),
    ("Storefront", "Carts", "invoke"),
}


def authorization(arch: Architecture) -> str:
    [api] = [n for n in arch.services() if n.type == "api_gateway_rest"]
    return str(api.properties["authorization"])


def test_the_authorizer_comes_back_from_cloudformation_as_the_attached_pool(tmp_path: Path) -> None:
    template = build_template(signed_in_api())
    arch, report = imported(template, tmp_path)
    assert report.generic == [] and report.warnings == []
    assert ("StorefrontAuthorizer", "AWS::ApiGateway::Authorizer") in report.folded
    assert connections(arch) == connections(signed_in_api()) == FLOWS
    assert authorization(arch) == authorization(signed_in_api()) == "NONE"
    assert cloudformation_template(arch) == template
    # The design itself came back: rendered without the template it was imported from, it writes that template.
    arch.set_imported_source(None)
    assert build_template(arch) == template


def test_the_authorizer_comes_back_from_terraform_as_the_attached_pool(tmp_path: Path) -> None:
    files = render(signed_in_api())
    arch, report = terraform_imported(files, tmp_path)
    assert report.generic == [] and report.warnings == []
    assert connections(arch) == FLOWS
    assert authorization(arch) == "NONE"
    assert render(arch) == files


HAND_WRITTEN = """\
Resources:
  Users:
    Type: AWS::Cognito::UserPool
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: {Name: shop}
  Login:
    Type: AWS::ApiGateway::Authorizer
    Properties:
      Name: login
      RestApiId: !Ref Api
      Type: COGNITO_USER_POOLS
      IdentitySource: method.request.header.Authorization
      ProviderARNs: [!GetAtt Users.Arn]
  Proxy:
    Type: AWS::ApiGateway::Resource
    Properties: {RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: '{proxy+}'}
  ProxyAny:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref Proxy
      HttpMethod: ANY
      AuthorizationType: COGNITO_USER_POOLS
      AuthorizerId: !Ref Login
      Integration: {Type: MOCK}
"""


def test_a_hand_written_authorizer_attaches_its_pool_and_the_api_is_not_reported_open(tmp_path: Path) -> None:
    path = tmp_path / "shop.yaml"
    path.write_text(HAND_WRITTEN)
    arch, report = import_template(path)
    assert ("Login", "AWS::ApiGateway::Authorizer") in report.folded
    assert connections(arch) == {("Api", "Users", "attach")}
    assert authorization(arch) == "COGNITO_USER_POOLS"
    assert [f for f in validate(arch).findings if f.rule_id == "SEC-010"] == []
    assert cloudformation_template(arch) == arch.imported.template  # type: ignore[union-attr]
