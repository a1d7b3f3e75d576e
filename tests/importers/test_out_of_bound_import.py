"""Out-of-bound values for the bounded catalog properties that tests/importers/test_property_import.py cannot set at
a plain path: those read by a reader of their own (listeners, scaling policies, methods, lifecycle policies) or
through a mapping (a scale, a join, a list's first item). Each is read as written, written back unchanged and
reported, never replaced by the catalog's default.

A value is put into the template where the reader finds it (INJECT) or, where the export writes the design's
value as it is, given to the design and exported. Choices a template says only by its structure (which key is
present) cannot be out of the catalog's range, and are listed with why (STRUCTURAL)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from archbuilder.catalog import PropertySpec, default_catalog
from archbuilder.catalog.service_type import PropertyType
from archbuilder.exporters.cloudformation.source_template import cloudformation_template
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.terraform.files import render
from archbuilder.importers.cloudformation import import_template
from archbuilder.validation import validate
from tests.exporters.test_property_coverage import (
    BASE,
    DESIGN_ONLY,
    NOT_YET_WRITTEN,
    design,
    exported_types,
    other_value,
)
from tests.importers.test_property_import import BOUNDED, NOT_READ, READ, outside, put, subject_id

LISTENER = "AWS::ElasticLoadBalancingV2::Listener"


def _keep_last(count: Any) -> dict[str, Any]:
    rule = {
        "rulePriority": 1,
        "selection": {"tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": count},
        "action": {"type": "expire"},
    }
    return {"LifecyclePolicyText": json.dumps({"rules": [rule]})}


# (type, property) -> (the resource holding it, None for the service's own; its path; the template value
# for a property value).
Inject = tuple[str | None, str, Callable[[Any], Any]]
INJECT: dict[tuple[str, str], Inject] = {
    ("alb", "listener_port"): (LISTENER, "Port", lambda v: v),
    ("alb", "listener_protocol"): (LISTENER, "Protocol", lambda v: v),
    ("nlb", "listener_port"): (LISTENER, "Port", lambda v: v),
    ("nlb", "listener_protocol"): (LISTENER, "Protocol", lambda v: v),
    ("clb", "listener_port"): (None, "Listeners[0].LoadBalancerPort", lambda v: v),
    ("clb", "listener_protocol"): (None, "Listeners[0].Protocol", lambda v: v),
    ("api_gateway_rest", "authorization"): ("AWS::ApiGateway::Method", "AuthorizationType", lambda v: v),
    ("autoscaling_group", "target_cpu_percent"): (
        "AWS::AutoScaling::ScalingPolicy",
        "TargetTrackingConfiguration.TargetValue",
        lambda v: v,
    ),
    ("elasticache_cluster", "num_nodes"): (None, "NumCacheClusters", lambda v: v),
    ("sagemaker_endpoint", "max_instance_count"): (
        "AWS::ApplicationAutoScaling::ScalableTarget",
        "MaxCapacity",
        lambda v: v,
    ),
    ("ecr_repository", "lifecycle_keep_last"): (None, "LifecyclePolicy", _keep_last),
}
STRUCTURAL = {
    ("aurora_cluster", "capacity_mode"): "said by whether ServerlessV2ScalingConfiguration is present",
    ("direct_connect", "connection_type"): (
        "said by whether the template orders a connection (dedicated) or leaves it to a partner (hosted)"
    ),
    (
        "route53_zone",
        "routing_policy",
    ): "said by which routing key (Weight, Region, Failover...) the records carry",
    ("waf_web_acl", "default_action"): "said by which key (Allow or Block) DefaultAction holds",
    (
        "msk_cluster",
        "client_authentication",
    ): "said by which key (Sasl.Iam, Sasl.Scram, Tls) ClientAuthentication holds",
}


def bounded(spec: PropertySpec) -> bool:
    enum = spec.type is PropertyType.ENUM and len(spec.values) > 1
    return enum or spec.minimum is not None or spec.maximum is not None


OTHERS = [
    (service.id, spec.name)
    for service in default_catalog()
    for spec in service.properties
    if bounded(spec)
    and (service.id, spec.name) in READ
    and (service.id, spec.name) not in BOUNDED
    and (service.id, spec.name) not in STRUCTURAL
]


def outside_value(type_id: str, name: str) -> Any:
    """Out of the catalog's range or choices, in the case the template writes its choices in."""
    spec = default_catalog().get(type_id).property_spec(name)
    assert spec is not None
    if spec.type is PropertyType.ENUM and all(v.isupper() for v in spec.values):
        return f"{spec.values[0]}_RETIRED"
    return outside(type_id, name)


def template_with(type_id: str, name: str, value: Any) -> dict[str, Any]:
    spec = default_catalog().get(type_id).property_spec(name)
    assert spec is not None
    arch = design(type_id, {**BASE.get((type_id, name), {}), name: other_value(type_id, spec)})
    if (type_id, name) not in INJECT:
        arch.set_property("subject", name, value, as_written=True)  # the export writes the value as it is
        return build_template(arch)
    template = build_template(arch)
    kind, path, written = INJECT[(type_id, name)]
    owner = "Subject"
    if kind is not None:
        owner = next(n for n, b in template["Resources"].items() if b["Type"] == kind)
    put(template["Resources"][owner]["Properties"], path, written(value))
    return template


@pytest.mark.parametrize(("type_id", "name"), OTHERS, ids=[f"{t}.{n}" for t, n in OTHERS])
def test_a_value_outside_the_catalog_read_by_a_reader_survives_export_and_raises_a_finding(
    type_id: str, name: str, tmp_path: Path
) -> None:
    spec = default_catalog().get(type_id).property_spec(name)
    assert spec is not None
    value = outside_value(type_id, name)
    template = template_with(type_id, name, value)
    path = tmp_path / "template.json"
    path.write_text(json.dumps(template))
    imported, report = import_template(path)
    node_id = subject_id(imported)
    assert imported.service(node_id).properties[name] == value
    assert any(f"{spec.label or name} {value!r} is outside the catalog" in w for w in report.warnings)
    assert cloudformation_template(imported) == template
    render(imported)  # Terraform writes it too, without refusing
    findings = validate(imported).findings
    mine = [(f.rule_id, f.node_ids) for f in findings if f.rule_id in ("LIM-090", "LIM-091")]
    # An error where AWS sets the limit on a number (the catalog cites it), a warning otherwise.
    hard = spec.limit_source is not None and spec.type is not PropertyType.ENUM
    assert mine == [("LIM-090" if hard else "LIM-091", (node_id,))]


def test_every_bounded_property_is_tested_or_says_why_not() -> None:
    """Each bounded property of an exported type is fed an out-of-bound value by one of the two tests, or is
    listed: a choice said by structure, a property no template says, or one the export does not write yet."""
    untested = (
        {
            (service.id, spec.name)
            for service in map(default_catalog().get, exported_types())
            for spec in service.properties
            if bounded(spec)
        }
        - set(BOUNDED)
        - set(OTHERS)
    )
    explained = set(STRUCTURAL) | set(DESIGN_ONLY) | set(NOT_YET_WRITTEN) | set(NOT_READ)
    assert untested - explained == set()
    assert set(INJECT) <= set(OTHERS)
