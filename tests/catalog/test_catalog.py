"""The shipped catalog: schema, coverage, citations that point at real guide sections, icons that exist."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from archbuilder.catalog import Citation, ParentKind, ServiceRole, default_catalog
from archbuilder.catalog.loader import CatalogError, load_entries
from tests.seeds import SEEDS_DIR, section_exists

# The Open Guide's "Which Services to Use" list (must-know, managed, optional-but-important, special-purpose)
# plus the companions people draw next to them, by catalog id.
REQUIRED = {
    "iam_role",
    "ec2_instance",
    "alb",
    "clb",
    "autoscaling_group",
    "ebs_volume",
    "elastic_ip",
    "s3_bucket",
    "route53_zone",
    "cloudfront_distribution",
    "cloudwatch_alarm",
    "rds_instance",
    "emr_cluster",
    "opensearch_domain",
    "elasticache_cluster",
    "lambda_function",
    "cloudtrail",
    "elastic_beanstalk",
    "efs_file_system",
    "ecs_cluster",
    "ecr_repository",
    "config_recorder",
    "sqs_queue",
    "sns_topic",
    "redshift_cluster",
    "dynamodb_table",
    "kinesis_stream",
    "kms_key",
    "acm_certificate",
    "api_gateway_rest",
    "ses_identity",
    "glacier_vault",
    "direct_connect",
    "waf_web_acl",
    "iot_core",
    "codepipeline",
    "codebuild_project",
    "nat_gateway",
    "internet_gateway",
    "vpc_endpoint_gateway",
    "vpc_endpoint_interface",
    "security_group",
    "eks_cluster",
    "fargate_task",
    "step_functions",
    "eventbridge_rule",
    "secrets_manager_secret",
    "aurora_cluster",
    "msk_cluster",
    "glue_job",
    "athena_workgroup",
    "transit_gateway",
    "vpn_gateway",
    "cognito_user_pool",
    "batch_compute_environment",
    "nlb",
}


@pytest.fixture(scope="module")
def catalog():
    return default_catalog()


def test_catalog_covers_the_guides_services(catalog) -> None:
    assert len(catalog) >= 60
    missing = sorted(REQUIRED - {service.id for service in catalog})
    assert missing == []


def test_every_entry_has_types_tips_and_a_rating(catalog) -> None:
    for service in catalog:
        if service.id == "generic":
            continue
        assert service.cfn_types or service.terraform_types, service.id
        assert 3 <= len(service.tips) <= 8, service.id
        assert service.lockin.rating in ("none", "low", "medium", "high"), service.id
        for spec in service.properties:
            assert spec.label, f"{service.id}.{spec.name} needs a label"


def test_every_diagram_class_exists_in_the_diagrams_package(catalog) -> None:
    for service in catalog:
        module_name, _, class_name = f"diagrams.{service.diagram_class}".rpartition(".")
        module = importlib.import_module(module_name)
        assert hasattr(module, class_name), f"{service.id}: {service.diagram_class}"


def _citations(catalog) -> list[tuple[str, Citation]]:
    found = []
    for service in catalog:
        found.append((f"{service.id} lock-in", service.lockin.source))
        found.extend((f"{service.id} tip {n}", tip.source) for n, tip in enumerate(service.tips, 1))
        found.extend(
            (f"{service.id}.{p.name} limit", p.limit_source) for p in service.properties if p.limit_source
        )
    return found


@pytest.mark.skipif(
    not SEEDS_DIR.is_dir(), reason="the guides folder ../shared/seeds is not beside the project"
)
def test_every_citation_names_a_real_section_of_its_guide(catalog) -> None:
    broken = [
        f"{where}: {cite}"
        for where, cite in _citations(catalog)
        if not section_exists(cite.seed, cite.section)
    ]
    assert broken == []


def test_placement_rules_the_model_relies_on(catalog) -> None:
    subnets = {ParentKind.PUBLIC_SUBNET, ParentKind.PRIVATE_SUBNET}
    assert catalog.get("nat_gateway").allowed_parents == (ParentKind.PUBLIC_SUBNET,)
    assert set(catalog.get("rds_instance").allowed_parents) <= subnets
    for never_in_vpc in (
        "s3_bucket",
        "cloudfront_distribution",
        "route53_zone",
        "dynamodb_table",
        "sqs_queue",
    ):
        assert not set(catalog.get(never_in_vpc).allowed_parents) & (
            subnets | {ParentKind.VPC, ParentKind.AZ}
        )
    assert catalog.get("internet_gateway").allowed_parents == (ParentKind.VPC,)


def test_search_finds_services_by_alias(catalog) -> None:
    assert "rds_instance" in [s.id for s in catalog.search("postgres")]
    assert "s3_bucket" in [s.id for s in catalog.search("S3")]
    assert catalog.by_cfn_type("AWS::RDS::DBInstance").id == "rds_instance"
    assert catalog.by_terraform_type("aws_s3_bucket").id == "s3_bucket"


def _write(folder: Path, text: str) -> None:
    (folder / "broken.yaml").write_text(text, encoding="utf-8")


def test_a_broken_entry_fails_naming_the_file_and_entry(tmp_path: Path) -> None:
    _write(tmp_path, "- id: warp_drive\n  name: Warp\n")
    with pytest.raises(
        CatalogError, match=r"catalog file broken.yaml, entry warp_drive: short_name: Field required"
    ):
        load_entries(tmp_path)
    _write(tmp_path, "- [unclosed\n")
    with pytest.raises(CatalogError, match=r"catalog file broken\.yaml: invalid YAML"):
        load_entries(tmp_path)
    _write(tmp_path, "{}\n")
    with pytest.raises(CatalogError, match=r"catalog file broken\.yaml: expected a list of services"):
        load_entries(tmp_path)


def test_a_citation_to_an_unknown_guide_is_refused() -> None:
    with pytest.raises(ValueError, match=r"unknown seed file 'nope\.txt'"):
        Citation(seed="nope.txt", section="RDS")


def test_roles_name_the_types_rules_reason_about(catalog) -> None:
    def role(name: ServiceRole) -> list[str]:
        return sorted(catalog.types_with_role(name))

    assert role(ServiceRole.LOAD_BALANCER) == ["alb", "clb", "nlb"]
    assert role(ServiceRole.FORWARDER) == ["alb", "clb", "global_accelerator", "nlb"]
    assert role(ServiceRole.SERVER) == [
        "autoscaling_group",
        "ec2_instance",
        "ecs_service",
        "eks_node_group",
        "fargate_task",
    ]
    assert role(ServiceRole.REQUEST_HANDLER) == sorted(
        [*role(ServiceRole.SERVER), "elastic_beanstalk", "lambda_function"]
    )
    assert role(ServiceRole.PUBLIC_ENDPOINT) == [
        "api_gateway_http",
        "api_gateway_rest",
        "cloudfront_distribution",
        "cognito_user_pool",
        "global_accelerator",
        "iot_core",
        "route53_zone",
    ]
    assert catalog.get("autoscaling_group").size_property == "max_size"
    assert catalog.get("ec2_instance").size_property is None


def test_a_size_property_must_be_an_integer_property(tmp_path: Path) -> None:
    entry = (Path(__file__).parents[2] / "resources" / "catalog" / "compute.yaml").read_text(encoding="utf-8")
    first = entry[entry.index("- id: ec2_instance") : entry.index("- id: autoscaling_group")]
    _write(tmp_path, first.replace("  accepts:", "  size_property: instance_type\n  accepts:", 1))
    with pytest.raises(
        CatalogError,
        match=r"entry ec2_instance: entry: Value error, size_property 'instance_type' must name an integer property",
    ):
        load_entries(tmp_path)
    _write(tmp_path, first.replace("  roles: [server,", "  roles: [teleporter,", 1))
    with pytest.raises(CatalogError, match=r"entry ec2_instance: roles\.0: Input should be 'server'"):
        load_entries(tmp_path)
