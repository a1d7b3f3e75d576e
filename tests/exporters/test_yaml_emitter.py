"""The template writer (yaml_emitter.py) writes exactly the bytes PyYAML with libyaml writes, for any value a
template can hold: hypothesis draws template-shaped values (intrinsics, long folding text, quotes, line breaks,
control characters, text that reads as a number or a boolean, characters beyond the BMP) and compares."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from archbuilder.exporters.cloudformation.yaml_dump import dump_with_pyyaml, dump_yaml, short_forms
from archbuilder.exporters.cloudformation.yaml_emitter import Tagged, Unsupported, emit

# Characters and words that change how libyaml writes a scalar: indicators, blanks, every kind of line break,
# escapes, characters it does not print as they are, and plain text that resolves to another type.
_CHARACTERS = list(" \t\n\r\x85\u2028\u2029:#-?'\"\\,[]{}&*!|>%@`.~\0\x07\x1b\x7f\x9f\xa0\ufeff\ufffe")
_CHARACTERS += ["é", "ß", "中", "\U0001f600", "a", "b", "Z", "0", "1", "9", "e", "$", "/", "_", "(", "="]
_WORDS = ["yes", "No", "on", "OFF", "true", "null", "~", "1.5", "-2", "0x1F", "0o17", "1_000", "1e3", ".inf"]
_WORDS += ["2001-12-14", "12:30:45", "<<", "=", "---", "...", "- x", "a: b", "a #b", "Ref", "${AWS::Region}"]
_WORDS += ["arn:aws:s3:::bucket/*", "10.0.0.0/16", "", " ", "it's", 'say "hi"', "x" * 40]

_text = st.one_of(
    st.text(st.sampled_from(_CHARACTERS), max_size=12),
    st.sampled_from(_WORDS),
    st.lists(st.sampled_from([*_WORDS, "word", "lengthier", "a", "  "]), max_size=40).map(" ".join),
    st.text(max_size=20),
)
_keys = st.one_of(
    st.from_regex(r"[A-Z][A-Za-z0-9]{0,20}", fullmatch=True), _text.filter(lambda t: len(t) < 40)
)
_scalars = st.one_of(
    _text,
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
)


def _intrinsic(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.builds(lambda t: {"Ref": t}, _text),
        st.builds(lambda a, b: {"Fn::GetAtt": [a, b]}, _text, _text),
        st.builds(lambda t: {"Fn::Sub": t}, _text),
        st.builds(lambda items: {"Fn::Join": ["", items]}, st.lists(inner, max_size=4)),
        st.builds(lambda items: {"Fn::Select": [0, items]}, inner),
        st.builds(lambda t: {"Fn::Base64": t}, st.one_of(_text, st.builds(lambda t: {"Fn::Sub": t}, _text))),
        st.builds(lambda t: {"Fn::GetAZs": t}, st.sampled_from(["", "us-east-1"])),
        st.builds(lambda t: {"Condition": t}, _text),
        st.builds(lambda t: {"Fn::If": t}, st.lists(inner, max_size=3)),
    )


_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.dictionaries(_keys, inner, max_size=5),
        _intrinsic(inner),
    ),
    max_leaves=40,
)
_templates = st.fixed_dictionaries(
    {
        "AWSTemplateFormatVersion": st.just("2010-09-09"),
        "Resources": st.dictionaries(
            st.from_regex(r"[A-Za-z][A-Za-z0-9]{0,30}", fullmatch=True),
            st.fixed_dictionaries(
                {
                    "Type": st.just("AWS::S3::Bucket"),
                    "Properties": st.dictionaries(_keys, _values, max_size=6),
                },
                optional={"Condition": _text, "DependsOn": st.lists(_text, max_size=3)},
            ),
            min_size=1,
            max_size=4,
        ),
    },
    optional={"Outputs": st.dictionaries(_keys, _values, max_size=3)},
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_templates)
@example({"Resources": {"A": {"Script": "#!/bin/bash\nyum -y update\n\n\n"}}, "Last": "kept breaks\n\n"})
@example({"Resources": {"A": {"Text": "ends\n"}}, "B": "x"})
@example({"K": {"Ref": ""}, "L": [[[]], {}, [{"a": [1]}]], "M": " leading space\nand a break"})
@example({"Long": " ".join(["word"] * 60), "Quoted": "'" + " ".join(["it's"] * 50), "Tab": "\t" + "a " * 80})
def test_the_writer_matches_pyyaml_byte_for_byte(template: dict[str, Any]) -> None:
    expected = dump_with_pyyaml(short_forms(template))
    try:
        written = emit(template)
    except Unsupported:
        # What the writer leaves to PyYAML: a key it would write as a complex key, a lone surrogate.
        assert dump_yaml(template, "") == expected
        return
    assert written == expected


def test_the_writer_hands_what_it_does_not_cover_to_pyyaml() -> None:
    long_key = {"Resources": {"k" * 129: "v", "two\nlines": 1}}
    with pytest.raises(Unsupported):
        emit(long_key)
    assert dump_yaml(long_key, "# h\n") == "# h\n" + dump_with_pyyaml(short_forms(long_key))
    assert dump_yaml(long_key, "").startswith("Resources:\n  ? " + "k" * 129 + "\n  : v\n")
    with pytest.raises(Unsupported):
        emit({"A": Tagged("!Ref", 5)})
    # A tag on a number, a boolean or null has no short form (PyYAML's representer raised TypeError on it).
    assert (
        dump_yaml({"A": {"Fn::Base64": None}, "B": [{"Ref": 0}]}, "")
        == "A:\n  Fn::Base64: null\nB:\n- Ref: 0\n"
    )
    with pytest.raises(Unsupported):
        emit({"A": {1: "integer key"}})


def test_a_long_value_folds_where_libyaml_folds_it() -> None:
    text = " ".join(f"word{i}" for i in range(40))
    written = emit({"Resources": {"Description": text}})
    assert written == yaml.dump(
        {"Resources": {"Description": text}},
        Dumper=yaml.CSafeDumper,
        width=120,
        allow_unicode=True,
        sort_keys=False,
    )
    assert written.splitlines()[2].startswith("    word")  # the folded part, two columns in from the key
