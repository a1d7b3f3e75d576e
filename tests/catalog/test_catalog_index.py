"""The catalog index: the same entries as the YAML, rebuilt whenever the YAML or the schema changes, and never
trusted when damaged."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from archbuilder.catalog import index, loader
from archbuilder.resource_files import catalog_dir


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(index.CACHE_ENV, str(folder))
    return folder


def _files() -> list[tuple[str, bytes]]:
    return loader._read(catalog_dir())


def _parse_counting(calls: list[int]):
    def parse(files):
        calls.append(1)
        return loader.parse_entries(files)

    return parse


def test_the_index_holds_exactly_what_the_yaml_says(cache: Path) -> None:
    files = _files()
    from_yaml = loader.parse_entries(files)
    assert loader.load_entries() == from_yaml  # built from the YAML on first use
    [written] = cache.glob("catalog-*.json")
    assert written.name == f"catalog-{index.index_key(files)}.json"
    assert index.load_indexed(files, lambda _files: pytest.fail("the index was not used")) == from_yaml


def test_the_c_and_python_safe_loaders_read_the_catalog_alike() -> None:
    for name, data in _files():
        text = data.decode("utf-8")
        assert yaml.load(text, Loader=yaml.CSafeLoader) == yaml.safe_load(text), name


def test_a_changed_catalog_file_gets_a_new_index(cache: Path, tmp_path: Path) -> None:
    shutil.copytree(Path(str(catalog_dir())), tmp_path / "catalog")
    storage = tmp_path / "catalog" / "storage.yaml"
    calls: list[int] = []
    before = index.load_indexed(loader._read(tmp_path / "catalog"), _parse_counting(calls))
    storage.write_text(
        storage.read_text(encoding="utf-8").replace("name: Amazon S3", "name: Amazon S3 (edited)", 1)
    )
    after = index.load_indexed(loader._read(tmp_path / "catalog"), _parse_counting(calls))
    assert calls == [1, 1]
    changed = {(s.id, s.name) for s in after} - {(s.id, s.name) for s in before}
    assert changed == {("s3_bucket", "Amazon S3 (edited) bucket")}
    assert len(list(cache.glob("catalog-*.json"))) == 2  # another install's index is kept


def test_the_indexes_written_last_are_kept(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache.mkdir()
    for age in range(12):  # indexes of other catalogs, the oldest first
        old = cache / f"catalog-{age:040d}.json"
        old.write_bytes(b"[]")
        os.utime(old, (1_000_000 + age, 1_000_000 + age))
    files = _files()
    index.load_indexed(files, loader.parse_entries)
    kept = sorted(p.name for p in cache.glob("catalog-*.json"))
    assert len(kept) == index.KEPT_INDEXES
    current = f"catalog-{index.index_key(files)}.json"
    assert current in kept
    # The newest of the others (the current key is a hash, which may start with zeros too).
    assert [f"catalog-{age:040d}.json" for age in range(5, 12)] == [k for k in kept if k != current]


def test_a_damaged_index_is_ignored_and_rewritten(cache: Path) -> None:
    files = _files()
    expected = loader.parse_entries(files)
    index.load_indexed(files, loader.parse_entries)
    [written] = cache.glob("catalog-*.json")
    for damage in (written.read_bytes()[:1000], b'[{"id": "s3_bucket"}]', b"\xff\xfe"):
        written.write_bytes(damage)
        calls: list[int] = []
        assert index.load_indexed(files, _parse_counting(calls)) == expected
        assert calls == [1]
    assert index.load_indexed(files, lambda _files: pytest.fail("not rewritten")) == expected


def test_an_unwritable_or_disabled_cache_still_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    files = _files()
    expected = loader.parse_entries(files)
    for setting in (str(blocker / "cache"), ""):
        monkeypatch.setenv(index.CACHE_ENV, setting)
        calls: list[int] = []
        assert index.load_indexed(files, _parse_counting(calls)) == expected
        assert calls == [1]
    assert blocker.read_text() == "a file where the cache folder would be"


def test_the_key_follows_the_schema_code(monkeypatch: pytest.MonkeyPatch) -> None:
    files = _files()
    key = index.index_key(files)
    sources = index._schema_sources()
    assert {name for name, _ in sources} >= {"service_type.py", "loader.py", "index.py"}
    edited = [(n, d + b"\n# changed" if n == "service_type.py" else d) for n, d in sources]
    monkeypatch.setattr(index, "_schema_sources", lambda: edited)
    assert index.index_key(files) != key
