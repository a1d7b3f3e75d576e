"""A certificate's validation: CloudFormation finishes creating an ACM certificate only once it is issued, so
the listeners and distributions that use it are created after; Terraform's `aws_acm_certificate` returns while
the certificate still awaits validation, and a listener given it fails (UnsupportedCertificate).
`aws_acm_certificate_validation` waits for the issue, and the converter points every reference to the
certificate at its `certificate_arn`, so the users wait the way they do on the CloudFormation side.

The DNS validation records CloudFormation writes from `DomainValidationOptions` are `aws_route53_record`s here,
one per domain ACM asks about, in the zone the options name (a zone of the design, or the zone a variable names;
that variable left empty, validation is done outside and the apply waits). A certificate CloudFront serves is
made in us-east-1 through the provider aliased `aws.us_east_1`, whatever region the rest is applied in."""

from __future__ import annotations

from typing import Any

from archbuilder.exporters.terraform.convert import Converter_
from archbuilder.exporters.terraform.hcl_writer import Block, Expr
from archbuilder.exporters.terraform.hcl_writer import value as hcl_value
from archbuilder.exporters.terraform.kit import CompanionWriter, Props, split_resource

CLOUDFRONT_PROVIDER = "aws.us_east_1"
CLOUDFRONT_REGION = "us-east-1"
VALIDATION_TTL = 60


def cloudfront_certificates(resources: dict[str, Any]) -> set[str]:
    """The certificates (logical ids) a CloudFront distribution serves."""
    found = set()
    for body in resources.values():
        if body["Type"] != "AWS::CloudFront::Distribution":
            continue
        viewer = (body["Properties"]["DistributionConfig"].get("ViewerCertificate")) or {}
        arn = viewer.get("AcmCertificateArn")
        if isinstance(arn, dict) and set(arn) == {"Ref"} and arn["Ref"] in resources:
            found.add(arn["Ref"])
    return found


def certificate_provider(conv: Converter_, logical: str) -> Props:
    """`provider = aws.us_east_1` for a certificate CloudFront serves (and for its validation)."""
    return (
        {"provider": Expr(CLOUDFRONT_PROVIDER)} if logical in cloudfront_certificates(conv.resources) else {}
    )


def _validation(conv: Converter_, logical: str, p: Props) -> list[Block]:
    blocks = []
    body: Props = {
        **certificate_provider(conv, logical),
        "certificate_arn": Expr(f"{conv.address(logical)}.arn"),
    }
    options = p.get("DomainValidationOptions")
    if p.get("ValidationMethod") == "DNS" and options:
        record = split_resource(
            conv, logical, "aws_route53_record", _records(conv, logical, options), "_validation"
        )
        blocks.append(record)
        body["validation_record_fqdns"] = Expr(
            f"[for record in aws_route53_record.{record.labels[1]} : record.fqdn]"
        )
    blocks.append(split_resource(conv, logical, "aws_acm_certificate_validation", body))
    return blocks


def _records(conv: Converter_, logical: str, options: Any) -> Props:
    """The validation records: one per domain ACM names, in the zone the options give it."""
    covered, external = _zones(options)
    names = [hcl_value(conv.expr(name), 0) for name, _zone in covered]
    zones = [hcl_value(conv.expr(zone), 0) for _name, zone in covered]
    each = f"for option in {conv.address(logical)}.domain_validation_options : option.domain_name => option"
    if external is None:
        zone = (
            zones[0]
            if len(set(zones)) == 1
            else f"zipmap([{', '.join(names)}], [{', '.join(zones)}])[each.key]"
        )
    else:
        given = hcl_value(conv.expr(external), 0)
        each += f' if {given} != ""' + (
            f" || contains([{', '.join(names)}], option.domain_name)" if names else ""
        )
        zone = (
            f"lookup(zipmap([{', '.join(names)}], [{', '.join(zones)}]), each.key, {given})"
            if names
            else given
        )
    return {
        "for_each": Expr("{ " + each + " }"),
        "zone_id": Expr(zone),
        "name": Expr("each.value.resource_record_name"),
        "type": Expr("each.value.resource_record_type"),
        "records": Expr("[each.value.resource_record_value]"),
        "ttl": VALIDATION_TTL,
        # A wildcard and its apex share one validation record.
        "allow_overwrite": True,
    }


def _zones(options: Any) -> tuple[list[tuple[Any, Any]], Any]:
    """(domain, zone) of the options in the design's zones, and the parameter naming a zone for the others (None
    when every domain is in a zone of the design)."""
    if isinstance(options, list):
        return [(o["DomainName"], o["HostedZoneId"]) for o in options], None
    _condition, given, fallback = options["Fn::If"]
    covered = fallback if isinstance(fallback, list) else []
    external = next(o["HostedZoneId"] for o in given if o not in covered)
    return [(o["DomainName"], o["HostedZoneId"]) for o in covered], external


# Resources the aws provider splits out of a CloudFormation resource of these types.
COMPANION_WRITERS: dict[str, list[CompanionWriter]] = {
    "AWS::CertificateManager::Certificate": [_validation],
}
