"""The flow graph is filled through networkx's adjacency dicts for speed; it must equal the graph the public API
builds, so a change in networkx's internals shows up here rather than as wrong findings."""

from __future__ import annotations

import networkx as nx

from archbuilder.catalog import ConnectionKind as K
from archbuilder.graph import INTERNET, build
from tests.model.builders import two_az_network


def _public_api_copy(graph: nx.DiGraph) -> nx.DiGraph:
    copy: nx.DiGraph = nx.DiGraph()
    copy.add_nodes_from(graph.nodes(data=True))
    copy.add_edges_from(graph.edges(data=True))
    return copy


def test_flow_graph_equals_one_built_with_the_public_api() -> None:
    arch = two_az_network()
    arch.add_service("internet_gateway", "vpc", node_id="igw")
    arch.add_service("alb", "public-a", node_id="alb", label="Web", properties={"internet_facing": True})
    arch.add_service("ec2_instance", "private-a", node_id="app", label="App")
    arch.add_service("sqs_queue", "region", node_id="queue", label="Jobs")
    arch.connect("alb", "app", K.TRAFFIC, port=80, connection_id="c1")
    arch.connect("app", "queue", K.WRITE, connection_id="c2")
    arch.connect("app", "queue", K.READ, connection_id="c3")
    flow = build(arch).flow

    assert dict(flow.nodes(data=True)) == {
        INTERNET: {"label": "Internet"},
        "alb": {"type": "alb", "label": "Web"},
        "app": {"type": "ec2_instance", "label": "App"},
        "igw": {"type": "internet_gateway", "label": "IGW"},
        "queue": {"type": "sqs_queue", "label": "Jobs"},
    }
    assert sorted(flow.edges) == [("alb", "app"), ("app", "queue"), (INTERNET, "alb")]
    assert flow.edges["app", "queue"] == {"kinds": {K.WRITE, K.READ}, "connections": ["c2", "c3"]}
    assert flow.edges[INTERNET, "alb"] == {"kinds": {K.TRAFFIC}, "connections": [], "via": "igw"}
    assert sorted(flow.predecessors("queue")) == ["app"]
    assert list(flow.successors("queue")) == []

    reference = _public_api_copy(flow)
    assert nx.utils.graphs_equal(flow, reference)
    assert dict(flow.pred) == dict(reference.pred)
    assert dict(flow.succ) == dict(reference.succ)
    assert flow.number_of_edges() == reference.number_of_edges() == 3
    assert flow.in_degree("queue") == 1 and flow.out_degree("app") == 1
    assert nx.has_path(flow, INTERNET, "queue")
