"""The three-way merge that writes an imported template back: the source keeps what the design did not change,
and a change is applied where it happened."""

from __future__ import annotations

from archbuilder.exporters.write_back import MISSING, merge_named, patch

SOURCE = {
    "Runtime": "python3.12",
    "MemorySize": 512,
    "Architectures": ["arm64"],
    "Tags": [{"Key": "team", "Value": "shop"}, {"Key": "Name", "Value": "Worker"}],
}
BASE = {"Runtime": "python3.12", "MemorySize": 512, "Tags": [{"Key": "Name", "Value": "Worker"}]}


def test_what_the_design_did_not_change_keeps_the_source() -> None:
    assert patch(SOURCE, BASE, dict(BASE)) == SOURCE


def test_a_changed_property_is_set_and_the_others_stay() -> None:
    current = {**BASE, "MemorySize": 1024}
    assert patch(SOURCE, BASE, current) == {**SOURCE, "MemorySize": 1024}


def test_a_tag_changes_by_its_key_and_the_others_stay() -> None:
    current = {**BASE, "Tags": [{"Key": "Name", "Value": "Orders worker"}]}
    assert patch(SOURCE, BASE, current)["Tags"] == [
        {"Key": "team", "Value": "shop"},
        {"Key": "Name", "Value": "Orders worker"},
    ]


def test_a_set_like_list_gains_and_loses_items_in_place() -> None:
    source = {"Subnets": ["a", "b", "c"]}
    assert patch(source, {"Subnets": ["a", "b"]}, {"Subnets": ["b", "d"]}) == {"Subnets": ["b", "c", "d"]}


def test_statements_are_added_and_removed_one_by_one() -> None:
    grant = {"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "q"}
    mine = {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "b"}
    source = {"Version": "2012-10-17", "Statement": [mine, grant]}
    base = {"Version": "2012-10-17", "Statement": [grant]}
    new = {"Effect": "Allow", "Action": ["dynamodb:GetItem"], "Resource": "t"}
    current = {"Version": "2012-10-17", "Statement": [new]}
    assert patch(source, base, current) == {"Version": "2012-10-17", "Statement": [mine, new]}


def test_where_the_source_had_nothing_only_the_change_is_written() -> None:
    base = {"Variables": {"JOBS_QUEUE_URL": {"Ref": "Jobs"}}}
    current = {"Variables": {"JOBS_QUEUE_URL": {"Ref": "Jobs"}, "ALERTS": {"Ref": "Alerts"}}}
    assert patch(MISSING, base, current) == {"Variables": {"ALERTS": {"Ref": "Alerts"}}}
    assert patch(MISSING, base, base) is MISSING


def test_entries_by_name_are_removed_added_and_patched() -> None:
    source = {"Kept": {"Type": "A", "X": 1}, "Gone": {"Type": "B"}, "Mine": {"Type": "C"}}
    base = {"Kept": {"Type": "A", "X": 1}, "Gone": {"Type": "B"}, "Opinion": {"Type": "D"}}
    current = {"Kept": {"Type": "A", "X": 2}, "Opinion": {"Type": "D"}, "New": {"Type": "E"}}
    assert merge_named(source, base, current) == {
        "Kept": {"Type": "A", "X": 2},
        "Mine": {"Type": "C"},
        "New": {"Type": "E"},
    }
