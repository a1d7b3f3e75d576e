"""Loading a document checks every invariant the editing commands check, with the same messages, however the
checks are shortened (memoised property verdicts, deferred extra subnets, nesting measured on parsed data)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from archbuilder.model import Architecture, DocumentError, InvariantError, dumps, loads
from tests.model.builders import two_az_network


def _document(**services: dict[str, Any]) -> dict[str, Any]:
    """The two-AZ network as JSON data, with the given services (id -> node fields) added."""
    data = json.loads(dumps(two_az_network()))
    for node_id, fields in services.items():
        data["nodes"].append({"kind": "service", "id": node_id, "label": node_id.title(), **fields})
    return data


def _refusal(data: dict[str, Any] | str) -> str:
    text = data if isinstance(data, str) else json.dumps(data)
    with pytest.raises(DocumentError) as error:
        loads(text, "shop.arch.json")
    return str(error.value)


def test_a_property_value_accepted_once_does_not_let_an_equal_value_of_another_type_through() -> None:
    # True == 1: the first service's verdict on `true` must not be reused for the second's `1`.
    data = _document(
        db1={"type": "rds_instance", "parent_id": "private-a", "properties": {"multi_az": True}},
        db2={"type": "rds_instance", "parent_id": "private-b", "properties": {"multi_az": 1}},
    )
    assert _refusal(data) == "shop.arch.json: node 'db2': rds_instance › Multi-AZ: must be true or false"


def test_a_refused_property_value_is_refused_for_every_service_that_has_it() -> None:
    data = _document(
        fn1={"type": "lambda_function", "parent_id": "region", "properties": {"timeout_seconds": 30}},
        fn2={"type": "lambda_function", "parent_id": "region", "properties": {"timeout_seconds": "30"}},
    )
    assert _refusal(data).startswith("shop.arch.json: node 'fn2': lambda_function › ")
    assert _refusal(data).endswith(": must be a whole number")
    arch = loads(json.dumps(_document(fn1=data["nodes"][-2])), "shop.arch.json")
    with pytest.raises(InvariantError, match="must be a whole number"):
        arch.add_service("lambda_function", "region", node_id="fn3", properties={"timeout_seconds": "30"})


def test_a_value_outside_the_catalogs_bounds_is_kept_as_written() -> None:
    """An imported template's value past a bound loads as written (validation reports it); an edit is refused."""
    data = _document(
        fn1={"type": "lambda_function", "parent_id": "region", "properties": {"timeout_seconds": 1200}},
        fn2={"type": "lambda_function", "parent_id": "region", "properties": {"runtime": "python3.9"}},
    )
    arch = loads(json.dumps(data), "shop.arch.json")
    assert (arch.service("fn1").properties["timeout_seconds"], arch.service("fn2").properties["runtime"]) == (
        1200,
        "python3.9",
    )
    with pytest.raises(InvariantError, match="must be at most 900 s"):
        arch.set_property("fn2", "timeout_seconds", 901)
    arch.set_property("fn2", "timeout_seconds", 901, as_written=True)
    assert arch.service("fn2").properties["timeout_seconds"] == 901


def test_an_empty_list_accepted_once_does_not_let_an_empty_object_through() -> None:
    data = _document(
        sg1={"type": "security_group", "parent_id": "vpc", "properties": {"ingress": []}},
        sg2={"type": "security_group", "parent_id": "vpc", "properties": {"ingress": {}}},
    )
    assert (
        _refusal(data)
        == "shop.arch.json: node 'sg2': security_group › Ingress rules: must be a list of rules"
    )


def test_extra_subnets_may_name_later_subnets_and_are_checked_once_all_nodes_exist() -> None:
    data = _document(alb={"type": "alb", "parent_id": "public-a", "extra_subnet_ids": ["public-b"]})
    # Services first: the extra subnet comes after the service in the file.
    data["nodes"].sort(key=lambda node: node["kind"] != "service")
    arch = loads(json.dumps(data), "shop.arch.json")
    assert arch.service("alb").extra_subnet_ids == ["public-b"]

    data["nodes"][0]["extra_subnet_ids"] = ["public-b", "public-b"]
    assert (
        _refusal(data) == "shop.arch.json: node 'alb' › extra_subnet_ids: 'Alb' lists subnet 'Public b' twice"
    )
    data["nodes"][0]["extra_subnet_ids"] = ["missing"]
    assert _refusal(data) == (
        "shop.arch.json: node 'alb' › extra_subnet_ids: 'Alb' spans subnet 'missing', which does not exist"
    )


def test_too_deep_nesting_is_named_with_its_depth_whether_or_not_the_json_is_valid() -> None:
    deep: Any = "leaf"
    for _ in range(70):
        deep = {"x": deep}
    data = _document(bucket={"type": "s3_bucket", "parent_id": "region", "properties": {"tags": deep}})
    # document > nodes > node > properties > 70 objects
    assert _refusal(data) == "shop.arch.json: nested 74 levels deep, over the limit of 64"
    assert _refusal("[" * 100) == "shop.arch.json: nested 100 levels deep, over the limit of 64"
    assert _refusal('{"a": ' * 3000) == "shop.arch.json: nested 3000 levels deep, over the limit of 64"
    assert _refusal("[" * 64 + "]" * 63) == "shop.arch.json: line 1 column 128: Expecting ',' delimiter"
    # Brackets inside strings do not count.
    assert _refusal('["' + "[" * 100 + '"]') == "shop.arch.json: the document must be a JSON object, not list"


def test_loading_emits_no_events_and_the_loaded_architecture_emits_them_afterwards() -> None:
    data = _document(queue={"type": "sqs_queue", "parent_id": "region"})
    arch = loads(json.dumps(data), "shop.arch.json")
    seen: list[str] = []
    arch.events.node_added.connect(lambda node: seen.append(node.id))
    arch.add_service("sns_topic", "region", node_id="topic")
    assert seen == ["topic"]
    assert isinstance(arch, Architecture)


def test_a_duplicate_key_is_named_wherever_it_is() -> None:
    text = json.dumps(_document(queue={"type": "sqs_queue", "parent_id": "region"}))
    text = text.replace('"type": "sqs_queue"', '"type": "sqs_queue", "label": "Again", "type": "sqs_queue"')
    assert _refusal(text) == "shop.arch.json: duplicate key 'label' in one object"
