"""The listeners of a load balancer and the ports its security group opens always agree."""

from __future__ import annotations

from typing import Any

import pytest

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.terraform.files import render
from archbuilder.model import Architecture
from tests.model.builders import two_az_network


def balancer(certificate: bool, **props: Any) -> Architecture:
    arch = two_az_network()
    arch.add_service("internet_gateway", "vpc", label="IGW", node_id="igw")
    arch.add_service(
        "alb", "public-a", label="Web", node_id="web", extra_subnet_ids=["public-b"], properties=props
    )
    arch.add_service("ec2_instance", "private-a", label="App", node_id="app")
    arch.connect("web", "app", ConnectionKind.TRAFFIC)
    if certificate:
        arch.add_service("acm_certificate", "region", label="Cert", node_id="cert")
        arch.connect("cert", "web", ConnectionKind.ATTACH)
    return arch


def listeners_and_open_ports(arch: Architecture) -> tuple[list[tuple[Any, ...]], list[int]]:
    resources = build_template(arch)["Resources"]
    listeners = sorted(
        (p["Port"], p["Protocol"], p["DefaultActions"][0]["Type"], "Certificates" in p)
        for body in resources.values()
        if body["Type"] == "AWS::ElasticLoadBalancingV2::Listener"
        for p in [body["Properties"]]
    )
    ingress = resources["WebSecurityGroup"]["Properties"]["SecurityGroupIngress"]
    return listeners, sorted(rule["FromPort"] for rule in ingress)


@pytest.mark.parametrize(
    ("certificate", "props", "listeners", "ports"),
    [
        # HTTPS asked without a certificate: HTTPS still, presenting the certificate the deploy gives (LIM-041
        # says so), behind the same redirect as with one.
        (False, {}, [(80, "HTTP", "redirect", False), (443, "HTTPS", "forward", True)], [80, 443]),
        (
            False,
            {"listener_protocol": "HTTP", "listener_port": 8080},
            [(8080, "HTTP", "forward", False)],
            [8080],
        ),
        (True, {}, [(80, "HTTP", "redirect", False), (443, "HTTPS", "forward", True)], [80, 443]),
        (True, {"redirect_http_to_https": False}, [(443, "HTTPS", "forward", True)], [443]),
        (
            True,
            {"listener_port": 8443},
            [(80, "HTTP", "redirect", False), (8443, "HTTPS", "forward", True)],
            [80, 8443],
        ),
        # HTTP chosen with a certificate drawn: the design's protocol wins, the certificate is not used.
        (True, {"listener_protocol": "HTTP", "listener_port": 80}, [(80, "HTTP", "forward", False)], [80]),
    ],
)
def test_alb_listeners_and_security_group_ports(
    certificate: bool, props: dict[str, Any], listeners: list[tuple[Any, ...]], ports: list[int]
) -> None:
    assert listeners_and_open_ports(balancer(certificate, internet_facing=True, **props)) == (
        listeners,
        ports,
    )


def test_the_redirect_points_at_the_https_port() -> None:
    resources = build_template(balancer(True, internet_facing=True, listener_port=8443))["Resources"]
    assert resources["WebHttpRedirect"]["Properties"]["DefaultActions"] == [
        {
            "Type": "redirect",
            "RedirectConfig": {"Protocol": "HTTPS", "Port": "8443", "StatusCode": "HTTP_301"},
        }
    ]


def network_balancer(certificate: bool, **props: Any) -> Architecture:
    arch = two_az_network()
    arch.add_service("internet_gateway", "vpc", label="IGW", node_id="igw")
    arch.add_service(
        "nlb", "public-a", label="Edge", node_id="edge", extra_subnet_ids=["public-b"], properties=props
    )
    arch.add_service("ec2_instance", "private-a", label="App", node_id="app")
    arch.connect("edge", "app", ConnectionKind.TRAFFIC)
    if certificate:
        arch.add_service("acm_certificate", "region", label="Cert", node_id="cert")
        arch.connect("cert", "edge", ConnectionKind.ATTACH)
    return arch


def test_a_tcp_listener_carries_the_nlb_idle_timeout_in_both_exports() -> None:
    arch = network_balancer(False, idle_timeout_seconds=1200)
    listener = build_template(arch)["Resources"]["EdgeListener"]["Properties"]
    assert (listener["Protocol"], listener["ListenerAttributes"]) == (
        "TCP",
        [{"Key": "tcp.idle_timeout.seconds", "Value": "1200"}],
    )
    assert (
        'resource "aws_lb_listener" "edge_listener" {\n'
        "  load_balancer_arn        = aws_lb.edge.arn\n"
        "  port                     = 443\n"
        '  protocol                 = "TCP"\n'
        "  tcp_idle_timeout_seconds = 1200\n"
    ) in render(arch)["main.tf"]


@pytest.mark.parametrize(
    ("certificate", "props"),
    [
        (False, {}),  # the default 350 s is not written
        (False, {"idle_timeout_seconds": 350}),
        # A TLS listener's idle timeout is fixed at 350 s: the attribute would be refused.
        (True, {"listener_protocol": "TLS", "idle_timeout_seconds": 1200}),
        (False, {"listener_protocol": "UDP", "idle_timeout_seconds": 1200}),
    ],
)
def test_no_idle_timeout_is_written_where_it_is_the_default_or_not_allowed(
    certificate: bool, props: dict[str, Any]
) -> None:
    arch = network_balancer(certificate, **props)
    assert "ListenerAttributes" not in build_template(arch)["Resources"]["EdgeListener"]["Properties"]
    assert "tcp_idle_timeout_seconds" not in render(arch)["main.tf"]
