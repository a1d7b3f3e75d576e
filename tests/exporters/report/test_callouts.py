"""The diagram's numbered callouts sit at the nodes of the top actions and carry the actions' numbers."""

from __future__ import annotations

import io
import re

from PIL import Image

from archbuilder.exporters.diagram.callouts import COLOURS, RADIUS, Box, node_boxes
from archbuilder.exporters.report.gather import diagram_callouts
from tests.exporters.report.support import mvp_review

CIRCLE = re.compile(
    r'<g class="callout"><circle cx="([\d.-]+)" cy="([\d.-]+)" r="[\d.]+" fill="(#[0-9a-f]+)".*?>(\d+)</text></g>'
)


def test_every_top_action_has_a_callout_on_each_service_it_touches() -> None:
    review, architecture = mvp_review()
    assert review.diagram is not None
    svg = review.diagram.svg.decode("utf-8")
    circles = [(float(x), float(y), fill, int(n)) for x, y, fill, n in CIRCLE.findall(svg)]
    expected = [
        (node, a.number) for a in review.top_actions for node in a.node_ids if node in review.diagram.boxes
    ]
    assert len(circles) == len(expected) == sum(len(a.node_ids) for a in review.top_actions)
    step = 2.3 * RADIUS  # the distance between the centres of a node's callouts

    def at_corner(box: Box) -> list[tuple[float, float, str, int]]:
        """The callouts around a node's top-right corner: along its top edge, then down its right edge."""
        right, top = box.x + box.width, box.y
        return [
            c
            for c in circles
            if right - 2 * step - 0.2 <= c[0] <= right + 0.2 and top - 0.2 <= c[1] <= top + 2 * step + 0.2
        ]

    for node_id, number in expected:
        box: Box = review.diagram.boxes[node_id]
        action = review.top_actions[number - 1]
        matches = [c for c in at_corner(box) if c[3] == number]
        assert len(matches) == 1 and matches[0][2] == COLOURS[action.risk], (node_id, number)
    # Four of the five top actions touch the database: three numbers read left to right along the icon's top edge,
    # ending on its corner, and the fourth sits below the corner, clear of the connection coming in from the left.
    box = review.diagram.boxes["db"]
    right, top = box.x + box.width, box.y
    assert [a.number for a in review.top_actions if "db" in a.node_ids] == [2, 3, 4, 5]
    db = {c[3]: (c[0], c[1]) for c in at_corner(box)}
    wanted = {2: (right - 2 * step, top), 3: (right - step, top), 4: (right, top), 5: (right, top + step)}
    assert db.keys() == wanted.keys()
    for number, (x, y) in wanted.items():
        assert abs(db[number][0] - x) < 0.2 and abs(db[number][1] - y) < 0.2, number
    assert set(diagram_callouts(review.top_actions)) == {n for a in review.top_actions for n in a.node_ids}
    assert architecture.nodes["db"].label == "App database"


def test_the_png_carries_the_same_callouts_in_the_risk_colour() -> None:
    review, _architecture = mvp_review()
    assert review.diagram is not None
    image = Image.open(io.BytesIO(review.diagram.png)).convert("RGB")
    plain = Image.open(io.BytesIO(review.diagram.plain_png)).convert("RGB")
    assert image.size == plain.size
    scale = image.width / review.diagram.size[0]
    svg = review.diagram.svg.decode("utf-8")
    for x, y, fill, _n in CIRCLE.findall(svg):
        # Inside the disc, right of the number: the risk's colour on the callout PNG, the drawing on the plain one.
        point = (round((float(x) + 0.65 * RADIUS) * scale), round(float(y) * scale))
        colour = tuple(int(fill[i : i + 2], 16) for i in (1, 3, 5))
        assert image.getpixel(point) == colour
        assert plain.getpixel(point) != colour


def test_node_boxes_are_read_from_the_svg_graphviz_writes() -> None:
    review, architecture = mvp_review()
    assert review.diagram is not None
    boxes, size = node_boxes(review.diagram.svg)
    assert boxes == review.diagram.boxes and size == review.diagram.size
    services = {s.id for s in architecture.services()}
    assert services <= set(boxes)  # every service, and the containers
    assert {"region", "vpc", "az-a", "public-a"} <= set(boxes)
    for service in architecture.services():  # each icon is drawn inside the box of its container
        box, parent = boxes[service.id], boxes.get(service.parent_id or "")
        assert box.width == box.height > 0
        if parent is not None:
            assert parent.x <= box.x and box.x + box.width <= parent.x + parent.width
            assert parent.y <= box.y and box.y + box.height <= parent.y + parent.height
