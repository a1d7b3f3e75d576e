"""A secure listener (HTTPS on an ALB, TLS on an NLB, HTTPS or SSL on a Classic Load Balancer) drawn without a
certificate is written as drawn: it presents the certificate whose ARN the deploy gives (a parameter with no
default, a Terraform variable likewise), named in the export's warnings, instead of a plain listener standing in for
the design's choice. No certificate is requested by the stack (a DNS validation the design says nothing of would
hold the deploy). cfn-lint, moto (the listener as Elastic Load Balancing holds it) and terraform validate
(test_terraform_validate) judge the result."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest
from moto import mock_aws

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.registry import export_notes
from archbuilder.exporters.terraform.files import render
from archbuilder.model import Architecture
from tests.exporters.cfn_tools import lint
from tests.exporters.moto_topology import deploy
from tests.model.builders import two_az_network

STEP = (
    "not declared, to do by hand: {label} ({short}): give the ARN of an issued certificate for its domain as the "
    "{parameter} parameter at deploy: no certificate is attached to it in the design, which its {protocol} listener "
    "presents"
)


def uncertified(**protocols: str) -> Architecture:
    """An ALB, an NLB and a Classic Load Balancer in front of an instance, none with a certificate attached; each
    listens on the protocol given for its type (their catalog defaults otherwise: HTTPS, TCP, HTTPS). Their ids
    sort as their labels do, as an import names them, so the steps they leave come back in the same order."""
    arch = two_az_network()
    arch.add_service("internet_gateway", "vpc", label="IGW", node_id="igw")
    arch.add_service("ec2_instance", "private-a", label="App", node_id="app")
    for kind, label in (("alb", "Web"), ("nlb", "Edge"), ("clb", "Legacy")):
        props: dict[str, Any] = {"internet_facing": True}
        if kind in protocols:
            props["listener_protocol"] = protocols[kind]
        arch.add_service(
            kind,
            "public-a",
            label=label,
            node_id=label.lower(),
            extra_subnet_ids=["public-b"],
            properties=props,
        )
        arch.connect(label.lower(), "app", ConnectionKind.TRAFFIC, port=80)
    return arch


def _parameter(listener: str, label: str) -> dict[str, str]:
    return {
        "Type": "String",
        "Description": f"ARN of the issued certificate (ACM, or IAM for a Classic Load Balancer) the {listener} "
        f"listener of {label} presents",
    }


def test_each_secure_listener_presents_the_certificate_the_deploy_gives() -> None:
    template = build_template(uncertified(nlb="TLS", clb="SSL"))
    resources = template["Resources"]
    web, edge = resources["WebListener"]["Properties"], resources["EdgeListener"]["Properties"]
    assert (web["Port"], web["Protocol"], web["Certificates"]) == (
        443,
        "HTTPS",
        [{"CertificateArn": {"Ref": "WebCertificateArn"}}],
    )
    assert web["SslPolicy"] == edge["SslPolicy"] == "ELBSecurityPolicy-TLS13-1-2-2021-06"
    assert (edge["Port"], edge["Protocol"], edge["Certificates"]) == (
        443,
        "TLS",
        [{"CertificateArn": {"Ref": "EdgeCertificateArn"}}],
    )
    assert resources["WebHttpRedirect"]["Properties"]["Port"] == 80
    [legacy] = resources["Legacy"]["Properties"]["Listeners"]
    assert legacy == {
        "InstancePort": "80",
        "InstanceProtocol": "TCP",
        "LoadBalancerPort": "443",
        "Protocol": "SSL",
        "SSLCertificateId": {"Ref": "LegacyCertificateArn"},
    }
    parameters = template["Parameters"]
    assert {name: parameters[name] for name in parameters if name.endswith("CertificateArn")} == {
        "EdgeCertificateArn": _parameter("TLS", "Edge"),
        "LegacyCertificateArn": _parameter("SSL", "Legacy"),
        "WebCertificateArn": _parameter("HTTPS", "Web"),
    }
    assert not any(body["Type"] == "AWS::CertificateManager::Certificate" for body in resources.values())
    assert lint(json.dumps(template), "uncertified.json") == []


def test_the_parameter_is_named_in_the_warnings_and_nothing_is_written_instead() -> None:
    notes = export_notes("cloudformation", uncertified(nlb="TLS"))
    assert [note for note in notes if "certificate" in note] == [
        STEP.format(label=label, short=short, parameter=f"{label}CertificateArn", protocol=protocol)
        for label, short, protocol in (
            ("Edge", "NLB", "TLS"),
            ("Legacy", "CLB", "HTTPS"),
            ("Web", "ALB", "HTTPS"),
        )
    ]
    metadata = build_template(uncertified(nlb="TLS"))["Metadata"]["archbuilder"]
    assert "written_instead" not in metadata


def test_terraform_asks_for_the_same_certificates() -> None:
    files = render(uncertified(nlb="TLS"))
    variables = files["variables.tf"]
    for name, label, protocol in (
        ("web", "Web", "HTTPS"),
        ("edge", "Edge", "TLS"),
        ("legacy", "Legacy", "HTTPS"),
    ):
        description = _parameter(protocol, label)["Description"]
        assert (
            f'variable "{name}_certificate_arn" {{\n  description = "{description}"\n  type        = string\n}}\n'
        ) in variables
    main = files["main.tf"]
    assert "certificate_arn   = var.web_certificate_arn\n" in main
    assert "certificate_arn   = var.edge_certificate_arn\n" in main
    assert "ssl_certificate_id = var.legacy_certificate_arn\n" in main
    assert "aws_acm_certificate" not in main


def test_a_protocol_the_balancer_does_not_listen_on_is_written_plain_and_said_so() -> None:
    arch = uncertified()
    arch.set_property("web", "listener_protocol", "TLS", as_written=True)  # kept as an import read it
    template = build_template(arch)
    assert template["Resources"]["WebListener"]["Properties"]["Protocol"] == "HTTP"
    assert [note for note in export_notes("cloudformation", arch) if note.startswith("written in place")] == [
        'written in place of the design\'s value: Web (ALB): listener_protocol "TLS" is written as "HTTP": ALB '
        "listeners do not take TLS: the listener is written plain"
    ]


@pytest.mark.parametrize("protocol", ["HTTPS", "SSL"])
def test_the_listeners_are_secure_once_deployed(protocol: str) -> None:
    """The deploy gives each parameter the ARN of a certificate (moto_stand_ins.stand_in_parameter: an IAM server
    certificate's, which moto takes without looking it up); the listeners present it."""
    with mock_aws():
        physical = deploy(uncertified(clb=protocol), "uncertified")
        [web] = boto3.client("elbv2", region_name="us-east-1").describe_listeners(
            ListenerArns=[physical["WebListener"]]
        )["Listeners"]
        [legacy] = boto3.client("elb", region_name="us-east-1").describe_load_balancers(
            LoadBalancerNames=[physical["Legacy"]]
        )["LoadBalancerDescriptions"]
    given = "arn:aws:iam::123456789012:server-certificate/stand-in-{}certificatearn"
    assert (web["Port"], web["Protocol"], web["Certificates"]) == (
        443,
        "HTTPS",
        [{"CertificateArn": given.format("web")}],
    )
    [listener] = legacy["ListenerDescriptions"]
    # moto's stack gives the instance side the front's protocol whatever the template says (the first test reads it).
    assert {key: value for key, value in listener["Listener"].items() if key != "InstanceProtocol"} == {
        "Protocol": protocol,
        "LoadBalancerPort": 443,
        "InstancePort": 80,
        "SSLCertificateId": given.format("legacy"),
    }
