"""What a load balancer really listens on, decided once for the listener resources and the security group.

A secure listener (HTTPS on an ALB, TLS on an NLB) needs a certificate attached in the design; without one the
export can only write a plain listener (LIM-041 tells the user). The security group must open exactly the ports
the listeners use, including the port-80 door of an HTTP→HTTPS redirect.
"""

from __future__ import annotations

from dataclasses import dataclass

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.context import CfnContext
from archbuilder.exporters.cloudformation.kit import written_instead
from archbuilder.graph import ArchGraph
from archbuilder.model import ServiceNode

PLAIN_NLB_PROTOCOLS = ("TCP", "UDP", "TCP_UDP")
# Services whose port is their container's: the load balancer, its target group and the security group send
# traffic where the container listens, whatever port the connection to it was drawn with.
CONTAINER_SERVICES = ("fargate_task", "ecs_service")


@dataclass(frozen=True)
class Listener:
    port: int
    protocol: str
    certificate_id: str | None  # the design's acm_certificate node, when the listener is secure
    redirect_port: int | None = None  # an HTTP port answering with a redirect to `port` over HTTPS

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
    """The serving listener of an ALB or NLB: the design's protocol and port, secure only with a certificate."""
    port = int(node.properties.get("listener_port") or 443)
    protocol = str(node.properties.get("listener_protocol") or "")
    certificates = attached_certificates(graph, node)
    secure = "TLS" if node.type == "nlb" else "HTTPS"
    if protocol == secure and certificates:
        redirect = node.type == "alb" and node.properties.get("redirect_http_to_https", True) and port != 80
        return Listener(port, secure, certificates[0], redirect_port=80 if redirect else None)
    if node.type == "nlb":
        # TLS without a certificate: TCP on the same port passes the TLS through to the targets.
        return Listener(port, protocol if protocol in PLAIN_NLB_PROTOCOLS else "TCP", None)
    if protocol == "HTTP":
        return Listener(port, "HTTP", None)
    # HTTPS without a certificate: plain HTTP, on the chosen port unless that is HTTPS's own 443.
    return Listener(port if port != 443 else 80, "HTTP", None)


def classic_listener(graph: ArchGraph, node: ServiceNode) -> Listener:
    """A Classic Load Balancer's one listener, by the same rules (HTTPS and SSL need a certificate)."""
    port = int(node.properties.get("listener_port") or 443)
    protocol = str(node.properties.get("listener_protocol") or "HTTPS")
    certificates = attached_certificates(graph, node)
    if protocol in ("HTTPS", "SSL") and certificates:
        return Listener(port, protocol, certificates[0])
    if protocol in ("HTTP", "TCP"):
        return Listener(port, protocol, None)
    return Listener(port if port != 443 else 80, "HTTP" if protocol == "HTTPS" else "TCP", None)


def name_plain_listener(ctx: CfnContext, node: ServiceNode, serving: Listener) -> None:
    """Names a listener written other than the design's (HTTPS or TLS with no certificate attached, written plain)
    in the export's warnings (kit.written_instead), so the user sees it at export and not first in the finding."""
    defaults = ctx.architecture.catalog.get(node.type).defaults()
    protocol = node.properties.get("listener_protocol", defaults.get("listener_protocol"))
    port = node.properties.get("listener_port", defaults.get("listener_port"))
    why = f"no certificate is attached to the balancer, which {protocol} needs: the listener is written plain"
    if protocol != serving.protocol:
        written_instead(ctx, node, "listener_protocol", serving.protocol, why)
    if port != serving.port:
        written_instead(ctx, node, "listener_port", serving.port, why)
