"""A connection's bends are kept relative to the innermost container of both its ends, follow its ends when
they move, and documents that kept them in scene coordinates (`waypoints`) load with them where they were."""

from __future__ import annotations

import json

import pytest

from archbuilder.model import DocumentError, dumps, loads
from archbuilder.model.bends import BendFollower, absolute_bends, followed, frame_of, origin
from tests.canvas.support import network

BENDS = ((370.0, 760.0), (560.0, 760.0))  # in the scene, under app-a and app-b


def _bent_network():
    arch = network()
    arch.connect("app-a", "app-b", "traffic", connection_id="app-a-to-app-b")
    return arch


def test_the_frame_is_the_innermost_container_of_both_ends() -> None:
    arch = _bent_network()
    assert frame_of(arch, "app-a", "app-b") == "vpc"
    assert frame_of(arch, "app-a", "db") == "private-a"
    assert frame_of(arch, "alb", "app-a") == "az-a"
    assert frame_of(arch, "assets", "app-a") == "region"
    assert (origin(arch, "vpc"), origin(arch, None)) == ((60.0, 160.0), (0.0, 0.0))


def _legacy_document(connection: dict) -> str:
    data = json.loads(dumps(_bent_network()))
    data["connections"] = [c for c in data["connections"] if c["id"] != "app-a-to-app-b"] + [connection]
    return json.dumps(data)


def test_a_document_with_bends_in_scene_coordinates_loads_them_where_they_were() -> None:
    legacy = {"id": "app-a-to-app-b", "source_id": "app-a", "target_id": "app-b", "kind": "traffic"}
    legacy["waypoints"] = [list(point) for point in BENDS]
    arch = loads(_legacy_document(legacy), catalog=network().catalog)
    connection = arch.connection("app-a-to-app-b")
    assert (connection.bends, connection.waypoints) == (((310.0, 600.0), (500.0, 600.0)), ())
    assert absolute_bends(arch, connection) == BENDS
    saved = json.loads(dumps(arch))
    [written] = [c for c in saved["connections"] if c["id"] == "app-a-to-app-b"]
    assert written == {
        "bends": [[310.0, 600.0], [500.0, 600.0]],
        "id": "app-a-to-app-b",
        "kind": "traffic",
        "label": "",
        "port": None,
        "protocol": None,
        "source_id": "app-a",
        "target_id": "app-b",
    }


def test_a_document_with_both_forms_of_bends_is_refused_with_the_place() -> None:
    both = {"id": "app-a-to-app-b", "source_id": "app-a", "target_id": "app-b", "kind": "traffic"}
    both |= {"waypoints": [[1.0, 2.0]], "bends": [[3.0, 4.0]]}
    with pytest.raises(DocumentError) as raised:
        loads(_legacy_document(both), "old.arch.json", catalog=network().catalog)
    assert str(raised.value) == (
        "old.arch.json: connection 'app-a-to-app-b': it has both bends and waypoints (the older form of bends); "
        "keep one"
    )
    missing = {"id": "app-a-to-app-b", "source_id": "app-a", "target_id": "gone", "waypoints": [[1.0, 2.0]]}
    with pytest.raises(DocumentError) as raised:
        loads(_legacy_document(missing), "old.arch.json", catalog=network().catalog)
    assert str(raised.value) == "old.arch.json: connection 'app-a-to-app-b': there is no node with id 'gone'"


def test_bends_follow_ends_moved_together_exactly_and_one_end_by_their_place_along_the_route() -> None:
    ends = ((0.0, 0.0), (100.0, 0.0))
    bends = [(0.0, 50.0), (100.0, 50.0)]
    assert followed(bends, ends, ((10.0, 5.0), (10.0, 5.0))) == [(10.0, 55.0), (110.0, 55.0)]
    # Route lengths 50, 100, 50: the first bend is a quarter of the way, the second three quarters, and the
    # horizontal line through both is taken at its middle, halfway.
    assert followed(bends, ends, ((0.0, 0.0), (40.0, 20.0))) == [(10.0, 60.0), (130.0, 60.0)]


def test_a_move_into_another_container_keeps_the_bends_in_the_scene_relative_to_the_new_frame() -> None:
    arch = _bent_network()
    arch.update_connection("app-a-to-app-b", "bends", ((310.0, 600.0), (500.0, 600.0)))
    follower = BendFollower(arch, ["app-b"])
    arch.reparent_node("app-b", "public-a", 220.0, 60.0)  # from private-b (AZ b) to public-a (AZ a)
    [(connection_id, bends)] = follower.after().items()
    assert connection_id == "app-a-to-app-b" and frame_of(arch, "app-a", "app-b") == "az-a"
    # app-b's centre went from (648, 602) to (368, 362) in the scene; az-a's corner is at (80, 210).
    expected = followed(BENDS, ((188.0, 602.0), (648.0, 602.0)), ((0.0, 0.0), (-280.0, -240.0)))
    assert bends == tuple((x - 80.0, y - 210.0) for x, y in expected)
    assert follower.bends == {"app-a-to-app-b": ((310.0, 600.0), (500.0, 600.0))}
