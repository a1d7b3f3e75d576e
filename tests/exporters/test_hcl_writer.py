"""The HCL writer: quoting, interpolation escapes, alignment and nesting as terraform fmt lays them out."""

from __future__ import annotations

import hcl2

from archbuilder.exporters.terraform.hcl_writer import Block, Call, Expr, document, quote


def test_strings_are_quoted_and_template_sequences_escaped() -> None:
    # %{ is written \u0025{: Terraform reads it as the literal text, and python-hcl2 cannot read %%{.
    assert quote('say "hi" ${x} %{y}\n') == '"say \\"hi\\" $${x} \\u0025{y}\\n"'
    # After another $, ${ is written \u0024{ (python-hcl2 cannot read $$${).
    assert quote("$${x} a$") == '"$\\u0024{x} a$"'


def test_attributes_align_within_runs_and_blocks_nest() -> None:
    text = document(
        [
            Block(
                "resource",
                ("aws_thing", "a"),
                {
                    "name": "a",
                    "longer_name": 1,
                    "tags": {"Name": "a"},
                    "after": Expr("var.x"),
                    "policy": Call("jsonencode", {"Version": "2012-10-17"}),
                    "inner": Block("inner", (), {"enabled": True}),
                    "empty": Block("empty", (), {}),
                },
            )
        ]
    )
    assert text == (
        'resource "aws_thing" "a" {\n'
        '  name        = "a"\n'
        "  longer_name = 1\n"
        "  tags = {\n"
        '    Name = "a"\n'
        "  }\n"
        "  after = var.x\n"
        "  policy = jsonencode({\n"
        '    Version = "2012-10-17"\n'
        "  })\n"
        "\n"
        "  inner {\n"
        "    enabled = true\n"
        "  }\n"
        "\n"
        "  empty {}\n"
        "}\n"
    )
    hcl2.loads(text)


def test_hostile_labels_stay_literal_after_a_round_trip() -> None:
    label = '<b>x</b> "; rm -rf ${path}'
    text = document([Block("resource", ("aws_thing", "a"), {"description": label})])
    parsed = hcl2.loads(text)["resource"][0]['"aws_thing"']['"a"']["description"]
    assert parsed.startswith('"<b>x</b>')
    assert "$${path}" in text
