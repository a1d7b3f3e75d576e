"""CloudFormation for names: Route 53 hosted zones with their alias records, and ACM certificates with the DNS
validation records that let them be issued.

Names agree through domains.py. A certificate validated by DNS names, for each of its domains, the hosted zone
of the design holding it (`DomainValidationOptions`), where CloudFormation writes the validation records itself;
for domains outside every zone of the design a parameter names an existing zone, and left empty it says that
validation is done outside the stack (the stack then waits until the certificate is issued). A new public zone
outputs its name servers, which the parent domain must delegate to before anything in it resolves or validates.
A certificate that CloudFront serves must be in us-east-1: a template rule refuses a stack elsewhere."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref
from archbuilder.exporters.cloudformation.domains import (
    certificate_domain,
    distribution_aliases,
    distribution_certificate,
    domain_expr,
    in_zone,
    plain,
    public_zones,
    served_name,
    within,
    zone_domain,
    zone_of,
    zone_parameter,
)
from archbuilder.exporters.cloudformation.kit import Renderer, prop, targets_of
from archbuilder.exporters.registry import ExportError
from archbuilder.model import ServiceNode, VpcNode

# Route 53's continent codes; any other two-letter connection label is taken as a country code.
CONTINENTS = {"AF", "AN", "AS", "EU", "NA", "OC", "SA"}
# CloudFront's own hosted zone, which every alias record to a distribution names.
CLOUDFRONT_ZONE = "Z2FDTNDATAQYW2"
CLOUDFRONT_REGION = "us-east-1"
CLOUDFRONT_REGION_RULE = "CloudFrontCertificateRegion"


def _certificate(ctx: CfnContext, node: ServiceNode) -> None:
    domain = certificate_domain(node)
    zones = public_zones(ctx)
    names = [domain, *(a for a in _alias_names(ctx, node) if a != domain)]
    written = {n: domain_expr(ctx, n) for n in names[1:]} | {domain: certificate_domain_expr(ctx, node)}
    props: dict[str, Any] = {
        "DomainName": written[domain],
        "ValidationMethod": str(prop(node, "validation_method", "DNS")),
    }
    if len(names) > 1:
        props["SubjectAlternativeNames"] = [written[n] for n in names[1:]]
    if prop(node, "exportable", False):
        # An exportable public certificate (its private key may be exported); set only at creation.
        props["CertificateExport"] = "ENABLED"
    if props["ValidationMethod"] == "DNS":
        covered = [(n, zone) for n in names if (zone := zone_of(zones, n)) is not None]
        options = [{"DomainName": written[n], "HostedZoneId": ref(ctx.lid(z))} for n, z in covered]
        outside = [n for n in names if zone_of(zones, n) is None]
        props["DomainValidationOptions"] = (
            _external_validation(ctx, node, options, {n: written[n] for n in outside}) if outside else options
        )
    ctx.add(ctx.lid(node), "AWS::CertificateManager::Certificate", props)
    if _serves_cloudfront(ctx, node):
        _require_cloudfront_region(ctx)


def certificate_domain_expr(ctx: CfnContext, certificate: ServiceNode) -> Any:
    """The certificate's domain: from its zone's parameter, else a parameter of its own."""
    domain = certificate_domain(certificate)
    if zone_of(public_zones(ctx), domain) is not None:
        return domain_expr(ctx, domain)
    return ctx.parameter(
        f"{ctx.lid(certificate)}DomainName", "String", domain, f"Domain name of {certificate.label}"
    )


def _external_validation(
    ctx: CfnContext, node: ServiceNode, options: list[dict[str, Any]], outside: dict[str, Any]
) -> Any:
    """Validation options for domains outside the design's zones: in the zone a parameter names, or (left
    empty) outside the stack."""
    zone = ctx.parameter(
        f"{ctx.lid(node)}ValidationZoneId",
        "String",
        "",
        f"Existing Route 53 hosted zone holding {', '.join(outside)}, where the stack writes the DNS validation "
        f"records of {node.label}; leave empty to validate outside the stack (it waits until the certificate "
        "is issued)",
    )
    condition = f"{ctx.lid(node)}ValidatedInStack"
    ctx.conditions[condition] = {"Fn::Not": [{"Fn::Equals": [zone, ""]}]}
    given = options + [{"DomainName": written, "HostedZoneId": zone} for written in outside.values()]
    return {"Fn::If": [condition, given, options or ref("AWS::NoValue")]}


def _serves_cloudfront(ctx: CfnContext, certificate: ServiceNode) -> bool:
    return any(
        target.type == "cloudfront_distribution"
        and (served := distribution_certificate(ctx, target)) is not None
        and served.id == certificate.id
        for target, _kind in targets_of(ctx, certificate, ConnectionKind.ATTACH)
    )


def _require_cloudfront_region(ctx: CfnContext) -> None:
    """CloudFront takes certificates from us-east-1 only; a stack creates its resources in its own region."""
    ctx.rules[CLOUDFRONT_REGION_RULE] = {
        "Assertions": [
            {
                "Assert": {"Fn::Equals": [ref("AWS::Region"), CLOUDFRONT_REGION]},
                "AssertDescription": "The stack creates a certificate that CloudFront serves, and CloudFront "
                f"takes certificates from {CLOUDFRONT_REGION} only: create the stack in {CLOUDFRONT_REGION}",
            }
        ]
    }


def _alias_names(ctx: CfnContext, certificate: ServiceNode) -> list[str]:
    """The alternate domain names of the distributions served with `certificate` that its domain name does not
    cover: the certificate names them too, so that CloudFront accepts the aliases."""
    domain = certificate_domain(certificate)
    names: list[str] = []
    for distribution, _kind in targets_of(ctx, certificate, ConnectionKind.ATTACH):
        served_with = distribution_certificate(ctx, distribution)
        if (
            distribution.type != "cloudfront_distribution"
            or served_with is None
            or served_with.id != certificate.id
        ):
            continue
        for alias in distribution_aliases(ctx, distribution):
            if not _covers(domain, alias) and alias not in names:
                names.append(alias)
    return names


def _covers(domain: str, name: str) -> bool:
    return name == domain or (domain.startswith("*.") and name.partition(".")[2] == domain[2:])


def _zone(ctx: CfnContext, node: ServiceNode) -> None:
    zone_props: dict[str, Any] = {"Name": ref(zone_parameter(ctx, node))}
    private = bool(prop(node, "private_zone", False))
    if private:
        zone_props["VPCs"] = _zone_vpcs(ctx, node)
    zone = ctx.add(ctx.lid(node), "AWS::Route53::HostedZone", zone_props)
    if not private:
        ctx.output(
            f"{zone}NameServers",
            {"Fn::Join": [",", get_att(zone, "NameServers")]},
            f"Name servers of {node.label}: delegate its domain to them at the parent domain's registrar",
        )
    policy = str(prop(node, "routing_policy", "simple"))
    if policy == "multivalue":
        raise ExportError(
            f"{node.label}: multivalue answer records cannot be aliases, and the records the zone writes are "
            "aliases to CloudFront and load balancers; choose weighted or failover routing"
        )
    records: list[tuple[str, dict[str, Any]]] = []  # (name, properties) of the records written so far
    for connection in ctx.graph.connections_of(node.id):
        if connection.source_id != node.id or connection.kind is not ConnectionKind.DNS:
            continue
        target = ctx.architecture.service(connection.target_id)
        alias = _alias_target(ctx, target)
        if alias is None and target.type != "elastic_ip":
            continue
        name = _record_name(ctx, node, target, connection.label)
        record_props: dict[str, Any] = {
            "HostedZoneId": ref(zone),
            "Name": in_zone(ctx, node, name),
            "Type": "A",
        }
        if alias is None:
            # An Elastic IP is no alias target: the record holds its address (an EIP's Ref is its address).
            record_props.update(ResourceRecords=[ref(ctx.lid(target))], TTL=str(ADDRESS_TTL_SECONDS))
        else:
            record_props["AliasTarget"] = {
                **alias,
                "EvaluateTargetHealth": bool(prop(node, "evaluate_target_health", True)),
            }
        if policy != "simple":
            record_props["SetIdentifier"] = ctx.lid(target)
            same_name = [props for written, props in records if written == name]
            record_props.update(_routing(node, policy, connection.label.strip(), name, same_name))
        records.append((name, record_props))
        ctx.add(
            ctx.names.get(f"{connection.id}:record", f"{ctx.lid(target)}Record"),
            "AWS::Route53::RecordSet",
            record_props,
        )


# How long resolvers keep an Elastic IP's address record: five minutes, Route 53's console default.
ADDRESS_TTL_SECONDS = 300


def _alias_target(ctx: CfnContext, target: ServiceNode) -> dict[str, Any] | None:
    if target.type == "cloudfront_distribution":
        return {"DNSName": get_att(ctx.lid(target), "DomainName"), "HostedZoneId": CLOUDFRONT_ZONE}
    if target.type in ("alb", "nlb"):
        return {
            "DNSName": get_att(ctx.lid(target), "DNSName"),
            "HostedZoneId": get_att(ctx.lid(target), "CanonicalHostedZoneID"),
        }
    return None


def _record_name(ctx: CfnContext, zone: ServiceNode, target: ServiceNode, label: str) -> str:
    """The connection's name when it gives one, else the name the target serves, else the zone's apex; it must
    lie in the zone, and a distribution must answer to it."""
    name = plain(label) if "." in label else served_name(ctx, target) or zone_domain(zone)
    if not within(name, zone_domain(zone)):
        raise ExportError(
            f"{zone.label}: the record {name} for {target.label} is outside the zone's domain "
            f"{zone_domain(zone)}; name it inside the zone or draw it from the zone that holds it"
        )
    aliases = distribution_aliases(ctx, target) if target.type == "cloudfront_distribution" else []
    if target.type == "cloudfront_distribution" and name not in aliases:
        served = ", ".join(aliases) or "no alternate domain name"
        raise ExportError(
            f"{zone.label}: the record {name} points at {target.label}, which answers to {served}; add {name} "
            "to the distribution's aliases (with a certificate covering it) or rename the record"
        )
    return name


def _routing(
    node: ServiceNode, policy: str, label: str, name: str, same_name: list[dict[str, Any]]
) -> dict[str, Any]:
    """What a weighted, latency, failover or geolocation record says beside its SetIdentifier. Weighted records
    share the traffic equally; latency records answer for the stack's region; a failover record is PRIMARY when
    its connection is labelled primary (else when the name has none yet) and SECONDARY otherwise; a geolocation
    record answers for the continent or country its connection is labelled with (EU, DE...), else for the rest."""
    if policy == "weighted":
        return {"Weight": 1}
    if policy == "latency":
        return {"Region": ref("AWS::Region")}
    if policy == "failover":
        taken = [r["Failover"] for r in same_name]
        role = label.upper() if label.lower() in ("primary", "secondary") else None
        role = role or ("SECONDARY" if "PRIMARY" in taken else "PRIMARY")
        if role in taken:
            raise ExportError(
                f"{node.label}: failover routing answers {name} with one primary and one secondary "
                "record; label the connections primary and secondary"
            )
        return {"Failover": role}
    code = label.upper()
    location = (
        {"ContinentCode": code}
        if code in CONTINENTS
        else {"CountryCode": code}
        if len(code) == 2 and code.isalpha()
        else {"CountryCode": "*"}
    )
    if any(r["GeoLocation"] == location for r in same_name):
        raise ExportError(
            f"{node.label}: two geolocation records of {name} answer for the same place; label the "
            "connections with continent or country codes (EU, US...), leaving one unlabelled for the rest of the world"
        )
    return {"GeoLocation": location}


def _zone_vpcs(ctx: CfnContext, node: ServiceNode) -> list[dict[str, Any]]:
    """The VPCs a private zone answers in: those listed (a canvas VPC by id or name, or a vpc- id of an existing
    one), or every VPC of the design when none is listed."""
    vpcs = sorted((n for n in ctx.architecture.nodes.values() if isinstance(n, VpcNode)), key=lambda n: n.id)
    listed = [str(v) for v in prop(node, "associated_vpcs", [])]
    ids: list[Any] = []
    for name in listed:
        match = next((v for v in vpcs if name in (v.id, v.label)), None)
        ids.append(ref(ctx.lid(match)) if match is not None else name)
    if not listed:
        ids = [ref(ctx.lid(v)) for v in vpcs]
    return [{"VPCId": vpc, "VPCRegion": ref("AWS::Region")} for vpc in ids]


# The resource types this module renders; template.py merges every module's table.
RENDERERS: dict[str, Renderer] = {
    "acm_certificate": _certificate,
    "route53_zone": _zone,
}
