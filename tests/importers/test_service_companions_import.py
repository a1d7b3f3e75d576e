"""Every service type the CloudFormation export writes comes back from its template as the one service it was
drawn as, in its place, with the roles, keys, groups and helpers the export made for it folded in and its
connections as drawn (the Terraform twin of this test is in test_terraform_property_import.py); and so does every
bundled example.

The designs are those of tests/exporters/test_property_coverage.py: one service beside the context it needs."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.model import load
from archbuilder.resource_files import example_names, example_path
from tests.exporters.test_property_coverage import design, exported_types
from tests.importers.round_trips import connections, imported, places

# (services only the import has, services only the design has) of the types whose template does not come back
# as the design was, each with why.
DIFFERENT: dict[str, tuple[list[str], list[str], str]] = {}
# Connections that do not come back (missing, extra), beyond those of DIFFERENT's nodes, each with why.
Flows = list[tuple[str, str, str]]
CONNECTIONS: dict[str, tuple[Flows, Flows, str]] = {
    "nlb": (
        [("Cert", "Subject", "attach")],
        [],
        "the design's listener is TCP, which takes no certificate: the template has nothing that says the attachment",
    ),
}


@pytest.mark.parametrize("type_id", exported_types())
def test_a_service_comes_back_from_its_template_with_its_companions_folded_in_and_its_connections(
    type_id: str, tmp_path: Path
) -> None:
    original = design(type_id, {})
    back, report = imported(build_template(original), tmp_path)
    assert report.generic == []
    # Every security group folds into its service: none stays a node of its own.
    labels = tuple(Counter(s.label for s in arch.services()) for arch in (back, original))
    extra, missing, _why = DIFFERENT.get(type_id, ([], [], ""))
    assert (sorted((labels[0] - labels[1]).elements()), sorted((labels[1] - labels[0]).elements())) == (
        extra,
        missing,
    )
    if "Subject" not in extra + missing:
        assert places(back, "Subject") == places(original, "Subject")
    flows = [connections(arch) for arch in (back, original)]
    missing_flows, extra_flows, _why = CONNECTIONS.get(type_id, ([], [], ""))
    assert (sorted(flows[1] - flows[0]), sorted(flows[0] - flows[1])) == (missing_flows, extra_flows)


# Connections of the bundled examples that their template does not give back (missing, extra), each with why: none
# (ecs-fargate's service, which names its cluster undrawn, is recorded so: drawn_records.py).
EXAMPLE_CONNECTIONS: dict[str, tuple[Flows, Flows]] = {}


@pytest.mark.parametrize("name", example_names())
def test_every_example_comes_back_from_its_template_with_its_services_and_connections(
    name: str, tmp_path: Path
) -> None:
    original = load(Path(str(example_path(name))))
    back, report = imported(build_template(original), tmp_path)
    assert report.generic == []
    assert sorted(s.label for s in back.services()) == sorted(s.label for s in original.services())
    flows = [connections(arch) for arch in (back, original)]
    assert (sorted(flows[1] - flows[0]), sorted(flows[0] - flows[1])) == EXAMPLE_CONNECTIONS.get(
        name, ([], [])
    )
