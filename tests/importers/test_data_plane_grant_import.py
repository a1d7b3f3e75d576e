"""The grants a function's writes are exported as come back as those writes: from CloudFormation and from
Terraform, the same connections (a CodeCommit push and pull as read-write, the others as writes), and exported
again, the same files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from archbuilder.exporters.cloudformation.source_template import cloudformation_template
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.terraform.files import render
from archbuilder.importers.terraform import import_terraform
from tests.exporters.test_data_plane_grants import indexer
from tests.importers.round_trips import connections, imported, terraform_imported

FLOWS = {
    ("Indexer", "Search", "write"),
    ("Indexer", "Audit log", "write"),
    ("Indexer", "Images", "write"),
    ("Indexer", "Config repo", "read_write"),
    ("Indexer", "Token", "write"),
}


def test_the_grants_come_back_from_cloudformation_as_the_writes(tmp_path: Path) -> None:
    template = build_template(indexer())
    arch, report = imported(template, tmp_path)
    assert report.generic == [] and report.warnings == []
    assert connections(indexer()) == connections(arch) == FLOWS
    assert cloudformation_template(arch) == template
    arch.set_imported_source(None)
    # The design itself came back: rendered without the template, it writes it again, the policy's statements
    # in the order of the connections (which the import numbers anew).
    rebuilt = build_template(arch)
    assert _statements_in_any_order(rebuilt) == _statements_in_any_order(template)


def _statements_in_any_order(template: dict[str, Any]) -> dict[str, Any]:
    policy = template["Resources"]["IndexerRolePolicy"]["Properties"]["PolicyDocument"]
    statements = sorted(policy["Statement"], key=json.dumps)
    return {**template, "Resources": {**template["Resources"], "IndexerRolePolicy": statements}}


def test_the_grants_come_back_from_terraform_as_the_writes(tmp_path: Path) -> None:
    files = render(indexer())
    arch, report = terraform_imported(files, tmp_path)
    assert report.generic == [] and report.warnings == []
    assert connections(arch) == FLOWS
    assert render(arch) == files


def test_the_search_domain_keeps_its_encryption_through_terraform(tmp_path: Path) -> None:
    """encrypt_at_rest and node_to_node_encryption are read back (resources/import/terraform.yaml), not taken as
    absent (false)."""
    for name, text in render(indexer()).items():
        (tmp_path / name).write_text(text)
    arch, _report = import_terraform(tmp_path)
    [search] = [node for node in arch.services() if node.type == "opensearch_domain"]
    assert (search.properties["encrypted"], search.properties["transit_encryption"]) == (True, True)


def test_labels_a_logical_id_spells_come_back_from_terraform(tmp_path: Path) -> None:
    """`ACM` is the CloudFormation logical id of a service labelled ACM, but Terraform names it acm: the labels
    comment names it, as it names labels no logical id spells."""
    from tests.exporters.every_service import every_service

    for name, text in render(every_service()).items():
        (tmp_path / name).write_text(text)
    arch, _report = import_terraform(tmp_path)
    labels = {node.label for node in arch.services()}
    assert {
        "ACM",
        "DAX",
        "SQS",
        "WAF",
        "MSK",
        "KMS",
        "ECR",
        "CloudFront",
        "CodeBuild",
        "ElastiCache",
    } <= labels
