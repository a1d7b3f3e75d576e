"""Text written into HCL means exactly itself to Terraform: `terraform apply` of outputs (no provider, no
network) returns each string as it was, and python-hcl2 (the Terraform import's reader) parses the file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import hcl2
import pytest

from archbuilder.exporters.terraform.convert import Converter_
from archbuilder.exporters.terraform.hcl_writer import Block, Expr, document, quote

TEXTS = [
    "${var.secret}",
    "$${",
    "$$${x}",
    "a $",
    "%{ if true }x%{ endif }",
    "%%{",
    "100%",
    "${!Literal}",
    'quote " and \\ backslash',
    "line\nbreak\ttab\r",
    "é 店 🛒 \u2028 \x85",
    "EOF\n<<EOF\nEOF",
    '"\nresource "aws_iam_user" "x" {}\n#',
]


def _terraform() -> str:
    path = shutil.which("terraform")
    if path is None:
        pytest.skip("terraform is not installed")
    return path


def _apply_outputs(folder: Path, blocks: list[Block]) -> dict[str, str]:
    (folder / "main.tf").write_text(document(blocks), encoding="utf-8")
    hcl2.loads((folder / "main.tf").read_text(encoding="utf-8"))
    env = {**os.environ, "TF_IN_AUTOMATION": "1", "TF_CLI_CONFIG_FILE": os.devnull}
    for args in (["init", "-backend=false"], ["apply", "-auto-approve", "-input=false"]):
        result = subprocess.run(
            [_terraform(), *args, "-no-color"],
            cwd=folder,
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
    shown = subprocess.run(
        [_terraform(), "output", "-json"], cwd=folder, capture_output=True, text=True, env=env, check=True
    )
    return {name: value["value"] for name, value in json.loads(shown.stdout).items()}


def test_quoted_text_is_literal_to_terraform(tmp_path: Path) -> None:
    blocks = [
        Block("output", (f"t{index}",), {"value": Expr(quote(text))}) for index, text in enumerate(TEXTS)
    ]
    assert _apply_outputs(tmp_path, blocks) == {f"t{index}": text for index, text in enumerate(TEXTS)}


def test_fn_sub_keeps_its_literal_text_literal(tmp_path: Path) -> None:
    converter = Converter_({"Resources": {}, "Parameters": {"Stage": {"Type": "String"}}})
    subs = {
        "plain": "x ${!Literal} %{ if true } $",
        "ends_with_dollar": "cost $${Stage}",
        "directive": "%{ for x in [] }${Stage}%{ endfor }",
    }
    blocks = [Block("variable", ("stage",), {"default": "prod"})]
    blocks += [Block("output", (name,), {"value": Expr(converter._sub(text))}) for name, text in subs.items()]
    assert _apply_outputs(tmp_path, blocks) == {
        "plain": "x ${Literal} %{ if true } $",
        "ends_with_dollar": "cost $prod",
        "directive": "%{ for x in [] }prod%{ endfor }",
    }
