"""Network and compute settings of the design, written the same way to CloudFormation and to Terraform."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ConnectionKind as K
from archbuilder.exporters.cloudformation import build_template
from archbuilder.exporters.terraform import render
from archbuilder.model import Architecture
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
