"""Every catalog property the Terraform export writes is read back by the Terraform import as the very value
written, and the files come out again byte for byte.

The designs are those of tests/exporters/test_property_coverage.py (one service, one property at a value other
than its default), exported to Terraform instead of CloudFormation; the import reads the arguments by
resources/import/terraform.yaml over resources/import/cloudformation.yaml."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from archbuilder.catalog import default_catalog
from archbuilder.catalog.export_gaps import BY_PROPERTY, TERRAFORM
from archbuilder.exporters.registry import export
from archbuilder.exporters.terraform.files import render
from archbuilder.importers.property_paths import property_paths
from archbuilder.importers.terraform import import_terraform
from archbuilder.model import load
from archbuilder.resource_files import example_names, example_path
from tests.exporters.test_property_coverage import BASE, design, exported_types, other_value
from tests.importers.round_trips import connections, places
from tests.importers.test_property_import import WRITTEN

# Written to Terraform but not yet read back from its files, each with why.
NOT_READ: dict[tuple[str, str], str] = {}
# Resources that stay generic beside a service in its Terraform, each with why.
GENERIC: dict[tuple[str, str], tuple[list[str], str]] = {}
# What the CloudFormation export writes, but for what the Terraform export cannot (a certificate's exportable).
READ = [
    case
    for case in WRITTEN
    if case not in NOT_READ and (case not in BY_PROPERTY or TERRAFORM not in BY_PROPERTY[case].formats)
]


@pytest.mark.parametrize(("type_id", "name"), READ, ids=[f"{t}.{n}" for t, n in READ])
def test_a_written_argument_imports_as_written_and_exports_byte_for_byte(
    type_id: str, name: str, tmp_path: Path
) -> None:
    spec = default_catalog().get(type_id).property_spec(name)
    assert spec is not None
    value = other_value(type_id, spec)
    original = design(type_id, {**BASE.get((type_id, name), {}), name: value})
    files = render(original)
    for file_name, text in files.items():
        (tmp_path / file_name).write_text(text)
    imported, report = import_terraform(tmp_path)
    assert sorted(kind for _logical, kind, _id in report.generic) == GENERIC.get((type_id, name), ([], ""))[0]
    [subject] = [n for n in imported.services() if n.label == "Subject"]
    assert subject.properties[name] == value
    assert render(imported) == files


def test_the_terraform_table_names_catalog_properties_only() -> None:
    catalog = default_catalog()
    tables = (property_paths("terraform"), property_paths("cloudformation"))
    unknown = [
        (t, n) for t, entries in tables[0].items() for n in entries if catalog.get(t).property_spec(n) is None
    ]
    assert unknown == []
    # The Terraform table adds to the CloudFormation one: no property the CloudFormation side reads is lost.
    lost = [(t, n) for t, entries in tables[1].items() for n in entries if n not in tables[0].get(t, {})]
    assert lost == []
    assert set(NOT_READ) <= set(WRITTEN) and all(reason.strip() for reason in NOT_READ.values())


# (services only the import has, services only the design has, the subject's place when it differs) of the
# types whose Terraform does not come back as the design was, each with why.
DIFFERENT: dict[str, tuple[list[str], list[str], str]] = {}
# Connections that do not come back from Terraform (missing, extra), beyond those of DIFFERENT's nodes.
Flows = list[tuple[str, str, str]]
CONNECTIONS: dict[str, tuple[Flows, Flows, str]] = {
    "nlb": (
        [("Cert", "Subject", "attach")],
        [],
        "the design's listener is TCP (the catalog's default), which takes no certificate: both exports write it "
        "so, and nothing in the files says the attachment (with TLS drawn, the listener names it and reads back)",
    ),
}


@pytest.mark.parametrize("type_id", exported_types())
def test_a_service_comes_back_in_its_place_with_its_companions_folded_in_and_its_connections(
    type_id: str, tmp_path: Path
) -> None:
    """The roles, groups, keys, queues and buckets the export makes for a service fold into it again, and it
    sits in the subnets it was drawn in (a function or a build project in a VPC, a Kafka cluster...)."""
    original = design(type_id, {})
    for file_name, text in render(original).items():
        (tmp_path / file_name).write_text(text)
    imported, _report = import_terraform(tmp_path)
    # Every security group folds into its service: none stays a node of its own.
    labels = tuple(Counter(s.label for s in arch.services()) for arch in (imported, original))
    extra, missing, _why = DIFFERENT.get(type_id, ([], [], ""))
    assert (sorted((labels[0] - labels[1]).elements()), sorted((labels[1] - labels[0]).elements())) == (
        extra,
        missing,
    )
    if "Subject" not in extra + missing:
        assert places(imported, "Subject") == places(original, "Subject")
    flows = [connections(arch) for arch in (imported, original)]
    missing_flows, extra_flows, _why = CONNECTIONS.get(type_id, ([], [], ""))
    assert (sorted(flows[1] - flows[0]), sorted(flows[0] - flows[1])) == (missing_flows, extra_flows)


# Connections of the bundled examples that their Terraform does not give back (missing, extra), each with why: none
# (ecs-fargate's service, which names its cluster undrawn, is recorded so atop main.tf: drawn_records.py).
EXAMPLE_CONNECTIONS: dict[str, tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]] = {}


@pytest.mark.parametrize("name", example_names())
def test_every_example_comes_back_from_terraform_with_its_services_and_connections(
    name: str, tmp_path: Path
) -> None:
    original = load(Path(str(example_path(name))))
    export("terraform", original, tmp_path)
    imported, report = import_terraform(tmp_path)
    assert report.generic == []
    # Labels come back as drawn: from Name tags, else from the comment atop main.tf naming those the resource
    # names do not spell (`Orders API` is orders_api).
    assert sorted(s.label for s in imported.services()) == sorted(s.label for s in original.services())
    flows = [connections(arch) for arch in (imported, original)]
    assert (sorted(flows[1] - flows[0]), sorted(flows[0] - flows[1])) == EXAMPLE_CONNECTIONS.get(
        name, ([], [])
    )
