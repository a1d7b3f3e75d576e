"""What a load balancer really listens on, decided once for the listener resources and the security group.

A secure listener (HTTPS on an ALB, TLS on an NLB, HTTPS or SSL on a Classic Load Balancer) presents the certificate
attached in the design; without one it is still written as the design has it, and the deploy gives the ARN of an
issued certificate (a parameter with no default, a Terraform variable; LIM-041 tells the user). The security group
must open exactly the ports the listeners use, including the port-80 door of an HTTP→HTTPS redirect.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.context import CfnContext, ref
from archbuilder.exporters.cloudformation.kit import by_hand, written_instead
from archbuilder.graph import ArchGraph
from archbuilder.model import ServiceNode

PLAIN_NLB_PROTOCOLS = ("TCP", "UDP", "TCP_UDP")
SECURE_PROTOCOLS = ("HTTPS", "TLS", "SSL")
# Services whose port is their container's: the load balancer, its target group and the security group send
# traffic where the container listens, whatever port the connection to it was drawn with.
CONTAINER_SERVICES = ("fargate_task", "ecs_service")


@dataclass(frozen=True)
class Listener:
    port: int
    protocol: str
    certificate_id: str | None  # the design's acm_certificate node, when one is attached to a secure listener
    redirect_port: int | None = None  # an HTTP port answering with a redirect to `port` over HTTPS

    @property
    def secure(self) -> bool:
        return self.protocol in SECURE_PROTOCOLS

    @property
    def ports(self) -> list[int]:
        return [self.port] + ([self.redirect_port] if self.redirect_port is not None else [])


def target_port(target: ServiceNode, connection_port: int | None) -> int | None:
    """The port traffic to `target` must reach: a container service's container port, else the connection's."""
    if target.type in CONTAINER_SERVICES and target.properties.get("container_port"):
        return int(target.properties["container_port"])
    return connection_port


def attached_certificates(graph: ArchGraph, node: ServiceNode) -> list[str]:
    return [
        c.source_id
        for c in graph.connections_of(node.id)
        if c.target_id == node.id
        and c.kind is ConnectionKind.ATTACH
        and graph.architecture.service(c.source_id).type == "acm_certificate"
    ]


def listener_of(graph: ArchGraph, node: ServiceNode) -> Listener:
    """The serving listener of an ALB or NLB: the design's protocol and port (the catalog's default protocol where
    the design has none), presenting the attached certificate when it is secure."""
    port = int(node.properties.get("listener_port") or 443)
    secure = "TLS" if node.type == "nlb" else "HTTPS"
    protocol = str(node.properties.get("listener_protocol") or ("TCP" if node.type == "nlb" else secure))
    if protocol == secure:
        certificates = attached_certificates(graph, node)
        redirect = node.type == "alb" and node.properties.get("redirect_http_to_https", True) and port != 80
        certificate = certificates[0] if certificates else None
        return Listener(port, secure, certificate, redirect_port=80 if redirect else None)
    if node.type == "nlb":
        return Listener(port, protocol if protocol in PLAIN_NLB_PROTOCOLS else "TCP", None)
    return Listener(port, "HTTP", None)


def classic_listener(graph: ArchGraph, node: ServiceNode) -> Listener:
    """A Classic Load Balancer's one listener, by the same rules (HTTPS and SSL present a certificate)."""
    port = int(node.properties.get("listener_port") or 443)
    protocol = str(node.properties.get("listener_protocol") or "HTTPS")
    if protocol in ("HTTPS", "SSL"):
        certificates = attached_certificates(graph, node)
        return Listener(port, protocol, certificates[0] if certificates else None)
    return Listener(port, protocol if protocol in ("HTTP", "TCP") else "TCP", None)


def certificate_arn(ctx: CfnContext, node: ServiceNode, serving: Listener) -> Any:
    """The certificate a secure listener presents: the one attached in the design, else the ARN of an issued one the
    deploy gives (AWS refuses a secure listener without a certificate, and one requested by the stack would wait on
    a validation the design says nothing of). The parameter is named in the export's warnings."""
    if serving.certificate_id is not None:
        return ref(ctx.lid(ctx.architecture.node(serving.certificate_id)))
    name = f"{ctx.lid(node)}CertificateArn"
    by_hand(
        ctx,
        node,
        f"give the ARN of an issued certificate for its domain as the {name} parameter at deploy: no certificate is "
        f"attached to it in the design, which its {serving.protocol} listener presents",
    )
    return ctx.parameter(
        name,
        "String",
        None,
        f"ARN of the issued certificate (ACM, or IAM for a Classic Load Balancer) the {serving.protocol} listener "
        f"of {node.label} presents",
    )


def name_plain_listener(ctx: CfnContext, node: ServiceNode, serving: Listener) -> None:
    """Names a listener protocol written other than the design's (one the balancer does not listen on, written
    plain) in the export's warnings (kit.written_instead), so the user sees it at export."""
    catalog = ctx.architecture.catalog.get(node.type)
    protocol = node.properties.get("listener_protocol", catalog.defaults().get("listener_protocol"))
    if protocol != serving.protocol:
        why = f"{catalog.short_name} listeners do not take {protocol}: the listener is written plain"
        written_instead(ctx, node, "listener_protocol", serving.protocol, why)
