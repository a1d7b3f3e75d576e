"""`archbuilder export --without DEFAULT`: one export without one of the design's production defaults, the
document left as it is."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from archbuilder.cli.main import main
from archbuilder.resource_files import example_path


def _types(folder: Path) -> list[str]:
    template = json.loads((folder / "template.json").read_text(encoding="utf-8"))
    return sorted({body["Type"] for body in template["Resources"].values()})


def test_without_leaves_out_the_named_defaults_for_that_export_only(tmp_path: Path) -> None:
    design = tmp_path / "three-tier.arch.json"
    shutil.copy(Path(str(example_path("three-tier-web"))), design)
    before = design.read_bytes()
    assert main(["export", str(design), "-f", "cloudformation-json", "-o", str(tmp_path / "all"), "-q"]) == 0
    arguments = ["--without", "vpc_flow_logs", "--without", "tags"]
    assert (
        main(
            [
                "export",
                str(design),
                "-f",
                "cloudformation-json",
                "-o",
                str(tmp_path / "less"),
                "-q",
                *arguments,
            ]
        )
        == 0
    )
    assert sorted(set(_types(tmp_path / "all")) - set(_types(tmp_path / "less"))) == [
        "AWS::EC2::FlowLog",
        "AWS::Logs::LogGroup",
    ]
    template = json.loads((tmp_path / "less" / "template.json").read_text(encoding="utf-8"))
    tags = [t["Key"] for body in template["Resources"].values() for t in body["Properties"].get("Tags") or []]
    assert "Design" not in tags and "Environment" not in tags
    assert design.read_bytes() == before


def test_an_unknown_default_is_refused_with_the_choices(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    design = Path(str(example_path("three-tier-web")))
    with pytest.raises(SystemExit) as exit_:
        main(["export", str(design), "-f", "terraform", "-o", str(tmp_path), "--without", "flowlogs"])
    assert exit_.value.code == 2
    error = capsys.readouterr().err.strip().splitlines()[-1]
    assert error.startswith("archbuilder export: error: argument --without: invalid choice: 'flowlogs'")
    assert "vpc_flow_logs" in error
