"""The Terraform import's HCL reader gives exactly python-hcl2's values and errors: on every bundled example's
Terraform, on hand-picked edge cases and on generated HCL (hypothesis) mixing what it reads itself with what it
hands to python-hcl2 and what makes it hand python-hcl2 the whole text; and it reads the exports itself. The function
calls it reads itself come with their arguments' values, which are those python-hcl2 reads from the call's text."""

from __future__ import annotations

import contextlib
import functools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import hcl2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archbuilder.importers import hcl_reader
from archbuilder.importers.hcl_expressions import Fallback
from archbuilder.importers.hcl_lines import PlainBlock, plain_block

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "examples"
EXPORTS = sorted(GOLDEN.glob("*/terraform/*.tf"))


def _outcome(read: Any, text: str) -> tuple[str, str]:
    """The values as JSON (so 1 and 1.0, or True and 1, differ), or the error's type and first line."""
    try:
        return "values", json.dumps(read(text))
    except Exception as exc:
        return type(exc).__name__, (str(exc).splitlines() or [""])[0]


def _same_as_python_hcl2(text: str) -> None:
    """The reader's outcome is python-hcl2's: with the text parsed as usual, with a piece parsed per top-level block
    (hcl_reader.PIECE_BYTES: a `}` alone on its line ends a piece, also where it is inside a heredoc), and with
    every block left to tree-sitter (none read from its lines by hcl_lines)."""
    expected = _outcome(hcl2.loads, text)
    for piece_bytes, plain_blocks in (
        (hcl_reader.PIECE_BYTES, True),
        (1, True),
        (hcl_reader.PIECE_BYTES, False),
    ):
        calls: hcl_reader.Calls = {}
        with _pieces_of(piece_bytes, plain_blocks):
            assert _outcome(functools.partial(hcl_reader.loads, calls=calls), text) == expected, piece_bytes
        _calls_read_as_their_text(calls)


@contextlib.contextmanager
def _pieces_of(piece_bytes: int, plain_blocks: bool = True) -> Iterator[None]:
    kept = hcl_reader.PIECE_BYTES, hcl_reader.READS_PLAIN_BLOCKS
    hcl_reader.PIECE_BYTES, hcl_reader.READS_PLAIN_BLOCKS = piece_bytes, plain_blocks
    try:
        yield
    finally:
        hcl_reader.PIECE_BYTES, hcl_reader.READS_PLAIN_BLOCKS = kept


def _calls_read_as_their_text(calls: hcl_reader.Calls) -> None:
    """Each call's name and arguments are what python-hcl2 reads from its text (`${name(arguments)}`)."""
    for text, (name, arguments) in calls.items():
        assert text.startswith("${" + name + "(") and text.endswith(")}")
        inner = text[len(name) + 3 : -2]
        assert json.dumps(arguments) == json.dumps(hcl2.loads(f"arguments = [{inner}]\n")["arguments"])


