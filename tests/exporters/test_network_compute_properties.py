"""Network and compute settings of the design, written the same way to CloudFormation and to Terraform."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ConnectionKind as K
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.terraform.files import render
from archbuilder.model import Architecture
from tests.exporters.design_tags import design_tags
from tests.exporters.tf_correspondence import check
from tests.model.builders import two_az_network


def network() -> Architecture:
    arch = two_az_network()
    arch.add_service("internet_gateway", "vpc", label="IGW", node_id="igw")
    return arch


def classic(**props: Any) -> Architecture:
    arch = network()
    arch.add_service(
        "clb", "public-a", label="Classic", node_id="classic", extra_subnet_ids=["public-b"], properties=props
    )
    arch.add_service("ec2_instance", "private-a", label="App", node_id="app")
    arch.connect("classic", "app", K.TRAFFIC)
    return arch


def test_proxy_protocol_is_a_policy_on_the_instance_port_in_both_exports() -> None:
    arch = classic(listener_protocol="TCP", proxy_protocol=True)
    balancer = build_template(arch)["Resources"]["Classic"]["Properties"]
    assert balancer["Listeners"][0]["InstancePort"] == "80"
    assert balancer["Policies"] == [
        {
            "PolicyName": "EnableProxyProtocol",
            "PolicyType": "ProxyProtocolPolicyType",
            "Attributes": [{"Name": "ProxyProtocol", "Value": "true"}],
            "InstancePorts": ["80"],
        }
    ]
    assert (
        'resource "aws_proxy_protocol_policy" "classic" {\n'
        "  load_balancer  = aws_elb.classic.name\n"
        '  instance_ports = ["80"]\n'
        "}\n"
    ) in render(arch)["main.tf"]
    check(arch)


def test_proxy_protocol_is_not_written_for_an_http_back_end_or_when_off() -> None:
    # Behind HTTP and HTTPS listeners the client's address reaches the instances in X-Forwarded-For.
    for arch in (classic(listener_protocol="HTTP", proxy_protocol=True), classic(listener_protocol="TCP")):
        assert "Policies" not in build_template(arch)["Resources"]["Classic"]["Properties"]
        assert "aws_proxy_protocol_policy" not in render(arch)["main.tf"]


def rest_api(**props: Any) -> Architecture:
    arch = network()
    arch.add_service("api_gateway_rest", "region", label="Orders", node_id="orders", properties=props)
    arch.add_service("lambda_function", "region", label="Handler", node_id="handler")
    arch.connect("orders", "handler", K.INVOKE)
    return arch


def test_the_stage_throttles_every_method_at_the_design_rate_in_both_exports() -> None:
    arch = rest_api(throttling_rate_limit=50)
    deployment = build_template(arch)["Resources"]["OrdersDeployment"]["Properties"]
    assert deployment["StageDescription"] == {
        "MethodSettings": [{"ResourcePath": "/*", "HttpMethod": "*", "ThrottlingRateLimit": 50}]
    }
    assert (
        'resource "aws_api_gateway_method_settings" "orders" {\n'
        "  rest_api_id = aws_api_gateway_rest_api.orders.id\n"
        "  stage_name  = aws_api_gateway_stage.orders.stage_name\n"
        '  method_path = "*/*"\n'
        "\n"
        "  settings {\n"
        "    throttling_rate_limit = 50\n"
        "  }\n"
        "}\n"
    ) in render(arch)["main.tf"]
    check(arch)


def test_the_catalog_default_rate_is_written_too() -> None:
    """Unwritten, the stage would allow the account's 10,000 requests/s, not the design's 1,000."""
    arch = rest_api()
    deployment = build_template(arch)["Resources"]["OrdersDeployment"]["Properties"]
    assert deployment["StageDescription"]["MethodSettings"][0]["ThrottlingRateLimit"] == 1000
    assert "    throttling_rate_limit = 1000\n" in render(arch)["main.tf"]


def nat_gateways() -> Architecture:
    arch = network()
    arch.add_service("nat_gateway", "public-a", label="Egress", node_id="egress")
    arch.add_service(
        "nat_gateway", "public-b", label="Transit", node_id="transit", properties={"connectivity": "private"}
    )
    return arch


def test_a_private_nat_gateway_has_no_elastic_ip_and_carries_no_default_route() -> None:
    arch = nat_gateways()
    resources = build_template(arch)["Resources"]
    assert resources["Transit"]["Properties"] == {
        "ConnectivityType": "private",
        "SubnetId": {"Ref": "PublicB"},
        "Tags": [{"Key": "Name", "Value": "Transit"}, *design_tags()],
    }
    assert "TransitEip" not in resources and "EgressEip" in resources
    # Both AZs' private route tables reach the internet through the public gateway, never the private one.
    default_routes = {
        logical: body["Properties"].get("NatGatewayId")
        for logical, body in resources.items()
        if body["Type"] == "AWS::EC2::Route" and "NatGatewayId" in body["Properties"]
    }
    assert default_routes == {
        "MainPrivateRouteTableADefaultRoute": {"Ref": "Egress"},
        "MainPrivateRouteTableBDefaultRoute": {"Ref": "Egress"},
    }
    main = render(arch)["main.tf"]
    assert (
        'resource "aws_nat_gateway" "transit" {\n'
        '  connectivity_type = "private"\n'
        "  subnet_id         = aws_subnet.public_b.id\n"
        "  tags = {\n"
        '    Name = "Transit"\n'
        "  }\n"
        "}\n"
    ) in main
    assert "aws_nat_gateway.transit.id" not in main
    check(arch)


def test_a_vpc_with_only_a_private_nat_gateway_has_no_default_route_for_private_subnets() -> None:
    arch = network()
    arch.add_service(
        "nat_gateway", "public-a", label="Transit", node_id="transit", properties={"connectivity": "private"}
    )
    resources = build_template(arch)["Resources"]
    assert not [body for body in resources.values() if "NatGatewayId" in body.get("Properties", {})]
    assert [body["Type"] for body in resources.values()].count("AWS::EC2::EIP") == 0


def instance(**props: Any) -> Architecture:
    arch = network()
    arch.add_service("ec2_instance", "private-a", label="App", node_id="app", properties=props)
    return arch


def test_imdsv2_is_required_through_a_launch_template_in_both_exports() -> None:
    arch = instance(require_imdsv2=True)
    resources = build_template(arch)["Resources"]
    assert resources["AppLaunchTemplate"] == {
        "Type": "AWS::EC2::LaunchTemplate",
        "Properties": {"LaunchTemplateData": {"MetadataOptions": {"HttpTokens": "required"}}},
    }
    assert resources["App"]["Properties"]["LaunchTemplate"] == {
        "LaunchTemplateId": {"Ref": "AppLaunchTemplate"},
        "Version": {"Fn::GetAtt": ["AppLaunchTemplate", "LatestVersionNumber"]},
    }
    main = render(arch)["main.tf"]
    assert (
        'resource "aws_launch_template" "app_launch_template" {\n'
        "  metadata_options {\n"
        '    http_tokens = "required"\n'
        "  }\n"
        "}\n"
    ) in main
    assert (
        "  launch_template {\n"
        "    id      = aws_launch_template.app_launch_template.id\n"
        "    version = aws_launch_template.app_launch_template.latest_version\n"
        "  }\n"
        "\n"
        "  metadata_options {\n"
        '    http_tokens = "required"\n'
        "  }\n"
    ) in main
    check(arch)


def test_without_imdsv2_the_instance_keeps_the_ami_default_in_both_exports() -> None:
    arch = instance(require_imdsv2=False)
    resources = build_template(arch)["Resources"]
    assert "AppLaunchTemplate" not in resources
    assert "LaunchTemplate" not in resources["App"]["Properties"]
    main = render(arch)["main.tf"]
    assert "aws_launch_template" not in main and "metadata_options" not in main
    check(arch)
