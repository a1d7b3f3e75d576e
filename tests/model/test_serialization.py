"""The .arch.json format: deterministic bytes, strict parsing, atomic saves, migrations, JSON Schema."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from archbuilder.catalog import ConnectionKind
from archbuilder.model import DocumentError, Suppression, dumps, load, loads, save, serialization
from archbuilder.model.document import RuleSetting
from archbuilder.resource_files import resource_root
from tests.golden_files import assert_golden_file
from tests.model.builders import two_az_network

SCHEMA_FILE = Path(str(resource_root())) / "schema" / "arch-document-v1.schema.json"


def sample():
    arch = two_az_network()
    arch.add_service(
        "alb", "public-a", label="Web ALB", extra_subnet_ids=["public-b"], node_id="alb", x=40, y=30
    )
    arch.add_service(
        "rds_instance", "private-b", label="Orders DB", extra_subnet_ids=["private-a"], node_id="db"
    )
    arch.add_service("ec2_instance", "private-a", label="App", node_id="app", x=10.5, y=20.25)
    arch.connect("alb", "app", ConnectionKind.TRAFFIC, port=80, connection_id="alb-app")
    arch.connect("app", "db", ConnectionKind.TRAFFIC, port=5432, label="SQL", connection_id="app-db")
    arch.add_suppression(Suppression(rule_id="REL-001", node_ids=("db",), reason="dev database"))
    arch.set_rule_setting("COST-002", RuleSetting(enabled=False))
    arch.set_metadata("description", "Ünïcode and “quotes” survive")
    return arch


def test_save_load_save_is_byte_identical(tmp_path: Path) -> None:
    path = tmp_path / "shop.arch.json"
    save(sample(), path)
    first = path.read_bytes()
    save(load(path), path)
    assert path.read_bytes() == first
    text = first.decode("utf-8")
    assert text.startswith('{\n  "schema_version": 1,\n  "connections": [\n')
    assert text.endswith("}\n")
    assert "Ünïcode" in text  # written as UTF-8, not \u escapes


def test_moving_one_node_changes_only_its_lines() -> None:
    arch = sample()
    before = dumps(arch).splitlines()
    arch.move_node("app", 99, 20.25)
    after = dumps(arch).splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert changed == [('      "x": 10.5,', '      "x": 99.0,')]


def test_round_trip_keeps_exact_model_state() -> None:
    arch = sample()
    again = loads(dumps(arch))
    assert {k: v.model_dump() for k, v in again.nodes.items()} == {
        k: v.model_dump() for k, v in arch.nodes.items()
    }
    assert again.connections == arch.connections
    assert again.suppressions == arch.suppressions
    assert again.rule_settings == {"COST-002": RuleSetting(enabled=False)}
    assert again.service("db").extra_subnet_ids == ["private-a"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "shop.arch.json: line 1 column 2: Expecting property name enclosed in double quotes"),
        (
            '{"schema_version": 1, "metadata": {}, "metadata": {}}',
            "shop.arch.json: duplicate key 'metadata' in one object",
        ),
        ('{"schema_version": 1, "metadata": {"name": NaN}}', "shop.arch.json: NaN is not allowed"),
        ('{"schema_version": 1, "metadata": {"name": Infinity}}', "shop.arch.json: Infinity is not allowed"),
        (
            '{"schema_version": 2, "metadata": {}}',
            "shop.arch.json: schema_version 2 is newer than this archbuilder understands (1)",
        ),
        ('{"metadata": {}}', "shop.arch.json: schema_version is missing or not a whole number"),
        ("[]", "shop.arch.json: the document must be a JSON object, not list"),
        (
            '{"schema_version": 1, "metadata": {"name": 5}}',
            "shop.arch.json: metadata › name: Input should be a valid string",
        ),
        (
            '{"schema_version": 1, "metadata": {}, "extra": 1}',
            "shop.arch.json: extra: Extra inputs are not permitted",
        ),
        (
            '{"schema_version": 1, "metadata": {}, "nodes": [{"kind": "region", "id": "r", "label": "R", "x": "left"}]}',
            "shop.arch.json: nodes[0] (id 'r') › x: Input should be a valid number",
        ),
        (
            '{"schema_version": 1, "metadata": {}, "nodes": [{"kind": "vpc", "id": "v", "label": "V"}]}',
            "shop.arch.json: node 'v': a vpc container must be placed in a region, not outside any region",
        ),
        (
            '{"schema_version": 1, "metadata": {}, "nodes": [{"kind": "service", "id": "s", "label": "S", "type": "warp_drive"}]}',
            "shop.arch.json: node 's': 'S' has unknown service type 'warp_drive'",
        ),
        (
            '{"schema_version": 1, "metadata": {}, "nodes": [{"kind": "region", "id": "r", "label": "R", "parent_id": "r"}]}',
            "shop.arch.json: node 'r' is inside itself (parent cycle)",
        ),
        (
            '{"schema_version": 1, "metadata": {}, "connections": [{"id": "c", "source_id": "a", "target_id": "b"}]}',
            "shop.arch.json: connection 'c': there is no node with id 'a'",
        ),
        ("[" * 100 + "]" * 100, "shop.arch.json: nested 100 levels deep, over the limit of 64"),
    ],
)
def test_malformed_documents_are_refused_with_file_and_place(text: str, message: str) -> None:
    with pytest.raises(DocumentError) as error:
        loads(text, "shop.arch.json")
    assert str(error.value).startswith(message)


def test_binary_and_oversized_files_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    junk = tmp_path / "junk.arch.json"
    junk.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(DocumentError, match=r"junk.arch.json: not UTF-8 text \(byte 0\)"):
        load(junk)
    big = tmp_path / "big.arch.json"
    big.write_bytes(b" " * 2048)
    monkeypatch.setattr(serialization, "MAX_FILE_BYTES", 1024)
    with pytest.raises(DocumentError, match=r"big.arch.json: 2048 bytes is over the 1024 bytes limit"):
        load(big)
    with pytest.raises(DocumentError, match=r"missing\.arch\.json: cannot open"):
        load(tmp_path / "missing.arch.json")


def test_failed_save_leaves_the_users_file_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "shop.arch.json"
    save(sample(), path)
    original = path.read_bytes()

    def fail_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail_replace)
    changed = sample()
    changed.set_metadata("name", "Changed")
    with pytest.raises(DocumentError, match="could not save: No space left on device"):
        save(changed, path)
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shop.arch.json"]  # no temp file left behind


def test_migrations_run_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    def v1_to_v2(data: dict) -> dict:
        data["metadata"]["name"] = data["metadata"].pop("title")
        return data

    monkeypatch.setattr(serialization, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(serialization.MIGRATIONS, 1, v1_to_v2)
    migrated = serialization.migrate({"schema_version": 1, "metadata": {"title": "Old"}})
    assert migrated == {"schema_version": 2, "metadata": {"name": "Old"}}
    monkeypatch.setattr(serialization, "SCHEMA_VERSION", 3)
    with pytest.raises(DocumentError, match="schema_version 2 is not supported"):
        serialization.migrate({"schema_version": 1, "metadata": {"title": "Old"}})


def test_committed_json_schema_matches_the_models() -> None:
    generated = json.dumps(serialization.json_schema(), indent=2, sort_keys=True) + "\n"
    assert_golden_file(SCHEMA_FILE, generated.encode("utf-8"))


def test_documents_validate_against_the_committed_schema() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(dumps(sample())), schema)
    bad = json.loads(dumps(sample()))
    bad["nodes"][0]["kind"] = "planet"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def test_a_new_file_gets_ordinary_permissions_and_an_existing_one_keeps_its_own(tmp_path: Path) -> None:
    path = tmp_path / "new.arch.json"
    umask = os.umask(0o022)
    try:
        save(sample(), path)
    finally:
        os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o644
    path.chmod(0o600)
    save(sample(), path)
    assert path.stat().st_mode & 0o777 == 0o600


def test_pinned_is_written_only_when_set_so_old_documents_keep_their_bytes() -> None:
    arch = sample()
    text = dumps(arch)
    assert '"pinned"' not in text
    node_id = sorted(arch.nodes)[0]
    arch.set_pinned(node_id, True)
    pinned = dumps(arch)
    assert pinned.count('"pinned": true') == 1
    again = loads(pinned)
    assert again.node(node_id).pinned and dumps(again) == pinned
    again.set_pinned(node_id, False)
    assert dumps(again) == text


def test_annotations_round_trip_and_are_absent_when_there_are_none() -> None:
    from archbuilder.model.annotations import Annotation

    arch = sample()
    plain = dumps(arch)
    assert '"annotations"' not in plain
    service_id = next(node.id for node in arch.nodes.values() if node.kind == "service")
    arch.annotations.add(Annotation(id="note", kind="note", text="Peak: 2,000 orders/min", x=10, y=-80))
    arch.annotations.add(Annotation(id="users", kind="users", x=-200, y=40, targets=(service_id,)))
    text = dumps(arch)
    again = loads(text)
    assert dumps(again) == text
    assert again.annotations.get("users").targets == (service_id,)
    assert again.annotations.get("note").title == "Peak: 2,000 orders/min"
    assert again.annotations.get("users").title == "Users"
    again.annotations.remove("note")
    again.annotations.remove("users")
    assert dumps(again) == plain
    with pytest.raises(DocumentError, match=r"annotations\[0\] \(id 'note'\) › kind: Input should be 'note'"):
        loads(text.replace('"kind": "note"', '"kind": "sticker"'))