@pytest.mark.parametrize("path", EXPORTS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_every_example_export_reads_as_python_hcl2_reads_it(path: Path) -> None:
    _same_as_python_hcl2(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", EXPORTS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_example_exports_are_read_without_python_hcl2_reading_the_whole_file(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    reader = hcl_reader._Reader(text)
    assert reader.document() == hcl2.loads(text)
    # What is left to python-hcl2 is for expressions alone (a certificate's validation records); the policies'
    # jsonencode calls are read here.
    assert [expression.split()[:2] for expression in reader.deferred] in (
        [],
        [[b"{", b"for"], [b"[for", b"record"]],
    )
    assert len(reader.calls) >= text.count("jsonencode(")


PIECES = 'a = 1\n# one\nb "x" {\n  c = [1]\n}\n// two\nd {\n  e {\n  }\n}\n/* three */\nf = "g"\n'
# A `}` alone on its line inside a heredoc, a comment or a string (where no piece may end), and in a nested block.
NOT_PIECES = [
    'a "x" {\n  b = <<EOT\n}\nc = 1\nEOT\n}\nd = 2\n',
    'a "x" {\n}\n/* c\n}\n*/\nd = 2\n',
    'a = "${x\n}\n"\nd = 2\n',
    "a {\n  b {\n  c = 1\n}\n}\nd = 2\n",
]


def test_top_level_blocks_are_parsed_one_piece_at_a_time() -> None:
    with _pieces_of(1, plain_blocks=False):
        reader = hcl_reader._Reader(PIECES)
        assert reader.document() == hcl2.loads(PIECES)
    assert reader.root is None  # the whole text was never parsed as one piece
    assert reader.comments_found == reader.comments_seen == 3


@pytest.mark.parametrize("text", NOT_PIECES)
def test_a_text_not_cut_into_pieces_is_parsed_whole(text: str) -> None:
    with _pieces_of(1, plain_blocks=False):
        reader = hcl_reader._Reader(text)
        with contextlib.suppress(Fallback):  # a line break in an interpolation is python-hcl2's to refuse
            reader.document()
    assert reader.root is not None
    _same_as_python_hcl2(text)


def test_a_large_text_broken_after_what_python_hcl2_alone_reads_is_refused_naming_the_break() -> None:
    """The pieces before the broken one were read (one has a comment inside an expression, which only python-hcl2
    reads): the refusal still names where tree-sitter finds the whole text broken."""
    queues = "".join(f'resource "aws_sqs_queue" "q{k}" {{\n  name = "q{k}"\n}}\n' for k in range(50_000))
    text = "a = [1, # why\n2]\n" + queues + "b {\n  c = \n}\n"
    assert len(text) > hcl_reader.PYTHON_HCL2_BYTES
    with pytest.raises(hcl_reader.HclError, match=r"^line 150004, column 3: not HCL here \('c = '\)$"):
        hcl_reader.loads(text)


@pytest.mark.parametrize("path", EXPORTS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_plain_blocks_of_the_exports_read_from_their_lines_as_the_tree_walk_reads_them(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    with _pieces_of(hcl_reader.PIECE_BYTES, plain_blocks=False):
        walked = hcl_reader._Reader(text).document()
    read = hcl_reader._Reader(text)
    statements = list(read._statements())
    assert json.dumps(hcl_reader._Reader(text).document()) == json.dumps(walked)
    if path.name == "main.tf":  # more than half its blocks, 46 to 71% of its text, are read from their lines
        plain = [item for item in statements if isinstance(item, PlainBlock)]
        assert len(plain) > len(statements) / 2
        assert sum(item.end_byte - item.start_byte for item in plain) > 0.45 * len(text)


# Blocks read from their lines, or left to tree-sitter (False), each compared with python-hcl2 by the test below.
PLAIN_BLOCKS = [
    (
        'b {\n  p = jsonencode({\n    V = "2012"\n    S = [\n      {\n        E = "Allow"\n        R = "${x.arn}/*"\n'
        '        C = {\n          "s3:x" = true\n        }\n        N = [1.50, 007]\n      },\n      {}\n    ]\n'
        '  })\n  h = filebase64sha256("${path.module}/f.zip")\n  j = join(",", [a.b, "c"])\n  t = timestamp()\n'
        "  n = f(\n    g(1),\n    [],\n    {}\n  )\n  m = {\n    k = lower(x)\n  }\n  l = [f(1), [2]]\n}\n",
        True,
    ),
    (
        'b "x" y {\n  a = "s"\n  n    = 1.50\n  r = x.y-z\n  t = true\n\n  c {\n    d = [1, "2", x.y]\n  }\n}\n',
        True,
    ),
    (
        'b {\n  m = {\n    K   = "v/*#//"\n    "k:x" = "${a.b}/${c}"\n  }\n  l = [\n    a.b,\n    "c",\n  ]\n}\n',
        True,
    ),
    ("b {\n  e {}\n  f { }\n  g = {}\n  h = []\n  i = [\n  ]\n  e {\n  }\n}\n", True),
    ("b {\n  a = 1\n  a = 2\n}\n", False),
    ("b {\n  a = 1\n  a {\n  }\n}\n", False),
    ("b {\n  a {\n  }\n  a = 1\n}\n", False),
    ("b {\n  m = {\n    k = 1\n    k = 2\n  }\n}\n", False),
    ("b {\n  l = [\n    1\n    2\n  ]\n}\n", False),
    ('b {\n  a = "x\\"y"\n  b = "\x00"\n}\n', False),
    ('b {\n  a = "x\x00"\n}\n', False),
    ('b {\n  a = "${x.in}"\n}\n', False),
    ('b {\n  a = "${ x }"\n}\n', False),
    ('b {\n  a = "%{if x}y%{endif}"\n}\n', False),
    ("b {\n  in = 1\n}\n", False),
    ("for {\n  a = 1\n}\n", False),
    ('b "x" null {\n}\n', False),
    ("b {\n  a = 1 # c\n}\n", False),
    ("b {\n  a = x\n  .y\n}\n", False),
    ("b {\n  a = 1\r\n}\n", False),
    ("b {\n  a = f(1)\n}\n", True),
    ("b {\n  a = f(1,)\n}\n", False),
    ("b {\n  a = f (1)\n}\n", False),
    ("b {\n  a = f(1 , 2)\n}\n", True),
    ("b {\n  a = [1 , 2]\n}\n", False),
    ("b {\n  a = { k = 1 }\n}\n", False),
    ("b {\n  a = {\n    k =\n    1\n  }\n}\n", False),
    ("b {\n  a = {\n    k = 1 }\n}\n", False),
    ("b {\n  a = {\n    for = 1\n  }\n}\n", False),
    ("b {\n  a = for(1)\n}\n", False),
    ("b {\n  a = f(x.in)\n}\n", False),
    ("b {\n  a = f(1) + 1\n}\n", False),
    ("b {\n  a = f(x ? 1 : 2)\n}\n", False),
    ("b {\n  a = [1]\n  a {\n  }\n}\n", False),
    ('b {\n  a = "x" "y"\n}\n', False),
    ("b {\n" + "c {\n" * 70 + "}\n" * 70 + "}\n", False),
]


@pytest.mark.parametrize(("text", "plain"), PLAIN_BLOCKS)
def test_blocks_read_from_their_lines_read_as_python_hcl2_reads_them(text: str, plain: bool) -> None:
    data = (text + "\n").encode()
    assert (plain_block(data, 0, len(data) - 1) is not None) == plain
    _same_as_python_hcl2(text)
    _same_as_python_hcl2("a = 1\n" + text + text.replace("b", "c", 1))


EDGE_CASES = [
    "",
    "\n\n",
    "# only a comment",
    "a = 1",
    "a = 1 b = 2\n",
    "a = 1\na = 2\n",
    'a = 1\na "x" {\n}\n',
    'a "x" {\n}\na = 1\n',
    "a =\n1\n",
    "a = x\n.y\n",
    "a = x.\ny\n",
    "a = [1\n, 2]\n",
    "a = {\n k =\n 1\n}\n",
    "a = { k = 1, k = 2 }\n",
    "a = {a = 0, a = {(k) = 0}, a = 0}\n",
    'a = { "k" = 1 k = 2 }\n',
    "a = {in = 1, for_each = 2, if = 3, true = 4, null = 5, 1 = 6}\n",
    "in = 1\nfor = 2\nif = 3\nelse = 4\nendif = 5\nendfor = 6\nfor_each = 7\ntrue = 8\n",
    'for_each "x" {\n}\nin {\n}\nb in {\n}\n',
    "a = for_each\nb = x.for_each\nc = x.in\nd = true\ne = null\nf = [true, false, null]\n",
    "a = -1\nb = - 1\nc = -1.5\nd = 1.5e3\ne = 1e3\nf = 0x1F\ng = 007\nh = 1.50\ni = 0.0\n",
    "a = " + "9" * 5000 + "\n",
    'a = x[0].y[*].z.0.*.w[1]\nb = x [ 0 ] . y\nc = x[var.i]\nd = x["k"]\ne = x[-1]\n',
    'a = x[007]\nb = f(x[007], x[1.50], x[true])\nc = "${x[007]}"\nd = x[f(1)][[1]]\n',
    # read from their text alone: strings with escapes, names with dashes, keywords after a dot, numbers
    'a = "\\${x}"\nb = a-b\nc = "q\\"${x}"\nd = x.true\ne = "a\\\\"\nf = {"k\\"" = 1, a-b = x.y-z}\ng = 1.50\nh = 0\n',
    'a = f("\\${x}", a-b, x.true, x.in, "a\\\\", 1.50, 0, in, null)\n',
    # comments counted where `#`, `//` and `/*` stand, also in strings and heredocs, and with a comment inside an
    # expression; then with so many of those characters that the tree's comment query counts them
    'a = "https://x/*#"\n# c // d /* e */\nb = <<EOT\n# not a comment\nEOT\nc = [1, # in a list\n 2]\nd = 1 // end',
    'a = "https://x/*#"\n# c // d /* e */\nb = <<EOT\n# not a comment\nEOT\nc = [1, 2]\nd = 1 // end',
    'a = "' + "/*" * 1200 + '"\n# c\nb = [1, # in a list\n 2]\n',
    'a = "' + "/*" * 1200 + '"\n# c\nb = [1, 2]\n',
    'a = "x\\"y\\\\n$${z} %%{w} $ % \\u00e9 é"\nb = ""\nc = "multi\nline"\nd = "a\\qb"\n',
    'a = "${x}"\nb = "${ x.y }"\nc = "a${x}b${y.z[0]}c"\nd = "${x}${y}"\ne = "${f(x)}"\nf = "${~x~}"\n',
    'a = "%{if true}b%{endif}"\nb = "$${x}"\nc = "${x}$${y}"\nd = "${}"\ne = "${x"\n',
    "a = <<EOT\nhello ${var.x}\nEOT\nb = <<-EOT\n  indented\n  EOT\n",
    'a = jsonencode({\n  Version = "2012"\n  Statement = [{ a = 1 }]\n})\n',
    "a = var.a + 2 * 3\nb = x ? y : z\nc = !var.b\nd = (1 + 2)\ne = a\n+ b\n",
    'a = [for s in var.l : upper(s) if s != ""]\nb = { for k, v in x : k => v }\nc = f(x...)\n',
    '# top\n// two\n/* three */\n\n/* a */ /* b */\nresource "a" "b" { # brace\n  # body\n  x = 1 # after\n'
    "  /* multi\n  line */\n  y = 2\n}\n# end",
    "a = [ # in a list\n  1,\n]\n",
    "a = { # in a map\n  k = 1\n}\n",
    "a = f(1, # in a call\n  2)\n",
    "a = 1 + # in an operation\n  2\n",
    'b "x" # in a header\n{\n}\n',
    'b "x"\n{\n}\n',
    'b "x" "y" z {\n  c {\n    d {\n      e = 1\n    }\n  }\n}\n',
    "b { a = 1 }\nc { }\nd {}\n",
    'b "x\\"y" {\n}\nc "${x}" {\n}\n',
    'a = 1\r\nb = "x"\r\nc {\r\n  d = 2\r\n}\r\n',
    "a = 1;\n",
    "a = 1\n}\n",
    "a = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n",
    "b " * 70 + "{\n}\n",
    "ünïcode = 1\n",
    "a = ünïcode\n",
    '{\n  "a": 1\n}\n',
    "a = {}\nb = []\nc = [\n]\nd = {\n}\n",
    "a = [1,]\nb = [1, 2,\n]\nc = {a = 1,}\nd = {a = 1, b = 2,}\n",
    "a = { a: 1, b : 2 }\n",
    "a = x[*]\nb = x.*\nc = x[*][0]\nd = x.*[0]\n",
    "\x00",
    'a = "\x00"\n',
    'resource "a" "b" {\n  for_each = toset(["a"])\n  dynamic "c" {\n    for_each = var.l\n    content {\n      d = c.value\n    }\n  }\n}\n',
]


@pytest.mark.parametrize("text", EDGE_CASES)
def test_edge_cases_read_as_python_hcl2_reads_them(text: str) -> None:
    _same_as_python_hcl2(text)


# Function calls the reader writes back itself: their text as python-hcl2 writes it, and their arguments' values.
CALLS = [
    (
        'a = jsonencode({\n  Version = "2012-10-17"\n  Statement = [\n    {\n      Effect   = "Allow"\n'
        '      Action   = ["s3:GetObject", "s3:PutObject"]\n      Resource = "${aws_s3_bucket.b.arn}/*"\n'
        '      Condition = { "aws:SecureTransport" = false, NumericLessThan = { "s3:max-keys" = 10 } }\n'
        "    },\n  ]\n})\n",
        {
            "a": '${jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow", Action = ["s3:GetObject", '
            '"s3:PutObject"], Resource = "${aws_s3_bucket.b.arn}/*", Condition = {"aws:SecureTransport" = false, '
            'NumericLessThan = {"s3:max-keys" = 10}}}]})}'
        },
        {
            "jsonencode": [
                {
                    "Version": '"2012-10-17"',
                    "Statement": [
                        {
                            "Effect": '"Allow"',
                            "Action": ['"s3:GetObject"', '"s3:PutObject"'],
                            "Resource": '"${aws_s3_bucket.b.arn}/*"',
                            "Condition": {
                                '"aws:SecureTransport"': False,
                                "NumericLessThan": {'"s3:max-keys"': 10},
                            },
                        }
                    ],
                }
            ]
        },
    ),
    (
        'a = join(",", [1, 1.50, 007, true, null, 12345678901234567890123, 1.0000000000000001])\n',
        {"a": '${join(",", [1, 1.5, 7, true, null, 12345678901234567890123, 1.0])}'},
        {"join": ['","', [1, 1.5, 7, True, None, 12345678901234567890123, 1.0]]},
    ),
    (
        'a = base64encode(format("%s-%s", var.a, lower(var.b)))\nb = timestamp()\nc = merge({}, [])\n',
        {
            "a": '${base64encode(format("%s-%s", var.a, lower(var.b)))}',
            "b": "${timestamp()}",
            "c": "${merge({}, [])}",
        },
        {
            "lower": ["${var.b}"],
            "format": ['"%s-%s"', "${var.a}", "${lower(var.b)}"],
            "base64encode": ['${format("%s-%s", var.a, lower(var.b))}'],
            "timestamp": [],
            "merge": [{}, []],
        },
    ),
    (  # escapes are kept as written; `$${` is python-hcl2's to read
        'a = jsonencode({ text = "line\\n\\"q\\" \\\\ \\u00e9 é %" })\nb = f("$${literal}")\n',
        {"a": '${jsonencode({text = "line\\n\\"q\\" \\\\ \\u00e9 é %"})}', "b": '${f("$${literal}")}'},
        {"jsonencode": [{"text": '"line\\n\\"q\\" \\\\ \\u00e9 é %"'}]},
    ),
    (
        'a = jsonencode({ arn = "arn:${data.aws_partition.current.partition}:s3:::${var.bucket}/*", '
        'up = "${upper(var.x)}!" })\n',
        {
            "a": '${jsonencode({arn = "arn:${data.aws_partition.current.partition}:s3:::${var.bucket}/*", '
            'up = "${upper(var.x)}!"})}'
        },
        {
            "upper": ["${var.x}"],
            "jsonencode": [
                {
                    "arn": '"arn:${data.aws_partition.current.partition}:s3:::${var.bucket}/*"',
                    "up": '"${upper(var.x)}!"',
                }
            ],
        },
    ),
    (
        'a = jsonencode({ p = local.c ? { AWS = "arn:${local.accounts[data.aws_region.current.name]["Account"]}:root" }'
        ' : { Service = "x" } })\nb = var.on ? aws_s3_bucket.b[0].arn : null\nc = f(x[*].id, x.*.id, x[0].y)\n',
        {
            "a": '${jsonencode({p = local.c ? {AWS = "arn:${local.accounts[data.aws_region.current.name]["Account"]}'
            ':root"} : {Service = "x"}})}',
            "b": "${var.on ? aws_s3_bucket.b[0].arn : null}",
            "c": "${f(x[*].id, x.*.id, x[0].y)}",
        },
        {
            "jsonencode": [
                {
                    "p": '${local.c ? {AWS = "arn:${local.accounts[data.aws_region.current.name]["Account"]}:root"}'
                    ' : {Service = "x"}}'
                }
            ],
            "f": ["${x[*].id}", "${x.*.id}", "${x[0].y}"],
        },
    ),
    (  # python-hcl2's: operators, an ellipsis, a provider's function, exponents, a repeated key, a heredoc, a
        # line break before `?`
        "a = jsonencode({ n = 1 + 2 })\nb = f(x...)\nc = provider::p::f(1)\nd = f(1e3)\ne = f({k = 1, k = 2})\n"
        "f = f(<<EOT\nx\nEOT\n)\ng = f(c\n? 1 : 2)\n",
        {
            "a": "${jsonencode({n = 1 + 2})}",
            "b": "${f(x ...)}",
            "c": "${provider::p::f(1)}",
            "d": "${f(1e3)}",
            "e": "${f({k = 1, k = 2})}",
            "f": '${f("<<EOT\nx\nEOT")}',
            "g": "${f(c ? 1 : 2)}",
        },
        {},
    ),
    ("a = f(1)\nb = f(1, # a comment inside: python-hcl2 reads the whole text\n 2)\n", None, {}),
]


@pytest.mark.parametrize("text, values, arguments", CALLS)
def test_function_calls_read_as_python_hcl2_writes_them_with_their_arguments(
    text: str, values: dict[str, Any] | None, arguments: dict[str, list[Any]]
) -> None:
    calls: hcl_reader.Calls = {}
    read = hcl_reader.loads(text, calls)
    assert json.dumps(read) == json.dumps(hcl2.loads(text))
    if values is not None:
        assert read == values
    assert {name: found for name, found in calls.values()} == arguments
    assert len(calls) == len(arguments)
    _calls_read_as_their_text(calls)


# Generated HCL: pieces the reader builds itself, pieces it leaves to python-hcl2, and pieces that make it hand
# python-hcl2 the whole text, joined with the spaces, line breaks and comments HCL allows; the wild variant
# adds what python-hcl2 refuses (names it does not take, broken strings and templates, misplaced line breaks).
def _pieces(usual: list[str], wild: list[str], is_wild: bool) -> st.SearchStrategy[str]:
    return st.sampled_from(usual + wild if is_wild else usual)


def _strings(is_wild: bool) -> st.SearchStrategy[str]:
    text = st.text(alphabet="ab -_./:*é店$%", max_size=8)
    escapes = ["\\n", '\\"', "\\\\", "\\u00e9", "$${x}", "%%{x}", "$", "%", "#", "/*"]
    if is_wild:
        escapes += ['"', "${", "%{", "$${", "\n", "\\q", "{", "}"]
    mixed = st.lists(st.one_of(text, st.sampled_from(escapes)), max_size=4).map("".join)
    return mixed.map(lambda content: f'"{content}"')


def _names(is_wild: bool) -> st.SearchStrategy[str]:
    return _pieces(
        ["a", "b_c", "d-e", "x1", "y", "z", "for_each", "in", "if", "_u"], ["true", "null", "é"], is_wild
    )


def _leaves(is_wild: bool) -> st.SearchStrategy[str]:
    names = _names(is_wild)
    steps = ["[0]", ".0", "[*].id", ".*.id", "[var.i]", '["k"]', "[12]", ".b", "[*]", ".*"]
    return st.one_of(
        st.integers(min_value=-5, max_value=10**12).map(str),
        st.sampled_from(["1.5", "0.25", "1e3", "1.5e-2", "true", "false", "null", "-1", "007"]),
        _strings(is_wild),
        st.lists(names, min_size=1, max_size=3).map(".".join),
        st.tuples(names, st.lists(st.sampled_from(steps), max_size=3).map("".join)).map("".join),
        st.tuples(
            st.sampled_from(["a", "pre ", "", "arn:"]),
            names,
            _pieces(["", ".b[0]", ".c.d"], [" ", "~", "\n.e"], is_wild),
            st.sampled_from(["/*", "", "-${x.y}"]),
        ).map(lambda parts: f'"{parts[0]}${{{parts[1]}{parts[2]}}}{parts[3]}"'),
        st.sampled_from(
            [
                "f(x)",
                "jsonencode({a = 1})",
                "a + b",
                "!x",
                "x ? 1 : 2",
                "(1)",
                "[for s in l : s]",
                "{ for k, v in m : k => v }",
            ]
        ),
        st.just("<<EOT\nheredoc ${x}\nEOT"),
    )


def _expressions(is_wild: bool) -> st.SearchStrategy[str]:
    space = _pieces([" ", "", "\n  ", "  ", "\t"], [" \n ", " # c\n ", " /* c */ "], is_wild)
    key = st.one_of(_names(is_wild), _strings(is_wild), st.just("(k)"))
    equals = _pieces([" = ", "=", ": ", " : "], [" =\n "], is_wild)

    def collections(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        element = st.tuples(space, children, space).map("".join)
        entry = st.tuples(key, equals, children).map("".join)
        return st.one_of(
            st.tuples(st.lists(element, max_size=3), st.sampled_from(["", ","])).map(
                lambda parts: "[" + ",".join(parts[0]) + (parts[1] if parts[0] else "") + "]"
            ),
            st.tuples(st.lists(entry, max_size=3), st.sampled_from([", ", "\n", ",\n", " "])).map(
                lambda parts: "{" + parts[1].join(parts[0]) + "}"
            ),
            st.tuples(st.sampled_from(["f", "jsonencode", "join"]), st.lists(element, max_size=3)).map(
                lambda parts: f"{parts[0]}(" + ",".join(parts[1]) + ")"
            ),
            # Its last branch is no operation: python-hcl2 drops a comment after `c ? 1 : a + b` (as it moves one
            # after `a + b` on its line), which the reader, handing it the expression alone, keeps.
            st.tuples(children, space, children, space, _names(is_wild)).map(
                lambda parts: f"{parts[0]}{parts[1]}? {parts[2]} :{parts[3]}{parts[4]}"
            ),
            st.tuples(st.sampled_from(['"a', '"']), children, st.sampled_from(['"', 'b"'])).map(
                lambda parts: parts[0] + "${" + parts[1] + "}" + parts[2]
            ),
        )

    return st.recursive(_leaves(is_wild), collections, max_leaves=8)


def _bodies(is_wild: bool) -> st.SearchStrategy[str]:
    names = _names(is_wild)
    attribute = st.tuples(names, _pieces([" = ", "="], [" =\n"], is_wild), _expressions(is_wild)).map("".join)

    def blocks(bodies: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        labels = st.lists(st.one_of(names, _strings(is_wild)), max_size=2)
        header_end = _pieces([" ", ""], ["\n", " # h\n"], is_wild)
        return st.tuples(names, labels, header_end, bodies).map(
            lambda parts: " ".join([parts[0], *parts[1]]) + parts[2] + "{\n" + parts[3] + "\n}"
        )

    statement = st.recursive(attribute, blocks, max_leaves=6)
    separator = _pieces(
        [
            "\n",
            "\n\n",
            "\n# comment\n",
            " // after\n",
            "\n/* a */\n",
            " /* a */ /* b */\n",
            "\r\n",
            "\n  \t\n",
        ],
        [" ", " /* a */ "],
        is_wild,
    )
    return st.lists(st.tuples(statement, separator).map("".join), max_size=5).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_bodies(is_wild=False))
def test_generated_hcl_reads_as_python_hcl2_reads_it(text: str) -> None:
    _same_as_python_hcl2(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_bodies(is_wild=True))
def test_generated_broken_hcl_reads_as_python_hcl2_reads_it(text: str) -> None:
    _same_as_python_hcl2(text)
