"""Domain names that agree: a hosted zone's domain is a parameter of the template, and every name inside it (a
record, a CloudFront alias, a certificate's domain) is written from that parameter (`!Sub shop.${ZoneDomainName}`),
so changing the zone's domain at deploy moves every name with it and none falls outside its zone. Names outside
every zone of the design stay as written."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.context import CfnContext, ref, sub
from archbuilder.exporters.cloudformation.kit import prop, sources_of
from archbuilder.exporters.cloudformation.listeners import listener_of
from archbuilder.model import ServiceNode

DEFAULT_ZONE_DOMAIN = "example.com"
DEFAULT_CERTIFICATE_DOMAIN = "www.example.com"


def plain(name: str) -> str:
    return name.strip().rstrip(".").lower()


def zone_domain(zone: ServiceNode) -> str:
    return plain(str(prop(zone, "domain_name", DEFAULT_ZONE_DOMAIN)))


def certificate_domain(certificate: ServiceNode) -> str:
    return plain(str(prop(certificate, "domain_name", DEFAULT_CERTIFICATE_DOMAIN)))


def zone_parameter(ctx: CfnContext, zone: ServiceNode) -> str:
    """The parameter holding a zone's domain (made by whichever renderer asks first)."""
    name = f"{ctx.lid(zone)}DomainName"
    ctx.parameter(name, "String", zone_domain(zone), f"Domain of the hosted zone {zone.label}")
    return name


def public_zones(ctx: CfnContext) -> list[ServiceNode]:
    return sorted(
        (s for s in ctx.graph.services if s.type == "route53_zone" and not prop(s, "private_zone", False)),
        key=lambda s: s.id,
    )


def within(name: str, domain: str) -> bool:
    name, domain = plain(name), plain(domain)
    return name == domain or name.endswith("." + domain)


def zone_of(zones: list[ServiceNode], name: str) -> ServiceNode | None:
    """The zone holding `name`: the one with the longest domain it ends in."""
    holding = [z for z in zones if within(name, zone_domain(z))]
    return max(holding, key=lambda z: len(zone_domain(z))) if holding else None


def in_zone(ctx: CfnContext, zone: ServiceNode, name: str) -> Any:
    """`name` (inside `zone`) written from the zone's domain parameter."""
    parameter = zone_parameter(ctx, zone)
    prefix = plain(name)[: -len(zone_domain(zone))].rstrip(".")
    if not prefix:
        return ref(parameter)
    # Fn::Sub reads ${...} as a reference; a literal one in the name is written ${!...}.
    return sub(prefix.replace("${", "${!") + ".${" + parameter + "}")


def domain_expr(ctx: CfnContext, name: str) -> Any:
    """A name as the template writes it: from the public zone holding it, else as written."""
    zone = zone_of(public_zones(ctx), name)
    return in_zone(ctx, zone, name) if zone is not None else plain(name)


def distribution_certificate(ctx: CfnContext, distribution: ServiceNode) -> ServiceNode | None:
    """The ACM certificate a distribution serves its domain names with: the first one attached to it."""
    certificates = [
        ctx.architecture.service(s)
        for s in sources_of(ctx, distribution, ConnectionKind.ATTACH)
        if ctx.architecture.service(s).type == "acm_certificate"
    ]
    return certificates[0] if certificates else None


def distribution_aliases(ctx: CfnContext, distribution: ServiceNode) -> list[str]:
    """The names a distribution answers to: those listed, else its certificate's domain (none without one)."""
    aliases = [plain(str(a)) for a in prop(distribution, "aliases", [])]
    certificate = distribution_certificate(ctx, distribution)
    if aliases or certificate is None:
        return aliases
    return [certificate_domain(certificate)]


def served_name(ctx: CfnContext, target: ServiceNode) -> str | None:
    """The name a DNS record pointing at `target` takes when its connection names none: a distribution's first
    alias, or the domain of a load balancer's listener certificate."""
    if target.type == "cloudfront_distribution":
        aliases = distribution_aliases(ctx, target)
        return aliases[0] if aliases else None
    if target.type in ("alb", "nlb"):
        certificate = listener_of(ctx.graph, target).certificate_id
        if certificate is not None:
            return certificate_domain(ctx.architecture.service(certificate))
    return None
