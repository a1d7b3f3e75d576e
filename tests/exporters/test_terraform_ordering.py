"""Terraform creates resources in the order CloudFormation does: for every CloudFormation `DependsOn` edge A -> B,
a Terraform resource of A reaches (references or depends_on, directly or through others) every Terraform resource
of B. Some resources CloudFormation creates whole that Terraform splits, and what references them waits for
every piece: a role with its managed and inline policies, a certificate with its validation (CloudFormation
completes a certificate once issued). And one ordering the aws provider documents, which the CloudFormation
template does not state: a NAT gateway after its VPC's internet gateway. A resource Terraform would create too early fails here, and so
does a depends_on that closes a cycle."""

from __future__ import annotations

import json
import re
from graphlib import CycleError, TopologicalSorter
from pathlib import Path
from typing import Any

import pytest

from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.registry import ExportError
from archbuilder.exporters.terraform.files import render
from archbuilder.exporters.terraform.ordering import Ordering
from archbuilder.model import Architecture, load
from archbuilder.resource_files import example_names, example_path
from tests.exporters.every_service import every_service
from tests.exporters.test_cloudformation_events import event_driven
from tests.exporters.test_cloudformation_generated import SEEDS, generated
from tests.exporters.test_cloudformation_stores import data_platform, platform_services
from tests.exporters.test_connectivity_export import connectivity
from tests.exporters.test_delivery_export import delivery
from tests.exporters.test_document_graph_export import document_and_graph
from tests.exporters.test_ml_and_data_processing_export import data_processing, machine_learning
from tests.exporters.test_platforms_and_file_storage_export import platforms_and_files
from tests.exporters.test_security_and_telemetry_export import security, telemetry
from tests.exporters.test_terraform_services import SERVICE_TYPES, edges, single_service
from tests.exporters.tf_correspondence import counterparts
from tests.exporters.tf_tools import resources

Address = tuple[str, str]
_REFERENCE = re.compile(r"(?<![\w.])(aws_[a-z0-9_]+)\.([a-z0-9_]+)")
# CloudFormation types created whole that Terraform splits -> (Terraform type of the main piece, edge name).
WHOLE = {
    "AWS::IAM::Role": ("aws_iam_role", "role"),
    "AWS::CertificateManager::Certificate": ("aws_acm_certificate", "certificate"),
}
# Pieces Terraform splits out of a resource that act once what depends on the resource exists: AWS Config's
# recorder starts only with a delivery channel, which in turn depends on the recorder.
STARTED_AFTER = {"aws_config_configuration_recorder_status"}


def references(found: dict[Address, dict[str, Any]]) -> dict[Address, set[Address]]:
    """Every Terraform resource -> the resources it references or depends on directly."""
    return {
        address: {ref for ref in _REFERENCE.findall(json.dumps(body)) if ref in found and ref != address}
        for address, body in found.items()
    }


def reach(found: dict[Address, dict[str, Any]]) -> dict[Address, set[Address]]:
    """Every Terraform resource -> what it waits for, directly or transitively. Raises CycleError on a cycle,
    which Terraform refuses too."""
    direct = references(found)
    closed: dict[Address, set[Address]] = {}
    for address in TopologicalSorter(direct).static_order():
        closed[address] = set().union(*({ref} | closed[ref] for ref in direct.get(address, set())))
    return closed


def _references(item: Any) -> set[str]:
    """Logical ids a CloudFormation value refers to (Ref, GetAtt, ${Name} and ${Name.Attribute} in Sub)."""
    if isinstance(item, dict):
        if set(item) == {"Ref"}:
            return {item["Ref"]}
        if set(item) == {"Fn::GetAtt"}:
            return {item["Fn::GetAtt"][0]}
        if set(item) == {"Fn::Sub"} and isinstance(item["Fn::Sub"], str):
            return {m.split(".")[0] for m in re.findall(r"\$\{([^}!]+)\}", item["Fn::Sub"])}
        return set().union(*(_references(v) for v in item.values()))
    if isinstance(item, list):
        return set().union(*(_references(v) for v in item))
    return set()


