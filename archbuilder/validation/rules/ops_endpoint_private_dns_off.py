"""An interface endpoint without private DNS, which callers using the service's usual name never reach."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="OPS-033",
    title="Interface endpoint without private DNS",
    severity=Severity.WARNING,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.LOW,
    source=cite("002", "AWS PrivateLink"),
    description="With private DNS the service's usual name (sqs.us-east-1.amazonaws.com) resolves to the interface "
    "endpoint inside the VPC, so SDKs use it unchanged; without it they keep calling the public endpoint, through a "
    "NAT gateway if there is one, or not at all.",
    remediation="Turn private DNS on for the endpoint (the VPC needs DNS hostnames and resolution), or configure every "
    "client with the endpoint's own DNS name.",
    check=each_service(
        ("vpc_endpoint_interface",),
        lambda node, graph: node.properties.get("private_dns_enabled") is False,
        lambda node, graph: (
            f"{label(node)} has private DNS off, so clients using the service's usual name go around it"
        ),
    ),
    applies_to=("vpc_endpoint_interface",),
    tags=("network", "egress", "dns"),
    wa_best_practice="OPS05-BP03",
    checked="2026-12-06",
)
