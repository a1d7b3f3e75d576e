"""Property: any design the model accepts saves, loads and saves again to the same bytes — random containers,
services of every catalog type with random valid property values, connections, suppressions, rule settings,
and any text the text rules accept, at any position on the canvas."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archbuilder.catalog import ParentKind, PropertySpec, PropertyType, ServiceType, default_catalog
from archbuilder.model import (
    Architecture,
    AvailabilityZoneNode,
    Environment,
    InvariantError,
    RegionNode,
    RuleSetting,
    SubnetNode,
    Suppression,
    VpcNode,
    dumps,
    loads,
)
from archbuilder.model.containment import parent_kind_of
from archbuilder.model.text import name_error, text_error

CATALOG = default_catalog()
SERVICE_TYPES = sorted(CATALOG, key=lambda t: t.id)

# Drawn from the characters the text rules accept, so few draws are thrown away.
names = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=40).filter(
    lambda t: name_error(t) is None
)
free_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x0b\x0c\x7f"), max_size=60
).filter(lambda t: text_error(t) is None)
coordinates = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
sizes = st.floats(min_value=1, max_value=1e5, allow_nan=False, allow_infinity=False)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | free_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(free_text, inner, max_size=3),
    max_leaves=8,
)


def property_values(spec: PropertySpec) -> st.SearchStrategy[Any]:
    low = spec.minimum if spec.minimum is not None else -(2**31)
    high = spec.maximum if spec.maximum is not None else 2**31
    match spec.type:
        case PropertyType.STRING:
            return free_text
        case PropertyType.INTEGER:
            return st.integers(int(low), int(high))
        case PropertyType.NUMBER:
            return st.floats(low, high, allow_nan=False, allow_infinity=False)
        case PropertyType.BOOLEAN:
            return st.booleans()
        case PropertyType.ENUM:
            return st.sampled_from(spec.values)
        case PropertyType.CIDR:
            return st.sampled_from(["10.0.0.0/16", "0.0.0.0/0", "192.168.1.0/24"])
        case PropertyType.STRING_LIST:
            return st.lists(free_text, max_size=3)
        case PropertyType.INGRESS_RULES:
            rule = st.fixed_dictionaries(
                {"protocol": st.sampled_from(["tcp", "udp"]), "from_port": st.integers(0, 65535)},
                optional={"cidr": st.sampled_from(["0.0.0.0/0", "10.0.0.0/8"]), "description": free_text},
            ).map(lambda r: {**r, "to_port": r["from_port"]})
            return st.lists(rule, max_size=2)
        case _:
            return st.dictionaries(free_text, json_values, max_size=3)


@st.composite
def containers(draw: st.DrawFn, arch: Architecture) -> None:
    for r in range(draw(st.integers(1, 2))):
        region = draw(st.sampled_from(["us-east-1", "eu-west-1", "ap-southeast-2"]))
        geometry = {
            "x": draw(coordinates),
            "y": draw(coordinates),
            "width": draw(sizes),
            "height": draw(sizes),
        }
        arch.add_node(RegionNode(id=f"region-{r}", label=draw(names), region=region, **geometry))
        for v in range(draw(st.integers(1, 2))):
            vpc = f"vpc-{r}-{v}"
            arch.add_node(
                VpcNode(id=vpc, label=draw(names), parent_id=f"region-{r}", cidr=f"10.{r * 2 + v}.0.0/16")
            )
            for a in range(draw(st.integers(1, 2))):
                az = f"az-{r}-{v}-{a}"
                zone = region + "abc"[a]
                arch.add_node(AvailabilityZoneNode(id=az, label=draw(names), parent_id=vpc, zone=zone))
                for s in range(draw(st.integers(1, 2))):
                    arch.add_node(
                        SubnetNode(
                            id=f"subnet-{r}-{v}-{a}-{s}",
                            label=draw(names),
                            parent_id=az,
                            cidr=f"10.{r * 2 + v}.{a * 2 + s}.0/24",
                            tier=draw(st.sampled_from(["public", "private"])),
                            x=draw(coordinates),
                            y=draw(coordinates),
                        )
                    )


def _places(arch: Architecture, service: ServiceType) -> list[str | None]:
    places: list[str | None] = [None] if ParentKind.ROOT in service.allowed_parents else []
    places += [
        node.id
        for node in arch.nodes.values()
        if node.kind != "service" and parent_kind_of(node) in service.allowed_parents
    ]
    return places


@st.composite
def designs(draw: st.DrawFn) -> Architecture:
    arch = Architecture()
    arch.set_metadata("name", draw(names))
    arch.set_metadata("description", draw(free_text))
    arch.set_metadata("environment", draw(st.sampled_from(list(Environment))))
    draw(containers(arch))
    for _ in range(draw(st.integers(2, 10))):
        service = draw(st.sampled_from(SERVICE_TYPES))
        places = _places(arch, service)
        if not places:
            continue
        chosen = [
            spec
            for spec in service.properties
            if spec.type is not PropertyType.OBJECT and draw(st.booleans())
        ]
        properties = {spec.name: draw(property_values(spec)) for spec in chosen}
        try:
            arch.add_service(
                service.id, draw(st.sampled_from(places)), label=draw(names) or None, properties=properties,
                x=draw(coordinates), y=draw(coordinates),
            )  # fmt: skip
        except InvariantError:
            continue  # a value within the spec that a rule across properties refuses
    services = sorted(arch.services(), key=lambda s: s.id)
    for _ in range(draw(st.integers(0, 4)) if len(services) > 1 else 0):
        source, target = draw(st.sampled_from(services)), draw(st.sampled_from(services))
        accepted = CATALOG.get(target.type).accepts
        if source.id == target.id or not accepted:
            continue
        try:
            arch.connect(
                source.id, target.id, draw(st.sampled_from(accepted)), label=draw(names),
                port=draw(st.none() | st.integers(0, 65535)),
            )  # fmt: skip
        except InvariantError:
            continue  # the same pair and kind twice
    for rule_id in draw(st.lists(st.sampled_from(["SEC-001", "REL-001", "COST-008"]), unique=True)):
        reason = draw(free_text.filter(lambda t: len(t) >= 3 and t.strip()))
        arch.add_suppression(
            Suppression(rule_id=rule_id, node_ids=tuple(s.id for s in services[:1]), reason=reason)
        )
        arch.set_rule_setting(rule_id, RuleSetting(enabled=draw(st.booleans()), severity="warning"))
    return arch


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arch=designs())
def test_a_design_saves_loads_and_saves_to_the_same_bytes(arch: Architecture) -> None:
    first = dumps(arch)
    again = loads(first, "random.arch.json")
    assert dumps(again) == first
    assert {n.id: n.model_dump() for n in again.nodes.values()} == {
        n.id: n.model_dump() for n in arch.nodes.values()
    }
