"""The template writer (yaml_emitter.py) against the PyYAML emitter it replaced, on real and hostile content:
every bundled example's template, every corpus template as written by hand and as exported after import, and
hostile text (the fragments the user-text property test mixes, the HCL literals, the hostile templates'
sources, and all of them folded past the line width) placed as values, keys, list items and intrinsic
arguments. Each must come out byte for byte as PyYAML writes it and read back as the same template."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
import yaml

from archbuilder.exporters.cloudformation.source_template import cloudformation_template
from archbuilder.exporters.cloudformation.yaml_dump import dump_with_pyyaml, dump_yaml, short_forms
from archbuilder.exporters.cloudformation.yaml_emitter import Unsupported, emit
from archbuilder.importers.cfn_yaml import TAGS, load_template
from archbuilder.importers.cloudformation import import_template
from archbuilder.model import load
from archbuilder.resource_files import example_names, example_path
from tests.hostile.test_hcl_literals import TEXTS
from tests.hostile.test_user_text_as_data import FRAGMENTS
from tests.importers.hostile_templates import HOSTILE

_CORPUS = Path(__file__).parents[1] / "fixtures" / "corpus"


class _Reader(yaml.CSafeLoader):  # type: ignore[misc]
    """yaml.safe_load plus the short-form intrinsics read back in their long form, without import's bounds
    (the hostile text includes the sources of templates import refuses for their nesting)."""


def _long_form(name: str) -> Any:
    def construct(loader: yaml.SafeLoader, node: yaml.Node) -> dict[str, Any]:
        if isinstance(node, yaml.ScalarNode):
            value: Any = loader.construct_scalar(node)
            return {name: value.split(".", 1) if name == "Fn::GetAtt" else value}
        if isinstance(node, yaml.SequenceNode):
            return {name: loader.construct_sequence(node, deep=True)}
        return {name: loader.construct_mapping(node, deep=True)}  # type: ignore[arg-type]

    return construct


for _tag, _name in TAGS.items():
    _Reader.add_constructor(_tag, _long_form(_name))

# Every template of the corpus, those with a tool's own directives (!Rain::Embed) included: import keeps them
# as written (importers/cfn_yaml.py), and the writer writes them as mappings.
CORPUS = sorted([*_CORPUS.glob("*.yaml"), *_CORPUS.glob("*.json"), *_CORPUS.glob("archbuilder/*.yaml")])


def _same_bytes(template: dict[str, Any]) -> str:
    """The fast writer's text for `template`, checked against PyYAML's; raises Unsupported as emit() does."""
    written = emit(template)
    assert written == dump_with_pyyaml(short_forms(template))
    return written


def _exported(template: dict[str, Any]) -> str:
    """The template as an export writes it (the fast writer, or PyYAML for what it leaves, such as a tool's own
    tag `!Rain::Embed`), checked against PyYAML's."""
    try:
        written = emit(template)
    except Unsupported:
        assert "Rain::" in repr(template)  # the only thing in the corpus the fast writer leaves to PyYAML
        written = dump_yaml(template, "")
    assert written == dump_with_pyyaml(short_forms(template))
    return written


@pytest.mark.parametrize("name", example_names())
def test_every_example_template_is_written_as_pyyaml_writes_it(name: str) -> None:
    template = cloudformation_template(load(Path(str(example_path(name)))))
    written = _same_bytes(template)
    assert load_template(written.encode("utf-8"), name) == template


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_every_corpus_template_is_written_as_pyyaml_writes_it(path: Path) -> None:
    by_hand = load_template(path.read_bytes(), path.name)
    assert load_template(_exported(by_hand).encode("utf-8"), path.name) == by_hand
    exported = cloudformation_template(import_template(path)[0])
    assert load_template(_exported(exported).encode("utf-8"), path.name) == exported


def _hostile_texts() -> list[str]:
    pieces = [*FRAGMENTS, *TEXTS, *(source for source, _ in HOSTILE.values())]
    pairs = ["".join(pair) for pair in itertools.product(FRAGMENTS, repeat=2)]
    # Long enough to fold at 120 columns, with the hostile piece at a fold, at either end and in the middle.
    folded = [" ".join(["word"] * 30) + f" {piece} " + " ".join(["more"] * 30) for piece in FRAGMENTS]
    folded += [(piece + " ") * 40 for piece in FRAGMENTS] + [piece * 130 for piece in FRAGMENTS]
    return [*pieces, *pairs, *folded, *(f"x{piece}" for piece in pieces), *(f"{piece}x" for piece in pieces)]


def _placed(text: str) -> dict[str, Any]:
    """A template with `text` in every place a template holds text (but a logical id before a dot: `!GetAtt
    a.b.c` reads as the attribute `b.c` of `a`)."""
    return {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Description": text,
        "Resources": {
            "Bucket": {
                "Type": "AWS::S3::Bucket",
                "Properties": {
                    "BucketName": text,
                    "Tags": [{"Key": text, "Value": {"Ref": text}}, text, [text, {"Fn::Sub": text}]],
                    "UserData": {"Fn::Base64": {"Fn::Sub": text}},
                    "Script": {"Fn::Base64": text},
                    "Joined": {"Fn::Join": [text, [text, {"Fn::GetAtt": ["Bucket", text]}]]},
                    text: {"Nested": {"Deeper": text}, "List": [text]},
                },
            }
        },
        "Outputs": {"Out": {"Value": text, "Condition": text}},
    }


def test_hostile_text_anywhere_is_written_as_pyyaml_writes_it() -> None:
    texts = _hostile_texts()
    assert len(texts) > 2500
    fell_back = []
    for text in texts:
        template = _placed(text)
        try:
            written = _same_bytes(template)
        except Unsupported:
            # A key libyaml writes as a complex key (over 128 bytes or with a line break): PyYAML writes it.
            assert len(text.encode("utf-8")) > 128 or any(c in text for c in "\r\n\x85\u2028\u2029")
            written = dump_yaml(template, "")
            assert written == dump_with_pyyaml(short_forms(template))
            fell_back.append(text)
        assert yaml.load(written, Loader=_Reader) == template, repr(text)
    # Most of it is written by the fast writer: the fallback is only for the keys above.
    assert len(fell_back) < len(texts) // 2


def test_hostile_text_on_one_line_is_written_as_yaml_safe_dump_writes_it() -> None:
    """Text without a line break is not given a style of ours (multi-line text is written as a literal block,
    tagged text with its tag): there the writer matches libyaml's safe_dump with the export's settings. (PyYAML's
    pure-Python emitter differs: it writes characters beyond the BMP as they are, libyaml escapes them.)"""
    one_line = [text for text in _hostile_texts() if not any(c in text for c in "\r\n\x85\u2028\u2029")]
    assert len(one_line) > 1000
    for text in one_line:
        document = {"Name": text, "List": [text, [text]], "Map": {"Key": text}}
        expected = yaml.dump(
            document,
            Dumper=yaml.CSafeDumper,  # libyaml's safe_dump, which exports used before the writer
            sort_keys=False,
            default_flow_style=False,
            allow_unicode=True,
            width=120,
            indent=2,
        )
        assert emit(document) == expected, repr(text)
