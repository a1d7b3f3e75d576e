"""User text at the model boundary: names are one line of visible text, free text has no control characters
but tabs and line breaks, and nothing holds a lone surrogate. Each refusal says which character and where."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from archbuilder.model import (
    Architecture,
    Connection,
    DocumentError,
    InvariantError,
    ServiceNode,
    dumps,
    loads,
)
from archbuilder.model.nodes import RegionNode
from archbuilder.model.text import data_text_error, name_error, text_error
from tests.model.builders import two_az_network

# The characters the review found breaking YAML, HCL, DOT or XML when they reached a design name.
BREAKING = [
    ("\n", "a line break (U+000A)"),
    ("\r", "a carriage return (U+000D)"),
    ("\x85", "a line break (NEL) (U+0085)"),
    ("\u2028", "a line separator (U+2028)"),
    ("\u2029", "a paragraph separator (U+2029)"),
    ("\x00", "a NUL character (U+0000)"),
    ("\x0b", "a control character (U+000B)"),
    ("\x0c", "a control character (U+000C)"),
    ("\x1b", "an escape character (U+001B)"),
    ("\t", "a tab (U+0009)"),
    ("\u202e", "a bidirectional control (U+202E)"),
    ("\ud800", "a lone surrogate (U+D800)"),
]


@pytest.mark.parametrize(("char", "described"), BREAKING)
def test_a_design_name_with_a_breaking_character_is_refused_saying_which_and_where(
    char: str, described: str
) -> None:
    arch = Architecture()
    with pytest.raises(InvariantError) as caught:
        arch.set_metadata("name", f"Shop{char}Transform: AWS::Include")
    assert str(caught.value) == (
        f"metadata › name: has {described} at character 5; a name is one line of visible text"
    )
    assert arch.metadata.name == "Untitled architecture"


def test_names_keep_any_visible_text() -> None:
    name = "Boutique « été » — 店舗 🛒 <b>&amp;</b> ${var.x} %{if} \"q\" 'a' \\ # : - [x] {y}"
    assert name_error(name) is None
    arch = two_az_network()
    arch.set_metadata("name", name)
    arch.set_label("vpc", name)
    assert (arch.metadata.name, arch.node("vpc").label) == (name, name)


def test_node_and_connection_labels_refuse_line_breaks() -> None:
    arch = two_az_network()
    with pytest.raises(InvariantError, match=r"^Main: has a line break \(U\+000A\) at character 2; a name"):
        arch.set_label("vpc", "A\nB")
    assert arch.node("vpc").label == "Main"
    with pytest.raises(ValueError, match=r"label\n.*has a carriage return \(U\+000D\) at character 1"):
        RegionNode(id="r", label="\rr")
    web = arch.add_service("ec2_instance", "public-a", label="Web")
    queue = arch.add_service("sqs_queue", "region", label="Jobs")
    with pytest.raises(ValueError, match=r"has a line separator \(U\+2028\) at character 5"):
        Connection(id="c", source_id=web.id, target_id=queue.id, kind="invoke", label="send\u2028x")


def test_free_text_keeps_line_breaks_and_tabs_but_refuses_other_control_characters() -> None:
    arch = Architecture()
    arch.set_metadata("description", "Line one\n\tLine two\r\nLine three")
    assert text_error(arch.metadata.description) is None
    with pytest.raises(InvariantError) as caught:
        arch.set_metadata("description", "red \x1b[31malert")
    assert str(caught.value) == "metadata › description: has an escape character (U+001B) at character 5"


def test_property_values_are_free_text_down_to_nested_keys_and_items() -> None:
    arch = two_az_network()
    web = arch.add_service("ec2_instance", "public-a", label="Web")
    arch.set_property(web.id, "user_data", "#!/bin/sh\necho ok\n")
    assert arch.service(web.id).properties["user_data"] == "#!/bin/sh\necho ok\n"
    with pytest.raises(
        InvariantError, match=r"^Web › User data: has a NUL character \(U\+0000\) at character 2$"
    ):
        arch.set_property(web.id, "user_data", "a\x00b")
    assert arch.service(web.id).properties["user_data"] == "#!/bin/sh\necho ok\n"
    assert data_text_error({"Tags": [{"Key": "k", "Value": "x\x07"}]}) == (
        "Tags[0] › Value: has a control character (U+0007) at character 2"
    )
    assert (
        data_text_error({"a": {"b\x1b": 1}})
        == "a: key 'b\\x1b' has an escape character (U+001B) at character 2"
    )
    with pytest.raises(ValueError, match=r"Policy › Statement\[0\]: has a lone surrogate"):
        ServiceNode(id="g", label="G", type="generic", properties={"Policy": {"Statement": ["\udc00"]}})


def _document_with(change: str) -> bytes:
    arch = two_az_network()
    arch.add_service("ec2_instance", "public-a", label="Web", node_id="web")
    data = json.loads(dumps(arch))
    target = next(n for n in data["nodes"] if n["id"] == "web")
    if change == "label":
        target["label"] = "Web\u2029x"
    elif change == "property":
        target["properties"]["user_data"] = "\x1b]0;owned\x07"
    elif change == "name":
        data["metadata"]["name"] = "Shop\r\nTransform: AWS::Include"
    elif change == "surrogate":
        data["metadata"]["description"] = "\udfff"
    return json.dumps(data).encode("utf-8", "surrogatepass").replace(b"\xed\xbf\xbf", b"\\udfff")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            "label",
            "x.arch.json: nodes[8] (id 'web') › label: has a paragraph separator (U+2029) at character 4",
        ),
        (
            "property",
            "x.arch.json: nodes[8] (id 'web') › properties: user_data: has an escape character (U+001B)",
        ),
        ("name", "x.arch.json: metadata › name: has a carriage return (U+000D) at character 5"),
        ("surrogate", "x.arch.json: metadata › description: has a lone surrogate (U+DFFF) at character 1"),
    ],
)
def test_loading_refuses_breaking_characters_naming_the_place(change: str, message: str) -> None:
    with pytest.raises(DocumentError) as caught:
        loads(_document_with(change), "x.arch.json")
    assert str(caught.value).startswith(message)


def test_a_region_or_zone_with_a_trailing_newline_is_not_a_region() -> None:
    with pytest.raises(ValueError, match=r"'us-east-1\\n' is not an AWS region name"):
        RegionNode(id="r", label="R", region="us-east-1\n")
    arch = two_az_network()
    with pytest.raises(InvariantError, match=r"'us-east-1a\\n' is not an availability zone name"):
        arch.set_container_field("az-a", "zone", "us-east-1a\n")


def test_cli_new_refuses_such_a_name_in_one_line_with_exit_2(tmp_path: Path) -> None:
    out = tmp_path / "shop.arch.json"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "archbuilder.cli.main",
            "new",
            "Shop\nTransform: AWS::Include",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "archbuilder: error: design name 'Shop\\nTransform: AWS::Include': has a line break (U+000A) "
        "at character 5; a name is one line of visible text\n"
    )
    assert not out.exists()
