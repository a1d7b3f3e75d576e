"""How the diagram exports look: AWS group styles, text colours, and which icon each service or actor gets."""

from __future__ import annotations

from dataclasses import dataclass, field

TEXT = "#232F3E"
MUTED = "#687078"
EDGE_COLOUR = "#545B64"


@dataclass(frozen=True)
class GroupLook:
    text: str
    icon: str  # under the diagrams package's resources/aws/, "" for none
    cluster: dict[str, str] = field(default_factory=dict)
    drawio: str = ""


GROUPS: dict[str, GroupLook] = {
    "cloud": GroupLook(TEXT, "aws.png", {"style": "solid", "color": "#232F3E", "penwidth": "1.5"}),
    "region": GroupLook("#147EBA", "", {"style": "dashed", "color": "#147EBA", "penwidth": "1.5"}),
    "vpc": GroupLook("#248814", "network/vpc.png", {"style": "solid", "color": "#248814", "penwidth": "2"}),
    "az": GroupLook("#147EBA", "", {"style": "dashed", "color": "#147EBA", "penwidth": "1.2"}),
    "public": GroupLook(
        "#248814",
        "network/public-subnet.png",
        {"style": "filled", "color": "#7AA116", "fillcolor": "#F2F6E8", "penwidth": "1.2"},
    ),
    "private": GroupLook(
        "#147EBA",
        "network/private-subnet.png",
        {"style": "filled", "color": "#00A4A6", "fillcolor": "#E6F6F7", "penwidth": "1.2"},
    ),
}


def fallback_tile() -> dict[str, str]:
    """A neutral rounded tile where a service has no icon."""
    return {"shape": "box", "style": "filled,rounded", "fillcolor": "#7D8998", "color": "#7D8998"}
