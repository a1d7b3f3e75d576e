"""The design's Environment and Design tags reach Terraform's resources through the provider's default_tags; only
the types whose Terraform writer writes tags as the template gives them (an Auto Scaling group's tag blocks, which
reach the instances it launches; tags under a property of their own) carry them in the template Terraform is
converted from, and write them."""

from __future__ import annotations

import hcl2

from archbuilder.exporters.cloudformation.tagging import TAGGED_BY_TERRAFORM_WRITER
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.terraform.files import render
from tests.exporters.design_tags import design_tags
from tests.exporters.every_service import every_service

DESIGN_KEYS = {"Environment", "Design"}


def _tag_keys(body: dict) -> set[str]:
    tags = next((value for key, value in (body.get("Properties") or {}).items() if key.endswith("Tags")), [])
    return {tag["Key"] for tag in tags} if isinstance(tags, list) else set(tags)


def test_the_template_for_terraform_leaves_the_providers_tags_to_the_provider() -> None:
    for_cloudformation = build_template(every_service())["Resources"]
    for_terraform = build_template(every_service(), for_terraform=True)["Resources"]
    assert for_cloudformation["SQS"]["Properties"]["Tags"] == design_tags()
    assert "Tags" not in for_terraform["SQS"]["Properties"]
    carrying = {body["Type"] for body in for_terraform.values() if _tag_keys(body) >= DESIGN_KEYS}
    assert carrying == {
        "AWS::AutoScaling::AutoScalingGroup",
        "AWS::Route53::HostedZone",
        "AWS::Route53::HealthCheck",
        "AWS::EFS::FileSystem",
        "AWS::DataPipeline::Pipeline",
        "AWS::Cognito::UserPool",
        "AWS::Backup::BackupVault",
        "AWS::Backup::BackupPlan",
    }
    assert carrying <= TAGGED_BY_TERRAFORM_WRITER


def test_terraform_writes_them_once_in_the_provider_and_where_its_writer_writes_tags_itself() -> None:
    files = render(every_service())
    [provider] = [p['"aws"'] for p in hcl2.loads(files["providers.tf"])["provider"] if '"aws"' in p]
    assert set(provider["default_tags"][0]["tags"]) >= DESIGN_KEYS
    resources = {
        (kind.strip('"'), name): body
        for entry in hcl2.loads(files["main.tf"])["resource"]
        for kind, named in entry.items()
        for name, body in named.items()
    }
    tagged = {kind for (kind, _name), body in resources.items() if set(body.get("tags") or {}) >= DESIGN_KEYS}
    assert tagged == {"aws_efs_file_system", "aws_route53_health_check", "aws_datapipeline_pipeline"}
    [group] = [body for (kind, _name), body in resources.items() if kind == "aws_autoscaling_group"]
    assert {tag["key"].strip('"') for tag in group["tag"]} >= DESIGN_KEYS
