"""`terraform fmt` and `terraform validate` over the Terraform exports, with the real aws provider's schema.

`terraform validate` checks every resource type, argument name, nested block and value type against the
provider's schema: what python-hcl2 (syntax only) cannot see. No provider registry is reachable here, so
`terraform init` reads a local provider mirror (`-plugin-dir`, default /opt/tf-plugins, or
ARCHBUILDER_TF_PLUGIN_DIR); the tests skip, saying why, where the terraform binary or the mirror's
hashicorp/aws is missing. The export asks for no other provider (functions' code is zipped beside the .tf
files, not by the archive provider), so every design is validated whole, functions included.

Every design is exported into a module folder of one root configuration, so one `init` and one `validate`
(which loads the provider's schema once) check them all; each test reads the diagnostics of its modules.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import hcl2
import pytest

from archbuilder.exporters.registry import ExportError
from archbuilder.exporters.terraform.convert import Converter_
from archbuilder.exporters.terraform.files import render, render_files
from archbuilder.model import Architecture, load
from archbuilder.resource_files import example_names, example_path
from tests.exporters.every_service import every_service
from tests.exporters.test_api_service_integrations import collector, http_front, service_front
from tests.exporters.test_backup_selection import backed_up
from tests.exporters.test_call_and_stream_grants import job_submitter, step_scheduler, streaming_worker
from tests.exporters.test_cloudformation_generated import SEEDS, generated
from tests.exporters.test_cognito_authorizer import signed_in_api
from tests.exporters.test_connectivity_export import connectivity
from tests.exporters.test_data_plane_grants import indexer
from tests.exporters.test_delivery_export import delivery
from tests.exporters.test_deployment_grants import releaser
from tests.exporters.test_document_graph_export import document_and_graph
from tests.exporters.test_file_mounts import mount_clients
from tests.exporters.test_fsx_capacities import file_systems
from tests.exporters.test_listener_certificates import uncertified
from tests.exporters.test_ml_and_data_processing_export import data_processing, machine_learning, own_fleet
from tests.exporters.test_pipeline_activation import pipeline_starter
from tests.exporters.test_platforms_and_file_storage_export import platforms_and_files
from tests.exporters.test_production_defaults import production_design
from tests.exporters.test_property_coverage import written_properties_design
from tests.exporters.test_rule_submits_jobs import nightly_jobs
from tests.exporters.test_security_and_telemetry_export import security, telemetry
from tests.exporters.test_security_group_nodes import group_nodes
from tests.exporters.test_terraform_services import SERVICE_TYPES, edges, single_service
from tests.exporters.test_warehouse_grants import loader

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "examples"
PLUGIN_DIR = Path(os.environ.get("ARCHBUILDER_TF_PLUGIN_DIR", "/opt/tf-plugins"))
TERRAFORM = shutil.which("terraform")
HAS_AWS_PROVIDER = (PLUGIN_DIR / "registry.terraform.io" / "hashicorp" / "aws").is_dir()

needs_terraform = pytest.mark.skipif(TERRAFORM is None, reason="the terraform binary is not on PATH")
needs_provider = pytest.mark.skipif(
    TERRAFORM is None or not HAS_AWS_PROVIDER,
    reason=f"terraform or a hashicorp/aws provider mirror in {PLUGIN_DIR} is missing (no registry is reachable)",
)


def _terraform(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # A CLI configuration file named by the environment but absent only adds a warning to every command.
    env = {key: value for key, value in os.environ.items() if key != "TF_CLI_CONFIG_FILE"}
    env["TF_IN_AUTOMATION"] = "1"
    return subprocess.run(
        [str(TERRAFORM), *args], cwd=folder, env=env, capture_output=True, text=True, timeout=600
    )


def _validate(root: Path) -> dict[str, Any]:
    init = _terraform(root, "init", "-backend=false", "-input=false", f"-plugin-dir={PLUGIN_DIR}")
    assert init.returncode == 0, init.stdout + init.stderr
    report: dict[str, Any] = json.loads(_terraform(root, "validate", "-json", "-no-color").stdout)
    return report


def _terraform_files(build: Callable[[], Architecture]) -> dict[str, bytes]:
    """Every file of the export, the zips of the functions' code among them: the aws provider is all it asks for."""
    files = render_files(build())
    assert b"hashicorp/archive" not in files["versions.tf"]
    return files


def _exportable(type_id: str) -> bool:
    try:
        render(single_service(type_id))
    except ExportError:  # the types the CloudFormation export refuses, tested with it
        return False
    return True


