"""Properties of the model over random edit sequences: a refused edit changes nothing, every design reached
keeps the invariants, and every design reached saves and reloads to the same bytes."""

from __future__ import annotations

import contextlib
import ipaddress

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archbuilder.catalog import ConnectionKind
from archbuilder.model import (
    Architecture,
    InvariantError,
    ServiceNode,
    SubnetNode,
    VpcNode,
    dumps,
    loads,
)
from archbuilder.model.containment import containment_error
from tests.model.builders import two_az_network

SERVICE_TYPES = ["ec2_instance", "alb", "rds_instance", "s3_bucket", "nat_gateway", "lambda_function"]
COORD = st.floats(min_value=-50, max_value=900, allow_nan=False, allow_infinity=False)


def _pick(data: st.DataObject, choices: list[str]) -> str | None:
    return data.draw(st.sampled_from(sorted(choices))) if choices else None


def _edit(arch: Architecture, data: st.DataObject) -> None:
    """One edit drawn at random, any of which the model may refuse."""
    nodes = list(arch.nodes)
    containers = [i for i, n in arch.nodes.items() if not isinstance(n, ServiceNode)]
    services = [s.id for s in arch.services()]
    subnets = [i for i, n in arch.nodes.items() if isinstance(n, SubnetNode)]
    action = data.draw(
        st.sampled_from(["add", "move", "reparent", "label", "remove", "connect", "extra", "cidr"])
    )
    if action == "add":
        parent = data.draw(st.sampled_from([None, *sorted(containers)]))
        arch.add_service(
            data.draw(st.sampled_from(SERVICE_TYPES)), parent, x=data.draw(COORD), y=data.draw(COORD)
        )
    elif action == "move" and nodes:
        arch.move_node(_pick(data, nodes) or "", data.draw(COORD), data.draw(COORD))
    elif action == "reparent" and nodes:
        parent = data.draw(st.sampled_from([None, *sorted(containers)]))
        arch.reparent_node(_pick(data, nodes) or "", parent, data.draw(COORD), data.draw(COORD))
    elif action == "label" and nodes:
        arch.set_label(_pick(data, nodes) or "", data.draw(st.text(min_size=1, max_size=30)))
    elif action == "remove" and nodes:
        arch.remove_node(_pick(data, nodes) or "")
    elif action == "connect" and len(services) > 1:
        source, target = data.draw(st.lists(st.sampled_from(sorted(services)), min_size=2, max_size=2))
        arch.connect(source, target, data.draw(st.sampled_from(list(ConnectionKind))))
    elif action == "extra" and services:
        chosen = data.draw(st.lists(st.sampled_from(sorted(subnets)), max_size=3)) if subnets else []
        arch.set_extra_subnets(_pick(data, services) or "", chosen)
    elif action == "cidr" and subnets:
        third = data.draw(st.integers(min_value=0, max_value=8))
        arch.set_container_field(_pick(data, subnets) or "", "cidr", f"10.0.{third}.0/24")


def _assert_invariants(arch: Architecture) -> None:
    for node in arch.nodes.values():
        parent = arch.nodes.get(node.parent_id) if node.parent_id else None
        assert node.parent_id is None or parent is not None
        assert containment_error(arch.catalog, node, parent) is None
        if isinstance(node, ServiceNode):
            assert all(isinstance(arch.nodes.get(s), SubnetNode) for s in node.extra_subnet_ids)
    for vpc in (n for n in arch.nodes.values() if isinstance(n, VpcNode)):
        networks = [
            ipaddress.IPv4Network(s.cidr) for s in arch.descendants(vpc.id) if isinstance(s, SubnetNode)
        ]
        assert all(n.subnet_of(ipaddress.IPv4Network(vpc.cidr)) for n in networks)
        assert not any(a.overlaps(b) for i, a in enumerate(networks) for b in networks[i + 1 :])
    for connection in arch.connections.values():
        assert isinstance(arch.nodes.get(connection.source_id), ServiceNode)
        assert isinstance(arch.nodes.get(connection.target_id), ServiceNode)
        assert connection.source_id != connection.target_id


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_edits_keep_invariants_and_refusals_change_nothing(data: st.DataObject) -> None:
    arch = two_az_network()
    for _ in range(data.draw(st.integers(min_value=1, max_value=25))):
        before = dumps(arch)
        try:
            _edit(arch, data)
        except InvariantError:
            assert dumps(arch) == before
        _assert_invariants(arch)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_every_design_reached_saves_and_reloads_to_the_same_bytes(data: st.DataObject) -> None:
    arch = two_az_network()
    for _ in range(data.draw(st.integers(min_value=1, max_value=25))):
        with contextlib.suppress(InvariantError):
            _edit(arch, data)
    text = dumps(arch)
    again = loads(text.encode("utf-8"), "round trip")
    assert dumps(again) == text
    assert (dict(again.nodes), dict(again.connections)) == (dict(arch.nodes), dict(arch.connections))
