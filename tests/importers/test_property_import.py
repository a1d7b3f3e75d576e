"""Every catalog property the CloudFormation export writes is read back by the import as the very value written,
and the template comes out again unchanged; values outside the catalog's bounds survive and raise a finding.

The designs are those of tests/exporters/test_property_coverage.py: one service with one property at a value
other than its default, in the context that gives the property something to act on."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from archbuilder.catalog import default_catalog
from archbuilder.catalog.export_gaps import BY_PROPERTY, CLOUDFORMATION
from archbuilder.catalog.service_type import PropertyType
from archbuilder.compare.diff_engine import diff_documents
from archbuilder.compare.diff_sources import cloudformation_document
from archbuilder.exporters.cloudformation.source_template import cloudformation_template
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.terraform.files import render
from archbuilder.importers.cloudformation import import_template
from archbuilder.importers.property_paths import property_paths
from archbuilder.importers.terraform import import_terraform
from archbuilder.model import Architecture
from archbuilder.validation import validate
from tests.exporters.test_property_coverage import (
    BASE,
    DESIGN_ONLY,
    NOT_YET_WRITTEN,
    cases,
    design,
    other_value,
)

# What the CloudFormation export writes: all but what no template states and what it cannot write yet (a property
# only Terraform cannot write, such as a certificate's exportable, is written here).
WRITTEN = [
    case
    for case in cases()
    if case not in DESIGN_ONLY
    and (case not in NOT_YET_WRITTEN or CLOUDFORMATION not in BY_PROPERTY[case].formats)
]
# Written by the export but not readable from its template, each with why.
NOT_READ: dict[tuple[str, str], str] = {}
READ = [case for case in WRITTEN if case not in NOT_READ]


def round_trip(arch: Architecture, folder: Path) -> tuple[dict[str, Any], Architecture]:
    """The design's template, and the design imported from it."""
    template = build_template(arch)
    path = folder / "template.json"
    path.write_text(json.dumps(template))
    imported, _report = import_template(path)
    return template, imported


def subject_id(imported: Architecture) -> str:
    """The subject's node: the one of resource Subject, else (a service CloudFormation has no resource for, read
    from the step the export left to do by hand) the one labelled Subject."""
    assert imported.imported is not None
    named = [n for n, logical in imported.imported.names.items() if logical == "Subject"]
    [node_id] = named or [n.id for n in imported.services() if n.label == "Subject"]
    return node_id


def subject(imported: Architecture) -> dict[str, Any]:
    return dict(imported.service(subject_id(imported)).properties)


@pytest.mark.parametrize(("type_id", "name"), READ, ids=[f"{t}.{n}" for t, n in READ])
def test_a_written_value_imports_as_written_and_exports_unchanged(
    type_id: str, name: str, tmp_path: Path
) -> None:
    spec = default_catalog().get(type_id).property_spec(name)
    assert spec is not None
    value = other_value(type_id, spec)
    template, imported = round_trip(design(type_id, {**BASE.get((type_id, name), {}), name: value}), tmp_path)
    assert subject(imported)[name] == value
    diff = diff_documents(
        cloudformation_document("exported", template),
        cloudformation_document("imported", cloudformation_template(imported)),
    )
    assert (diff.resources, diff.sections) == ([], [])


@pytest.mark.parametrize("kind", ["iam", "tls", "sasl_scram", "unauthenticated"])
def test_every_kafka_client_authentication_comes_back_from_both_formats(kind: str, tmp_path: Path) -> None:
    """Mutual TLS and SCRAM used to be left out of both exports, which MSK deploys as open to unauthenticated
    clients; each kind is now written, read back as itself and written again unchanged."""
    arch = design("msk_cluster", {"client_authentication": kind})
    template, imported = round_trip(arch, tmp_path)
    assert subject(imported)["client_authentication"] == kind
    assert cloudformation_template(imported) == template
    files = render(arch)
    folder = tmp_path / "terraform"
    folder.mkdir()
    for file_name, text in files.items():
        (folder / file_name).write_text(text)
    from_terraform, _report = import_terraform(folder)
    [cluster] = [s for s in from_terraform.services() if s.type == "msk_cluster"]
    assert cluster.properties["client_authentication"] == kind
    assert render(from_terraform) == files


def test_rules_on_the_groups_clusters_make_come_back_to_their_service_with_their_descriptions(
    tmp_path: Path,
) -> None:
    """Managed nodes take their EKS cluster's group, and the export writes their rules there: they are the node
    group's (not the cluster's), and a rule's own description survives; a CloudHSM cluster's rules likewise."""
    rules = [
        {
            "protocol": "tcp",
            "from_port": 8443,
            "to_port": 8443,
            "cidr": "10.0.0.0/16",
            "description": "admin",
        },
        {"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr": "10.1.0.0/16"},
    ]
    for type_id in ("eks_node_group", "cloudhsm_cluster"):
        template, imported = round_trip(design(type_id, {"ingress": rules}), tmp_path)
        assert subject(imported)["ingress"] == rules
        assert [s.properties.get("ingress") for s in imported.services() if s.label == "Peer"] in ([[]], [])
        assert cloudformation_template(imported) == template


