"""Nothing a template's mapped resources say is lost by an edit: each property is modelled (the design writes
it) or passed through unchanged (tests/importers/pass_through.py), for every corpus template."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from tests.importers.pass_through import pass_through as checked
from tests.importers.test_round_trip import CORPUS

pass_through = cache(checked)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_every_property_of_a_mapped_resource_is_modelled_or_passed_through(path: Path) -> None:
    _passed, lost = pass_through(path)
    assert lost == []


def test_the_corpus_has_properties_only_passed_through() -> None:
    """The check above has something to check: the corpus sets properties the model does not write (a
    function's DeadLetterConfig and TracingConfig are written now, as production defaults)."""
    passed = {(kind, key) for path in CORPUS for _logical, kind, key in pass_through(path)[0]}
    assert {
        ("AWS::DynamoDB::Table", "GlobalSecondaryIndexes"),
        ("AWS::RDS::DBInstance", "Iops"),
        ("AWS::SNS::Topic", "Subscription"),
    } <= passed
