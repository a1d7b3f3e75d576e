"""A load balancer's listener (port, protocol, HTTP→HTTPS redirect) survives export → import, in both formats."""

from __future__ import annotations

from pathlib import Path

import pytest

from archbuilder.exporters.registry import export
from archbuilder.importers.cloudformation import import_template
from archbuilder.importers.terraform import import_terraform
from archbuilder.model import Architecture, load
from archbuilder.resource_files import example_path
from archbuilder.validation import validate
from tests.exporters.every_service import every_service

LISTENER = ("listener_port", "listener_protocol", "redirect_http_to_https")
NETWORK = (
    "Resources:\n"
    "  Vpc:\n"
    "    Type: AWS::EC2::VPC\n"
    "    Properties: {CidrBlock: 10.0.0.0/16}\n"
    "  A:\n"
    "    Type: AWS::EC2::Subnet\n"
    "    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: us-east-1a}\n"
    "  B:\n"
    "    Type: AWS::EC2::Subnet\n"
    "    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1b}\n"
)


def three_tier() -> Architecture:
    return load(Path(str(example_path("three-tier-web"))))


def plain_http() -> Architecture:
    arch = three_tier()
    arch.disconnect("web-cert-to-web-alb")  # no certificate, and plain HTTP chosen
    for name, value in zip(LISTENER, (8080, "HTTP", False), strict=True):
        arch.set_property("web-alb", name, value)
    return arch


def reimported(arch: Architecture, fmt: str, folder: Path) -> Architecture:
    [*_written] = export(fmt, arch, folder)
    if fmt == "terraform":
        imported, _report = import_terraform(folder)
    else:
        imported, _report = import_template(folder / "template.yaml")
    return imported


def listener_of(arch: Architecture) -> tuple[object, ...]:
    [alb] = [s for s in arch.services() if s.type == "alb"]
    return tuple(alb.properties.get(name) for name in LISTENER)


def test_the_forwarding_listener_is_read_and_a_redirecting_one_sets_the_redirect(tmp_path: Path) -> None:
    template = tmp_path / "alb.yaml"
    template.write_text(
        NETWORK + "  Web:\n"
        "    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n"
        "    Properties: {Scheme: internet-facing, Subnets: [!Ref A, !Ref B]}\n"
        "  Targets:\n"
        "    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n"
        "    Properties: {Port: 8080, Protocol: HTTP}\n"
        "  HttpDoor:\n"
        "    Type: AWS::ElasticLoadBalancingV2::Listener\n"
        "    Properties:\n"
        "      LoadBalancerArn: !Ref Web\n"
        "      Port: 80\n"
        "      Protocol: HTTP\n"
        "      DefaultActions:\n"
        "        - Type: redirect\n"
        "          RedirectConfig: {Protocol: HTTPS, Port: '8443', StatusCode: HTTP_301}\n"
        "  Serving:\n"
        "    Type: AWS::ElasticLoadBalancingV2::Listener\n"
        "    Properties:\n"
        "      LoadBalancerArn: !Ref Web\n"
        "      Port: 8443\n"
        "      Protocol: HTTPS\n"
        "      Certificates: [{CertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/abc}]\n"
        "      DefaultActions: [{Type: forward, TargetGroupArn: !Ref Targets}]\n",
        encoding="utf-8",
    )
    imported, _report = import_template(template)
    assert listener_of(imported) == (8443, "HTTPS", True)


@pytest.mark.parametrize("fmt", ["cloudformation", "terraform"])
def test_a_plain_http_listener_comes_back_as_http_without_a_redirect(fmt: str, tmp_path: Path) -> None:
    imported = reimported(plain_http(), fmt, tmp_path)
    assert listener_of(imported) == (8080, "HTTP", False)
    rule_ids = {f.rule_id for f in validate(imported).findings}
    # Plain HTTP is reported as such, not as an HTTPS listener missing its certificate.
    assert "SEC-018" in rule_ids and "LIM-041" not in rule_ids


def test_a_classic_load_balancer_reads_its_inline_listener(tmp_path: Path) -> None:
    template = tmp_path / "clb.yaml"
    template.write_text(
        NETWORK + "  Legacy:\n"
        "    Type: AWS::ElasticLoadBalancing::LoadBalancer\n"
        "    Properties:\n"
        "      Subnets: [!Ref A, !Ref B]\n"
        "      Listeners:\n"
        "        - {LoadBalancerPort: '80', InstancePort: '8080', Protocol: HTTP}\n",
        encoding="utf-8",
    )
    imported, _report = import_template(template)
    [clb] = [s for s in imported.services() if s.type == "clb"]
    assert (clb.type, clb.properties["listener_port"], clb.properties["listener_protocol"]) == (
        "clb",
        80,
        "HTTP",
    )


@pytest.mark.parametrize("fmt", ["cloudformation", "terraform"])
def test_an_internet_facing_balancer_declaring_no_rules_comes_back_declaring_none(
    fmt: str, tmp_path: Path
) -> None:
    """The export opens such a balancer's listeners to the internet; those rules are its own, not rules the design
    declared (read as declared, they would stay open on ports the listeners no longer use after an edit). A rule
    the design declares comes back, with the export's own words for the others."""
    design = every_service()
    declared = [{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr": "0.0.0.0/0"}]
    [clb] = [s for s in design.services() if s.type == "clb"]
    design.set_property(clb.id, "ingress", declared)
    export(fmt, design, tmp_path / "out")
    if fmt == "terraform":
        arch, _report = import_terraform(tmp_path / "out")
    else:
        [template] = (tmp_path / "out").iterdir()
        arch, _report = import_template(template)
    balancers = {s.label: s.properties["ingress"] for s in arch.services() if s.type in ("alb", "nlb", "clb")}
    assert balancers == {"ALB": [], "NLB": [], "CLB": declared}
