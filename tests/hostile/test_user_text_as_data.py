"""Property: user text anywhere in a design either is refused at the model boundary for the reason the text
rules give, or reaches every export only as data — each export still parses (YAML with the CloudFormation
tags, JSON, HCL, draw.io XML, DOT through graphviz to SVG, HTML, Markdown), its structure is that of the same
design with plain text, and the text is found among its data wherever the plain text was."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from archbuilder.model import InvariantError
from archbuilder.model.text import name_error, text_error
from tests.hostile.user_text import PLACES, Reading, design, exports, kept_as_data, squash

PLAIN = "Placeholder"

# Pieces of text that mean something to one of the writers' languages, mixed with arbitrary text.
FRAGMENTS = [
    "\n",
    "\r\n",
    "\nTransform: AWS::Include\n",
    '"\nresource "aws_iam_user" "x" {}\n# ',
    "# ",
    ": ",
    "- ",
    "---",
    "'",
    '"',
    "\\",
    "\\n",
    "${var.region}",
    "${AWS::Region}",
    "%{ if true }x%{ endif }",
    "$${",
    "<b>",
    "</td></tr></table><script>alert(1)</script>",
    "&amp;",
    "&#10;",
    "&",
    "<!--",
    "]]>",
    "*alias",
    "&anchor",
    "!Ref Other",
    "{",
    "}",
    "[link](javascript:x)",
    "|",
    ">",
    "\t",
    "\x85",
    "\u2028",
    "\x00",
    "\x1b[31m",
    "é",
    "店",
    "🛒",
    " ",
    "EOF\n",
    "label=<x>",
    "];",
    "->",
    "\\N \\G \\L",
    "1. ",
    "=",
]
hostile_text = (
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), min_size=1, max_size=6)
    .map("".join)
    .filter(bool)
)  # an empty description is no description, a change of structure


@cache
def plain_exports(place: str, folder: str) -> dict[str, Reading]:
    return exports(design(place, PLAIN), Path(folder))


@pytest.fixture(scope="module")
def plain_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("plain")


@pytest.mark.parametrize("place", list(PLACES))
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile_text)
@example(text="\nTransform: AWS::Include\nResources: {}")
@example(text='x"\nresource "aws_iam_user" "x" {}\n#')
@example(text="<script>alert(1)</script> &amp; ${var.region} %{ if true }")
@example(text="a\u2028b\x85c")
@example(text="'#: &a *a !Ref X [x](y) | --- \\N")
@example(text="--- ")
@example(text="1. first")
def test_user_text_reaches_every_export_only_as_data(
    place: str, text: str, plain_folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    rule = name_error if PLACES[place] == "name" else text_error
    try:
        arch = design(place, text)
    except (InvariantError, ValueError) as exc:
        assert rule(text) is not None, f"{place}: {text!r} was refused though the text rules accept it: {exc}"
        assert "at character" in str(exc)
        return
    assert rule(text) is None, f"{place}: {text!r} was accepted though the text rules refuse it"
    plain = plain_exports(place, str(plain_folder / place.replace(" ", "-")))
    hostile = exports(arch, tmp_path_factory.mktemp("hostile"))
    assert list(hostile) == list(plain)
    for fmt, reading in hostile.items():
        assert reading.structure == plain[fmt].structure, f"{fmt}: the text changed the structure"
        if any(PLAIN in squash(value) for value in plain[fmt].data):
            assert kept_as_data(text, reading.data), f"{fmt}: text not kept as data"


# Where each place's text shows: the property above checks the text as data in exactly these exports.
REACHES = {
    "design name": ["yaml", "json", "hcl", "drawio", "dot", "html", "markdown"],
    "description": ["yaml", "json", "hcl", "html", "markdown"],
    "region label": ["drawio", "dot", "html", "markdown"],
    "vpc label": ["yaml", "json", "hcl", "drawio", "dot", "html", "markdown"],
    "subnet label": ["yaml", "json", "hcl", "drawio", "dot", "html", "markdown"],
    "service label": ["yaml", "json", "hcl", "drawio", "dot", "html", "markdown"],
    "connection label": ["drawio", "dot"],
    "user data": ["yaml", "json", "hcl"],
    "key name": ["yaml", "json", "hcl"],
    "suppression reason": ["html", "markdown"],
    "parameter": ["yaml", "json", "hcl"],
    "output": ["yaml", "json", "hcl"],
}


@pytest.mark.parametrize("place", list(PLACES))
def test_each_place_reaches_the_exports_that_show_it(place: str, plain_folder: Path) -> None:
    readings = plain_exports(place, str(plain_folder / place.replace(" ", "-")))
    shown = [fmt for fmt, reading in readings.items() if any(PLAIN in squash(v) for v in reading.data)]
    assert shown == REACHES[place]
