"""Every design the app holds saves to a file it opens: the limit of a design applies to what it saves to, so a
file that holds a larger design in fewer bytes (no indentation, settings left to their defaults) is refused
when opened, an import that would make one is refused, and a save over the limit writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archbuilder.cli.main import main
from archbuilder.importers import cfn_yaml, terraform
from archbuilder.model import DocumentError, dumps, load, save, serialization
from archbuilder.resource_files import example_path
from tests.model.builders import two_az_network

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "archbuilder"


def _compact(folder: Path) -> tuple[Path, int, int]:
    """An example written without indentation: (its file, its size, the size archbuilder saves it to)."""
    text = Path(str(example_path("three-tier-web"))).read_text(encoding="utf-8")
    compact = json.dumps(json.loads(text), separators=(",", ":"), ensure_ascii=False)
    path = folder / "compact.arch.json"
    path.write_text(compact, encoding="utf-8")
    return path, len(compact.encode()), len(dumps(load(path)).encode())


def test_a_file_holding_a_design_that_saves_over_the_limit_is_not_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, size, saved = _compact(tmp_path)
    assert saved > size * 1.3  # indentation alone makes it a third larger
    monkeypatch.setattr(serialization, "MAX_FILE_BYTES", size + 10)  # the file is under the limit
    with pytest.raises(DocumentError) as caught:
        load(path)
    assert str(caught.value) == (
        f"{path}: the design would be {saved} bytes saved, over the {size + 10} bytes limit of a design "
        f"(the file holds it in {size} bytes)"
    )
    monkeypatch.setattr(serialization, "MAX_FILE_BYTES", saved)  # a limit the saved form meets: it opens
    reopened = tmp_path / "saved.arch.json"
    save(load(path), reopened)
    assert len(reopened.read_bytes()) == saved
    assert dumps(load(reopened)) == reopened.read_text(encoding="utf-8")


def test_a_save_over_the_limit_writes_nothing_and_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "shop.arch.json"
    save(two_az_network(), target)
    before = target.read_bytes()
    grown = two_az_network()
    grown.set_metadata("description", "x" * 5000)
    size = len(dumps(grown).encode())
    monkeypatch.setattr(serialization, "MAX_FILE_BYTES", size - 1)
    with pytest.raises(DocumentError) as caught:
        save(grown, target)
    assert str(caught.value) == (
        f"{target}: the design would be {size} bytes saved, over the {size - 1} bytes limit of a design; "
        "nothing was written"
    )
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shop.arch.json"]


@pytest.mark.parametrize("source", ["vpc-three-az-nat.yaml", "tf"])
def test_an_import_that_would_save_over_the_limit_is_refused_naming_its_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], source: str
) -> None:
    if source == "tf":
        (tmp_path / "tf").mkdir()
        (tmp_path / "tf" / "main.tf").write_text(
            'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n', encoding="utf-8"
        )
        template = tmp_path / "tf"
    else:
        template = CORPUS / source
    monkeypatch.setattr(serialization, "MAX_FILE_BYTES", 1000)
    out = tmp_path / "out.arch.json"
    assert main(["import", str(template), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"archbuilder: error: {template}: the design imported from it would be ")
    assert err.endswith(" bytes saved, over the 1000 bytes limit of a design; nothing was written\n")
    assert not out.exists()


def test_terraform_over_its_limit_is_refused_before_it_is_parsed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    limit = terraform.MAX_TERRAFORM_BYTES
    assert limit == cfn_yaml.MAX_BYTES == 5 * 1024 * 1024
    one = tmp_path / "big.tf"
    one.write_bytes(b"# comment\n" * (limit // 10 + 1))
    folder = tmp_path / "split"
    folder.mkdir()
    for name in ("a.tf", "b.tf"):  # each under the limit, both together over it
        (folder / name).write_bytes(b"# comment\n" * (limit // 20 + 10))
    words = "more than the 5 MB of Terraform an import reads (as much as a CloudFormation template)"
    for source in (one, folder):
        assert main(["import", str(source), "-o", str(tmp_path / "out.arch.json")]) == 2
        assert capsys.readouterr().err == f"archbuilder: error: {source}: {words}\n"
    (folder / "b.tf").write_bytes(b"# comment\n" * 10)
    assert terraform.terraform_texts(folder).keys() == {"a.tf", "b.tf"}  # under the limit in all: read