def unordered(template: dict[str, Any], found: dict[Address, dict[str, Any]]) -> list[str]:
    """The orderings CloudFormation has that the Terraform resources lack, as `A -> B` lines."""
    reached = reach(found)
    missing = []
    edges_: list[tuple[str, str, str]] = []
    for logical, body in template["Resources"].items():
        depends = body.get("DependsOn") or []
        for other in [depends] if isinstance(depends, str) else depends:
            edges_.append((logical, other, "DependsOn"))
        if body["Type"] == "AWS::EC2::NatGateway":
            edges_ += [
                (logical, attachment, "internet gateway") for attachment in _attachments(template, body)
            ]
        if body["Type"] in ("AWS::IAM::Role", "AWS::IAM::Policy"):
            continue  # a role's own policies need no order among themselves
        for other in sorted(_references(body.get("Properties") or {})):
            kind = template["Resources"].get(other, {}).get("Type")
            if kind in WHOLE:
                edges_.append((logical, other, WHOLE[kind][1]))
    for logical, other, why in edges_:
        mine, theirs = counterparts(template, logical), counterparts(template, other)
        theirs = {address for address in theirs if address[0] not in STARTED_AFTER}
        if why in {edge for _type, edge in WHOLE.values()}:
            # The pieces of A that use B (reach B's main resource) must reach all of B's pieces.
            main = _main_address(template, other)
            mine = {a for a in mine if main in reached.get(a, set())}
        assert theirs, f"{other} has no Terraform resource to wait for"
        if not any(theirs <= reached.get(address, set()) for address in mine):
            missing.append(f"{logical} -> {other} ({why})")
    return missing


def _attachments(template: dict[str, Any], nat: dict[str, Any]) -> list[str]:
    """The internet gateway attachment of the VPC a NAT gateway's subnet is in."""
    subnet = template["Resources"][nat["Properties"]["SubnetId"]["Ref"]]
    vpc = subnet["Properties"]["VpcId"]
    return [
        logical
        for logical, body in template["Resources"].items()
        if body["Type"] == "AWS::EC2::VPCGatewayAttachment"
        and body["Properties"]["VpcId"] == vpc
        and "InternetGatewayId" in body["Properties"]
    ]


def _main_address(template: dict[str, Any], logical: str) -> Address:
    main_type = WHOLE[template["Resources"][logical]["Type"]][0]
    [address] = [a for a in counterparts(template, logical) if a[0] == main_type]
    return address


def _designs() -> list[tuple[str, Any]]:
    named: list[tuple[str, Any]] = [
        (name, lambda n=name: load(Path(str(example_path(n))))) for name in example_names()
    ]
    named += [(f"generated-{seed}", lambda s=seed: generated(s)) for seed in SEEDS]
    named += [("edges", edges), ("data-platform", data_platform), ("platform-services", platform_services)]
    named += [("event-driven", event_driven), ("connectivity", connectivity)]
    named += [("document-graph", document_and_graph)]
    named += [("machine-learning", machine_learning), ("data-processing", data_processing)]
    named += [("delivery", delivery), ("security", security), ("telemetry", telemetry)]
    named += [("platforms-and-files", platforms_and_files), ("every-service", every_service)]
    named += [(f"single-{t}", lambda t=t: single_service(t)) for t in SERVICE_TYPES]
    return named


@pytest.mark.parametrize("make", [make for _name, make in _designs()], ids=[name for name, _ in _designs()])
def test_terraform_orders_resources_as_cloudformation_does(make: Any) -> None:
    arch: Architecture = make()
    try:
        template = build_template(arch)
    except ExportError:
        return  # not exported on either side (test_terraform_services checks Terraform refuses it too)
    found = resources(render(arch))
    assert unordered(template, found) == []