@cache
def designs() -> dict[str, Callable[[], Architecture]]:
    """Module name -> design: every example, the generated designs, the edge and property designs, and one
    design per service type the export writes."""
    found: dict[str, Callable[[], Architecture]] = {
        f"example_{name.replace('-', '_')}": lambda name=name: load(Path(str(example_path(name))))  # type: ignore[misc]
        for name in example_names()
    }
    found.update({f"generated_{seed}": lambda seed=seed: generated(seed) for seed in SEEDS})  # type: ignore[misc]
    found["edges"] = edges
    found["written_properties"] = written_properties_design
    found["connectivity"] = connectivity
    found["document_graph"] = document_and_graph
    found["machine_learning"] = machine_learning
    found["data_processing"] = data_processing
    found["own_fleet"] = own_fleet
    found["delivery"] = delivery
    found["security"] = security
    found["telemetry"] = telemetry
    found["platforms_and_files"] = platforms_and_files
    found["every_service"] = every_service
    found["production_defaults"] = production_design
    found["security_group_nodes"] = group_nodes
    found["cognito_authorizer"] = signed_in_api
    found["api_stream"] = collector
    found["api_services"] = service_front
    found["http_api_services"] = http_front
    found["data_plane_grants"] = indexer
    found["call_and_stream_grants"] = streaming_worker
    found["batch_jobs_on_fargate"] = job_submitter
    found["batch_jobs_on_ec2"] = lambda: job_submitter("EC2")
    found["file_mounts"] = mount_clients
    found["emr_steps"] = step_scheduler
    found["rule_submits_jobs"] = nightly_jobs
    found["pipeline_activation"] = pipeline_starter
    found["listener_certificates"] = lambda: uncertified(nlb="TLS", clb="SSL")
    found["backup_selection"] = backed_up
    found["deployment_grants"] = releaser
    found["warehouse_grants"] = loader
    found["fsx_kinds"] = file_systems
    found.update(
        {f"type_{t}": lambda t=t: single_service(t) for t in SERVICE_TYPES if _exportable(t)}  # type: ignore[misc]
    )
    return found


def _required_variables(path: Path) -> list[tuple[str, str]]:
    """The variables of a variables.tf that have no default, each with a stand-in value of its type."""
    blocks = hcl2.loads(path.read_text(encoding="utf-8")).get("variable", [])
    return sorted(
        (name.strip('"'), '["stand-in"]' if "list" in str(body.get("type")) else '"stand-in"')
        for block in blocks
        for name, body in block.items()
        if "default" not in body
    )