def test_every_written_property_has_a_way_to_be_read() -> None:
    paths = property_paths()
    unread = [(t, n) for t, n in READ if n not in paths.get(t, {})]
    assert unread == []
    assert set(NOT_READ) <= set(WRITTEN) and all(reason.strip() for reason in NOT_READ.values())
    catalog = default_catalog()
    unknown = [
        (t, n) for t, entries in paths.items() for n in entries if catalog.get(t).property_spec(n) is None
    ]
    assert unknown == []


def test_a_template_that_omits_a_setting_reads_as_aws_behaves_not_as_the_catalog_default(
    tmp_path: Path,
) -> None:
    """The worst case seen: an OpenSearch domain read with the catalog's (safer) defaults reviewed clean."""
    path = tmp_path / "search.yaml"
    path.write_text(
        "Resources:\n"
        "  Search:\n"
        "    Type: AWS::OpenSearchService::Domain\n"
        "    Properties:\n"
        "      EngineVersion: OpenSearch_2.11\n"
        "      ClusterConfig: {InstanceType: t3.small.search}\n"
        "      AccessPolicies:\n"
        "        Version: '2012-10-17'\n"
        "        Statement: [{Effect: Allow, Principal: {AWS: '*'}, Action: 'es:*', Resource: '*'}]\n"
    )
    arch, report = import_template(path)
    search = arch.service("search").properties
    assert {
        k: search[k] for k in ("instance_count", "zone_awareness", "encrypted", "transit_encryption")
    } == {
        "instance_count": 1,
        "zone_awareness": False,
        "encrypted": False,
        "transit_encryption": False,
    }
    found = {(f.rule_id, f.node_ids) for f in validate(arch).findings}
    assert ("SEC-005", ("search",)) in found  # no encryption at rest: no longer reviewed as clean
    assert report.warnings == []


def plain_path(type_id: str, name: str) -> dict[str, Any] | None:
    """The property's entry when its template value is the property's value as it is (no mapping)."""
    entry = property_paths().get(type_id, {}).get(name)
    if entry is None or set(entry) - {"path", "resource", "absent", "lower"}:
        return None
    return entry


BOUNDED = [
    (service.id, spec.name)
    for service in default_catalog()
    for spec in service.properties
    if (service.id, spec.name) in READ
    and plain_path(service.id, spec.name) is not None
    and (spec.type is PropertyType.ENUM or spec.minimum is not None or spec.maximum is not None)
]


def outside(type_id: str, name: str) -> Any:
    spec = default_catalog().get(type_id).property_spec(name)
    assert spec is not None
    if spec.type is PropertyType.ENUM and any(v.isdigit() for v in spec.values):
        return next(str(n) for n in range(2, 10_000) if str(n) not in spec.values)  # days, seconds as text
    if spec.type is PropertyType.ENUM:
        return f"{spec.values[0]}-retired"
    if spec.maximum is not None:
        return int(spec.maximum) + 1
    return int(spec.minimum or 0) - 1


def put(body: dict[str, Any], path: str, value: Any) -> None:
    """Set `value` at a path of the shape the paths file uses (keys, [n], [Key=value])."""
    steps = [(m.group(1), m.group(2)) for m in re.finditer(r"\[([^\]]*)\]|([^.\[\]]+)", path)]
    node: Any = body
    for index, (selector, key) in enumerate(steps):
        last = index == len(steps) - 1
        if key is not None:
            if last:
                node[key] = value
            else:
                node = node[key]
            continue
        assert selector is not None
        if selector.isdigit():
            item = int(selector)
        else:
            field, _, wanted = selector.partition("=")
            item = next(i for i, entry in enumerate(node) if str(entry.get(field)) == wanted)
        if last:
            node[item] = value
        else:
            node = node[item]


@pytest.mark.parametrize(("type_id", "name"), BOUNDED, ids=[f"{t}.{n}" for t, n in BOUNDED])
def test_a_value_outside_the_catalog_survives_export_and_raises_a_finding(
    type_id: str, name: str, tmp_path: Path
) -> None:
    """A template value past the catalog's bounds or choices is read as written, written back unchanged (to
    CloudFormation, and to Terraform without a refusal) and reported by LIM-090 or LIM-091."""
    spec = default_catalog().get(type_id).property_spec(name)
    entry = plain_path(type_id, name)
    assert spec is not None and entry is not None
    value = outside(type_id, name)
    template = build_template(
        design(type_id, {**BASE.get((type_id, name), {}), name: other_value(type_id, spec)})
    )
    owner = "Subject"
    if "resource" in entry:
        owner = next(n for n, b in template["Resources"].items() if b["Type"] == entry["resource"])
    put(template["Resources"][owner]["Properties"], str(entry["path"]), value)
    path = tmp_path / "template.json"
    path.write_text(json.dumps(template))
    imported, report = import_template(path)
    assert subject(imported)[name] == value
    assert any(f"{spec.label or name} {value!r} is outside the catalog" in w for w in report.warnings)
    assert cloudformation_template(imported) == template
    render(imported)  # Terraform writes it too, without refusing
    findings = validate(imported).findings
    [node_id] = [n for n, logical in imported.imported.names.items() if logical == "Subject"]  # type: ignore[union-attr]
    mine = [(f.rule_id, f.node_ids) for f in findings if f.rule_id in ("LIM-090", "LIM-091")]
    assert mine == [("LIM-090" if spec.limit_source else "LIM-091", (node_id,))]
    assert not [f for f in findings if f.message.startswith("internal error")]