def test_the_fixed_orderings_are_the_ones_the_provider_needs() -> None:
    """The trail after the bucket policy, the event source mapping after the role policy letting the function
    read the queue, the functions after their managed policies."""
    found = resources(render(load(Path(str(example_path("serverless-api"))))))
    assert found[("aws_cloudtrail", "audit_trail")]["depends_on"] == [
        "${aws_s3_bucket_policy.audit_trail_bucket_policy}"
    ]
    mapping = found[("aws_lambda_event_source_mapping", "fulfilment_worker_from_fulfilment_queue")]
    assert mapping["depends_on"] == ["${aws_iam_role_policy.fulfilment_worker_role_policy}"]
    assert found[("aws_lambda_function", "orders_handler")]["depends_on"] == [
        "${aws_iam_role_policy_attachment.orders_handler_role_aws_lambda_basic_execution_role}",
        "${aws_iam_role_policy_attachment.orders_handler_role_awsx_ray_daemon_write_access}",
    ]
    attachment = found[
        ("aws_iam_role_policy_attachment", "orders_handler_role_aws_lambda_basic_execution_role")
    ]
    assert attachment == {
        "role": "${aws_iam_role.orders_handler_role.name}",
        "policy_arn": "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/"
        "AWSLambdaBasicExecutionRole",
    }
    assert "managed_policy_arns" not in found[("aws_iam_role", "orders_handler_role")]
    web = resources(render(load(Path(str(example_path("three-tier-web"))))))
    assert web[("aws_nat_gateway", "nat_gateway_a")]["depends_on"] == [
        "${aws_internet_gateway.internet_gateway}"
    ]
    assert web[("aws_lb_listener", "web_load_balancer_listener")]["certificate_arn"] == (
        "${aws_acm_certificate_validation.web_certificate.certificate_arn}"
    )
    assert web[("aws_acm_certificate_validation", "web_certificate")] == {
        "certificate_arn": "${aws_acm_certificate.web_certificate.arn}",
        "validation_record_fqdns": "${[for record in aws_route53_record.web_certificate_validation : record.fqdn]}",
    }
    pipeline = resources(render(load(Path(str(example_path("streaming-pipeline"))))))
    assert pipeline[("aws_kinesis_firehose_delivery_stream", "delivery_stream")]["depends_on"] == [
        "${aws_iam_role_policy.delivery_stream_role_policy}"
    ]


def test_a_missing_ordering_is_reported() -> None:
    arch = load(Path(str(example_path("serverless-api"))))
    template, found = build_template(arch), resources(render(arch))
    del found[("aws_cloudtrail", "audit_trail")]["depends_on"]
    del found[("aws_lambda_event_source_mapping", "fulfilment_worker_from_fulfilment_queue")]["depends_on"]
    del found[("aws_lambda_function", "orders_handler")]["depends_on"]
    distribution = found[("aws_cloudfront_distribution", "web_cdn")]
    distribution["viewer_certificate"][0]["acm_certificate_arn"] = (
        "${aws_acm_certificate.cdn_certificate.arn}"
    )
    assert unordered(template, found) == [
        "WebCDN -> CDNCertificate (certificate)",
        "OrdersHandler -> OrdersHandlerRole (role)",
        "AuditTrail -> AuditTrailBucketPolicy (DependsOn)",
        "FulfilmentWorkerFromFulfilmentQueue -> FulfilmentWorkerRolePolicy (DependsOn)",
    ]


def test_a_cycle_is_reported() -> None:
    found = resources(render(load(Path(str(example_path("serverless-api"))))))
    policy = found[("aws_s3_bucket_policy", "audit_trail_bucket_policy")]
    policy["depends_on"] = ["${aws_cloudtrail.audit_trail}"]
    with pytest.raises(CycleError):
        reach(found)


def test_a_nat_gateway_created_before_the_internet_gateway_is_reported() -> None:
    arch = load(Path(str(example_path("three-tier-web"))))
    template, found = build_template(arch), resources(render(arch))
    del found[("aws_nat_gateway", "nat_gateway_b")]["depends_on"]
    # The gateway's Elastic IP waits for the attachment too, which orders the NAT gateway through it.
    assert unordered(template, found) == []
    del found[("aws_eip", "nat_gateway_b_eip")]["depends_on"]
    assert unordered(template, found) == [
        "NATGatewayBEip -> InternetGatewayAttachment (DependsOn)",
        "NATGatewayB -> InternetGatewayAttachment (internet gateway)",
    ]


@pytest.mark.parametrize("name", ["every-service", *example_names()])
def test_only_resources_that_name_a_role_are_searched_for_one(name: str, monkeypatch: Any) -> None:
    """The blocks of a resource are searched for role references only when converting it wrote one (the
    converter counts them in `address`): searching every resource's blocks gives the same files."""
    arch = every_service() if name == "every-service" else load(Path(str(example_path(name))))
    apply = Ordering.apply
    searched: list[bool] = []

    def counted(self: Ordering, *args: Any, names_a_role: bool = True) -> None:
        searched.append(names_a_role)
        apply(self, *args, names_a_role=names_a_role)

    monkeypatch.setattr(Ordering, "apply", counted)
    skipped = render(arch)
    assert False in searched  # resources that name no role are not searched
    assert (True in searched) == ('resource "aws_iam_role"' in skipped["main.tf"])

    def search_all(self: Ordering, *args: Any, names_a_role: bool = True) -> None:
        apply(self, *args, names_a_role=True)

    monkeypatch.setattr(Ordering, "apply", search_all)
    assert render(arch) == skipped