@pytest.fixture(scope="module")
def validation(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Module name -> the problems `terraform validate` reports in it (every module present, maybe empty)."""
    root = tmp_path_factory.mktemp("terraform-validate")
    calls = []
    for module, build in designs().items():
        folder = root / module
        folder.mkdir()
        for name, content in _terraform_files(build).items():
            (folder / name).write_bytes(content)
        # A variable without a default is the deployment's to give (a model's image): the call gives a stand-in.
        given = "".join(
            f"  {name} = {value}\n" for name, value in _required_variables(folder / "variables.tf")
        )
        calls.append(f'module "{module}" {{\n  source = "./{module}"\n{given}}}\n')
    (root / "main.tf").write_text("\n".join(calls), encoding="utf-8")
    report = _validate(root)
    problems: dict[str, list[str]] = {module: [] for module in designs()}
    for item in report["diagnostics"]:
        where = item.get("range", {})
        filename = str(where.get("filename", "?"))
        text = f"{item['severity']}: {item['summary']} ({filename}:{where.get('start', {}).get('line')}) {item.get('detail', '')}"
        problems.setdefault(filename.split("/")[0], []).append(text)
    return problems


@needs_terraform
@pytest.mark.parametrize("name", example_names())
def test_golden_terraform_is_formatted_as_terraform_fmt_writes_it(name: str) -> None:
    folder = GOLDEN / name / "terraform"
    result = _terraform(folder, "fmt", "-check", "-diff", "-recursive", "-no-color", ".")
    assert result.returncode == 0, result.stdout + result.stderr


@needs_terraform
def test_terraform_fmt_check_fails_on_misaligned_output(tmp_path: Path) -> None:
    """The check above can fail: a file with unaligned `=` is reported."""
    (tmp_path / "main.tf").write_text('variable "x" {\n  type = string\n  default    = "a"\n}\n')
    result = _terraform(tmp_path, "fmt", "-check", "-no-color", ".")
    assert result.returncode == 3 and result.stdout.strip() == "main.tf"


@needs_provider
@pytest.mark.parametrize("name", example_names())
def test_every_example_validates_against_the_aws_provider_schema(
    name: str, validation: dict[str, list[str]]
) -> None:
    assert validation[f"example_{name.replace('-', '_')}"] == []


@needs_provider
@pytest.mark.parametrize("seed", SEEDS)
def test_generated_designs_validate(seed: int, validation: dict[str, list[str]]) -> None:
    assert validation[f"generated_{seed}"] == []


@needs_provider
def test_other_edges_and_every_written_property_validate(validation: dict[str, list[str]]) -> None:
    assert validation["edges"] == [] and validation["written_properties"] == []


@needs_provider
def test_the_links_between_networks_validate(validation: dict[str, list[str]]) -> None:
    assert validation["connectivity"] == []


@needs_provider
def test_the_document_and_graph_databases_validate(validation: dict[str, list[str]]) -> None:
    assert validation["document_graph"] == []


@needs_provider
def test_machine_learning_batch_and_data_processing_validate(validation: dict[str, list[str]]) -> None:
    assert validation["machine_learning"] == [] and validation["data_processing"] == []
    assert validation["own_fleet"] == []


@needs_provider
def test_delivery_validates(validation: dict[str, list[str]]) -> None:
    assert validation["delivery"] == []


@needs_provider
def test_security_telemetry_platforms_and_file_storage_validate(validation: dict[str, list[str]]) -> None:
    assert {name: validation[name] for name in ("security", "telemetry", "platforms_and_files")} == {
        "security": [],
        "telemetry": [],
        "platforms_and_files": [],
    }


@needs_provider
def test_security_groups_drawn_as_nodes_validate(validation: dict[str, list[str]]) -> None:
    assert validation["security_group_nodes"] == []


@needs_provider
def test_a_cognito_authorizer_validates(validation: dict[str, list[str]]) -> None:
    assert validation["cognito_authorizer"] == []


@needs_provider
def test_an_api_writing_to_a_kinesis_stream_validates(validation: dict[str, list[str]]) -> None:
    assert validation["api_stream"] == []


@needs_provider
def test_an_api_calling_a_queue_a_topic_and_a_state_machine_validates(
    validation: dict[str, list[str]],
) -> None:
    assert validation["api_services"] == []
    assert validation["http_api_services"] == []


@needs_provider
def test_grants_on_a_cluster_s_topics_and_calls_to_builds_crawlers_jobs_pipelines_and_deployments_validate(
    validation: dict[str, list[str]],
) -> None:
    assert validation["call_and_stream_grants"] == []
    assert validation["batch_jobs_on_fargate"] == validation["batch_jobs_on_ec2"] == []
    assert validation["emr_steps"] == validation["rule_submits_jobs"] == []
    assert validation["pipeline_activation"] == validation["deployment_grants"] == []
    assert validation["warehouse_grants"] == []


@needs_provider
def test_secure_listeners_asking_for_their_certificate_validate(validation: dict[str, list[str]]) -> None:
    assert validation["listener_certificates"] == []


@needs_provider
def test_a_backup_plan_selecting_what_is_written_to_its_vault_validates(
    validation: dict[str, list[str]],
) -> None:
    assert validation["backup_selection"] == []


@needs_provider
def test_file_systems_of_every_kind_at_the_catalogs_defaults_validate(
    validation: dict[str, list[str]],
) -> None:
    assert validation["fsx_kinds"] == []


@needs_provider
def test_mounts_of_a_file_system_validate(validation: dict[str, list[str]]) -> None:
    assert validation["file_mounts"] == []


@needs_provider
def test_the_design_with_every_catalog_service_validates(validation: dict[str, list[str]]) -> None:
    assert validation["every_service"] == []


@needs_provider
def test_every_service_type_validates(validation: dict[str, list[str]]) -> None:
    types = [module for module in validation if module.startswith("type_")]
    assert len(types) >= 50  # every type the export writes, not a handful
    assert {module: validation[module] for module in types if validation[module]} == {}
    assert set(validation) == set(designs())  # no problem outside the modules (the root itself)


@needs_provider
def test_validation_can_fail(tmp_path: Path) -> None:
    """A misspelt argument is refused by the provider's schema: the checks above are not vacuous."""
    for name, text in render(load(Path(str(example_path("static-site"))))).items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "broken.tf").write_text('resource "aws_sqs_queue" "q" {\n  visibility_timeout = 30\n}\n')
    report = _validate(tmp_path)
    assert report["valid"] is False
    assert [(d["summary"], d["range"]["filename"]) for d in report["diagnostics"]] == [
        ("Unsupported argument", "broken.tf")
    ]


def test_an_intrinsic_without_a_terraform_form_fails_the_export_by_name() -> None:
    conv = Converter_({"Resources": {}})
    with pytest.raises(ValueError, match=r"no Terraform form for Fn::ImportValue"):
        conv.expr({"Fn::ImportValue": "shared-vpc-id"})
    with pytest.raises(ValueError, match=r"no Terraform form for Fn::Sub"):
        conv.expr({"Fn::Sub": ["${Name}-logs", {"Name": "x"}], "Other": 1})
