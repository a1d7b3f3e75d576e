"""A design imported from one format exports to the other as the design it came from does: Terraform read back
exports the CloudFormation the design's own export is (cfn-lint passes it as it passes that one, moto deploys it),
and CloudFormation read back exports the design's own Terraform (terraform validate passes it where it differs).
`archbuilder diff` between the two exports in the same format shows only what one format cannot carry and what an
import still misreads (listed below)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto import mock_aws

from archbuilder.compare.diff_engine import DocumentDiff, diff_documents
from archbuilder.compare.diff_sources import cloudformation_document, load_side
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.registry import export
from archbuilder.importers.cloudformation import import_template
from archbuilder.importers.terraform import import_terraform
from archbuilder.model import Architecture, TemplateSections, load
from archbuilder.resource_files import example_names, example_path
from tests.exporters.cfn_tools import deployed_in_moto, lint
from tests.exporters.every_service import every_service
from tests.exporters.test_delivery_export import LAYER
from tests.exporters.test_terraform_validate import _required_variables, _validate, needs_provider
from tests.model.builders import two_az_network

DESIGNS = [*example_names(), "every_service"]
# A template does not say the region its stack is deployed to: the design read back has the catalog's.
NO_REGION = {"reference-data-lake": [("variable", "region")], "streaming-pipeline": [("variable", "region")]}
# What the every-service design read from CloudFormation does not give back the same: the name Terraform gives its
# Shield protection.
SHIELD = "aws_shield_protection.shield_cloud_front_protection"
EVERY_SERVICE_VIA_CLOUDFORMATION = [(SHIELD, "removed"), (f"{SHIELD}_cloud_front_protection", "added")]


def _design(name: str) -> Architecture:
    return every_service() if name == "every_service" else load(Path(str(example_path(name))))


def _sections(diff: DocumentDiff) -> list[tuple[str, str]]:
    return [(s.section, s.name) for s in diff.sections]


@pytest.mark.parametrize("name", DESIGNS)
def test_a_design_read_from_terraform_exports_the_cloudformation_of_the_design_itself(
    name: str, tmp_path: Path
) -> None:
    own = build_template(_design(name))
    export("terraform", _design(name), tmp_path / "tf")
    imported, _report = import_terraform(tmp_path / "tf")
    crossed = build_template(imported)
    # The parameters are the export's own, with the design's values: no Terraform variable beside them under a
    # name CloudFormation cannot spell, none that nothing reads.
    assert crossed.get("Parameters") == own.get("Parameters")
    assert lint(json.dumps(crossed), f"{name}.json") == lint(json.dumps(own), f"{name}.json")
    diff = diff_documents(cloudformation_document("own", own), cloudformation_document("crossed", crossed))
    # Nothing differs: main.tf carries the description under the name, and the records come in their nodes' order.
    assert _sections(diff) == []
    assert diff.resources == []


@pytest.mark.parametrize("name", DESIGNS)
def test_a_design_read_from_cloudformation_exports_the_terraform_of_the_design_itself(
    name: str, tmp_path: Path
) -> None:
    (tmp_path / "template.json").write_text(json.dumps(build_template(_design(name))), encoding="utf-8")
    imported, _report = import_template(tmp_path / "template.json")
    export("terraform", _design(name), tmp_path / "own")
    export("terraform", imported, tmp_path / "crossed")
    diff = diff_documents(load_side(tmp_path / "own"), load_side(tmp_path / "crossed"))
    assert _sections(diff) == NO_REGION.get(name, [])
    expected = EVERY_SERVICE_VIA_CLOUDFORMATION if name == "every_service" else []
    assert [(r.name, r.status) for r in diff.resources] == expected


def test_a_variable_something_still_names_is_written_as_a_parameter_cloudformation_can_spell() -> None:
    """A kept resource naming a Terraform variable names it under its PascalCase name, unique among the
    template's names (one CloudFormation spells keeps its own); one nothing names is the user's own (no source
    read it, as a design drawn here has none) and is written too, and a number default is written as text."""
    arch = two_az_network()
    arch.add_service("ec2_instance", "private-a", label="App", node_id="app")
    arch.add_service(
        "generic",
        "region",
        label="App config",
        node_id="app-config",
        properties={
            "resource_type": "AWS::SSM::Parameter",
            "raw_properties": {"Type": "String", "Value": {"Fn::Sub": "${app_instance_type}-${retries}"}},
        },
    )
    variable: dict[str, Any] = {"Type": "String", "Default": "t3.large"}
    arch.set_template_sections(
        TemplateSections(
            parameters={
                "app_instance_type": variable,
                "retries": {"Type": "String", "Default": 3},
                "unused": {"Type": "String", "Default": "x"},
            }
        )
    )
    template = build_template(arch)
    assert template["Resources"]["AppConfig"]["Properties"]["Value"] == {
        "Fn::Sub": "${AppInstanceType2}-${retries}"
    }
    parameters = template["Parameters"]
    assert sorted(parameters) == ["AppInstanceType", "AppInstanceType2", "LatestAmiId", "retries", "unused"]
    assert parameters["unused"] == {"Type": "String", "Default": "x"}
    assert parameters["AppInstanceType2"] == variable
    assert parameters["AppInstanceType"]["Default"] == "t3.micro"
    assert parameters["retries"] == {"Type": "String", "Default": "3"}
    # The user declared it and nothing reads it: kept as written, and cfn-lint says so, as of any template.
    assert lint(json.dumps(template), "carried.json") == ["W2001 Parameter unused not used."]


@pytest.mark.parametrize("name", DESIGNS)
def test_the_cloudformation_of_a_design_read_from_terraform_deploys_in_moto(
    name: str, tmp_path: Path
) -> None:
    export("terraform", _design(name), tmp_path / "tf")
    template = build_template(import_terraform(tmp_path / "tf")[0])
    with mock_aws():
        s3 = boto3.client("s3", region_name="us-east-1")  # where a nested stack's template is (every_service)
        s3.create_bucket(Bucket="example-bucket")
        s3.put_object(Bucket="example-bucket", Key="layer.yaml", Body=LAYER.encode())
        deployable, created = deployed_in_moto(template, "crossed")
        assert sorted(r["LogicalResourceId"] for r in created) == sorted(deployable["Resources"])


@needs_provider
def test_the_terraform_of_every_design_read_from_cloudformation_passes_terraform_validate(
    tmp_path: Path,
) -> None:
    calls = []
    for name in DESIGNS:
        module = name.replace("-", "_")
        (tmp_path / f"{module}.json").write_text(json.dumps(build_template(_design(name))), encoding="utf-8")
        export("terraform", import_template(tmp_path / f"{module}.json")[0], tmp_path / module)
        given = "".join(
            f"  {variable} = {value}\n"
            for variable, value in _required_variables(tmp_path / module / "variables.tf")
        )
        calls.append(f'module "{module}" {{\n  source = "./{module}"\n{given}}}\n')
    (tmp_path / "main.tf").write_text("\n".join(calls), encoding="utf-8")
    report = _validate(tmp_path)
    assert [item["summary"] for item in report["diagnostics"]] == []
    assert report["valid"] is True


def test_a_variable_the_source_never_read_is_the_users_and_crosses_over(tmp_path: Path) -> None:
    """A variable the Terraform read nowhere is not one whose reader is now written from the design's values: it
    is the user's own (a value kept for a later stack) and becomes a parameter, spelled as CloudFormation spells
    names; the variables the source read do not (the design's own parameters hold those values)."""
    export("terraform", load(example_path("reference-web-app")), tmp_path / "tf")
    with (tmp_path / "tf" / "variables.tf").open("a", encoding="utf-8") as variables:
        variables.write('\nvariable "release_notes" {\n  type    = string\n  default = "first cut"\n}\n')
    design, _report = import_terraform(tmp_path / "tf")
    parameters = build_template(design)["Parameters"]
    own = build_template(load(example_path("reference-web-app")))["Parameters"]
    assert sorted(parameters) == sorted([*own, "ReleaseNotes"])
    assert parameters["ReleaseNotes"] == {"Type": "String", "Default": "first cut"}
