"""The Terraform exporter: parsed back with python-hcl2, every reference resolved, exact resources, same bytes."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import hcl2
import pytest

from archbuilder.cli.main import main
from archbuilder.exporters.registry import ExportError, export
from archbuilder.exporters.terraform.files import render
from archbuilder.model import Architecture, RegionNode, load, save
from archbuilder.model.naming import snake
from archbuilder.resource_files import example_names, example_path
from tests.exporters.tf_tools import unresolved_references

FILES = ["main.tf", "outputs.tf", "providers.tf", "variables.tf", "versions.tf"]


def example(name: str):
    return load(Path(str(example_path(name))))


def _plain(value: Any) -> Any:
    """python-hcl2 8 keeps quotes on strings and block labels; strip them for comparisons."""
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items() if k != "__is_block__"}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str) and len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1]
    return value


def resources(files: dict[str, str]) -> dict[tuple[str, str], dict[str, Any]]:
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for entry in _plain(hcl2.loads(files["main.tf"])).get("resource", []):
        for kind, named in entry.items():
            for name, body in named.items():
                found[(kind, name)] = body
    return found


@pytest.mark.parametrize("name", example_names())
def test_every_file_parses_and_every_reference_resolves(name: str, tmp_path: Path) -> None:
    arch = example(name)
    written = export("terraform", arch, tmp_path)
    texts = {p.name: p.read_text(encoding="utf-8") for p in written if p.suffix == ".tf"}
    # Every function (and each secret's rotation function) names a zip of its code written beside the .tf files:
    # one per distinct code, shared by the functions that carry the same (packages.py).
    functions = [snake(s.label) for s in arch.services() if s.type == "lambda_function"]
    functions += [
        snake(s.label) + "_rotation_function"
        for s in arch.services()
        if s.type == "secrets_manager_secret" and s.properties.get("rotation_days")
    ]
    found = resources(texts)
    packages = {
        found[("aws_lambda_function", f)]["filename"].removeprefix("${path.module}/") for f in functions
    }
    assert all(p.startswith("function_code_") and p.endswith(".zip") for p in packages)
    assert sorted(p.name for p in written) == sorted(FILES + list(packages))
    assert unresolved_references(texts) == []


def test_functions_with_the_same_code_share_one_package_and_others_get_their_own(tmp_path: Path) -> None:
    arch = Architecture()
    arch.add_node(RegionNode(id="region", label="Region", region="us-east-1"))
    for label, properties in (
        ("Python one", {}),
        ("Python two", {}),
        ("Node", {"runtime": "nodejs20.x"}),
        ("Other handler", {"handler": "index.process"}),
        ("Own package", {"runtime": "java21", "handler": "example.Handler::handleRequest"}),
    ):
        arch.add_service("lambda_function", "region", label=label, properties=properties)
    written = {p.name: p for p in export("terraform", arch, tmp_path)}
    found = resources({"main.tf": written["main.tf"].read_text(encoding="utf-8")})
    filenames = {
        name: body["filename"].removeprefix("${path.module}/") if "filename" in body else body["s3_key"]
        for (kind, name), body in found.items()
        if kind == "aws_lambda_function"
    }
    shared = filenames["python_one"]
    assert filenames["python_two"] == shared
    assert len({shared, filenames["node"], filenames["other_handler"]}) == 3
    assert filenames["own_package"] == "${var.own_package_code_key}"  # a package the user uploads to S3
    packages = sorted(n for n in written if n.endswith(".zip"))
    assert packages == sorted({shared, filenames["node"], filenames["other_handler"]})
    contents = {}
    for package in packages:
        with zipfile.ZipFile(written[package]) as archive:
            contents[package] = {entry: archive.read(entry).decode() for entry in archive.namelist()}
    assert list(contents[filenames["node"]]) == ["index.js"]
    assert "def handler(" in contents[shared]["index.py"]
    assert "def process(" in contents[filenames["other_handler"]]["index.py"]
    assert "function_code_<SHA-256>.zip" in written["main.tf"].read_text(encoding="utf-8")


def test_three_tier_resources_match_the_design() -> None:
    found = resources(render(example("three-tier-web")))
    subnets = {name: body for (kind, name), body in found.items() if kind == "aws_subnet"}
    assert sorted(b["cidr_block"] for b in subnets.values()) == [
        "10.0.0.0/24",
        "10.0.1.0/24",
        "10.0.10.0/24",
        "10.0.11.0/24",
        "10.0.12.0/24",
        "10.0.2.0/24",
    ]
    assert (
        subnets["data_subnet_b"]["availability_zone"] == "${data.aws_availability_zones.available.names[1]}"
    )
    assert sorted(name for kind, name in found if kind == "aws_nat_gateway") == [
        "nat_gateway_a",
        "nat_gateway_b",
    ]
    db = found[("aws_db_instance", "orders_database")]
    assert (db["multi_az"], db["manage_master_user_password"], db["storage_encrypted"]) == (True, True, True)
    assert "password" not in db
    assert db["db_subnet_group_name"] == "${aws_db_subnet_group.orders_database_subnet_group.name}"
    rule = found[("aws_vpc_security_group_ingress_rule", "orders_database_security_group_from_app_servers")]
    assert (rule["from_port"], rule["referenced_security_group_id"]) == (
        5432,
        "${aws_security_group.app_servers_security_group.id}",
    )
    listener = found[("aws_lb_listener", "web_load_balancer_listener")]
    assert (listener["port"], listener["protocol"], listener["certificate_arn"]) == (
        443,
        "HTTPS",
        "${aws_acm_certificate_validation.web_certificate.certificate_arn}",
    )
    asg = found[("aws_autoscaling_group", "app_servers")]
    assert asg["target_group_arns"] == ["${aws_lb_target_group.web_load_balancer_target_group.arn}"]


def test_lambda_policy_is_limited_to_the_connected_resources() -> None:
    found = resources(render(example("serverless-api")))
    policy = found[("aws_iam_role_policy", "orders_handler_role_policy")]["policy"]
    assert "aws_dynamodb_table.orders_table.arn" in policy and "aws_sqs_queue.fulfilment_queue.arn" in policy
    assert '"*"' not in policy
    mapping = found[("aws_lambda_event_source_mapping", "fulfilment_worker_from_fulfilment_queue")]
    assert mapping["event_source_arn"] == "${aws_sqs_queue.fulfilment_queue.arn}"


def test_versions_and_providers_pin_the_provider_and_tag_everything() -> None:
    files = render(example("static-site"))
    versions = _plain(hcl2.loads(files["versions.tf"]))["terraform"][0]
    assert versions["required_providers"][0]["aws"] == {"source": "hashicorp/aws", "version": "~> 5.60"}
    provider = _plain(hcl2.loads(files["providers.tf"]))["provider"][0]["aws"]
    assert provider["default_tags"][0]["tags"] == {
        "Project": "${var.name}",
        "ManagedBy": "archbuilder",
        "Environment": "${var.environment}",
        "Design": "Static website",
    }
    assert files["main.tf"].startswith("# Static website\n")


def test_output_is_deterministic_and_formatted_like_terraform_fmt() -> None:
    first, second = render(example("three-tier-web")), render(example("three-tier-web"))
    assert first == second
    assert '  cidr_block           = "10.0.0.0/16"\n  enable_dns_support   = true\n' in first["main.tf"]
    assert "\t" not in first["main.tf"] and "  \n" not in first["main.tf"]


def test_unsupported_resource_types_are_reported_and_nothing_is_written(tmp_path: Path, capsys) -> None:
    from tests.model.builders import two_az_network

    arch = two_az_network()
    arch.add_service(
        "generic",
        "region",
        label="Config",
        node_id="config",
        properties={
            "resource_type": "AWS::SSM::Document",
            "raw_properties": {"DocumentType": "Command", "Content": {}},
        },
    )
    with pytest.raises(ExportError, match="cannot express these resource types yet: AWS::SSM::Document"):
        export("terraform", arch, tmp_path / "tf")
    assert not (tmp_path / "tf").exists() or list((tmp_path / "tf").iterdir()) == []
    document = tmp_path / "doc.arch.json"
    save(arch, document)
    assert main(["export", str(document), "--format", "terraform", "-o", str(tmp_path / "out")]) == 1
    assert "AWS::SSM::Document" in capsys.readouterr().err


def test_containers_and_pipelines_render() -> None:
    ecs = resources(render(example("ecs-fargate")))
    service = ecs[("aws_ecs_service", "web_service")]
    # The port the container listens on (its container_port), not the connection's 8080.
    assert service["load_balancer"][0]["container_port"] == 80
    assert ecs[("aws_elasticache_replication_group", "session_cache")]["num_cache_clusters"] == 2
    pipeline = resources(render(example("streaming-pipeline")))
    firehose = pipeline[("aws_kinesis_firehose_delivery_stream", "delivery_stream")]
    assert firehose["extended_s3_configuration"][0]["bucket_arn"] == "${aws_s3_bucket.data_lake.arn}"
    assert ("aws_glue_crawler", "lake_crawler") in pipeline and (
        "aws_athena_workgroup",
        "analysts",
    ) in pipeline


def test_bucket_notifications_are_written_not_dropped() -> None:
    from archbuilder.catalog import ConnectionKind
    from tests.model.builders import two_az_network

    arch = two_az_network()
    arch.add_service("s3_bucket", "region", label="Uploads", node_id="uploads")
    arch.add_service("lambda_function", "region", label="Thumbs", node_id="thumbs")
    arch.connect("uploads", "thumbs", ConnectionKind.EVENT)
    found = resources(render(arch))
    notification = found[("aws_s3_bucket_notification", "uploads")]
    assert notification["lambda_function"][0]["lambda_function_arn"] == "${aws_lambda_function.thumbs.arn}"
    assert notification["lambda_function"][0]["events"] == ["s3:ObjectCreated:*"]
    assert [k for k, _ in found if k == "aws_lambda_permission"]
