"""Terraform for the bucket settings the aws provider (5.x) keeps in resources of their own: the lifecycle
configuration and static website hosting, converted from the bucket's CloudFormation properties."""

from __future__ import annotations

from archbuilder.exporters.terraform.convert import Converter_
from archbuilder.exporters.terraform.hcl_writer import Block, Expr
from archbuilder.exporters.terraform.kit import Props, split_resource


def bucket_settings(conv: Converter_, logical: str, p: Props) -> list[Block]:
    bucket = Expr(f"{conv.address(logical)}.id")
    blocks: list[Block] = []
    rules = (p.get("LifecycleConfiguration") or {}).get("Rules") or []
    if rules:
        blocks.append(
            split_resource(
                conv,
                logical,
                "aws_s3_bucket_lifecycle_configuration",
                {"bucket": bucket, "rule": [_lifecycle_rule(rule) for rule in rules]},
            )
        )
    website = p.get("WebsiteConfiguration")
    if website:
        blocks.append(
            split_resource(
                conv,
                logical,
                "aws_s3_bucket_website_configuration",
                {
                    "bucket": bucket,
                    "index_document": Block("index_document", (), {"suffix": website["IndexDocument"]}),
                    "error_document": Block("error_document", (), {"key": website["ErrorDocument"]}),
                },
            )
        )
    return blocks


def _lifecycle_rule(rule: Props) -> Block:
    # An empty filter applies the rule to every object; provider 5.x warns when neither filter nor prefix is set.
    body: Props = {"id": rule["Id"], "status": rule["Status"], "filter": Block("filter")}
    abort = rule.get("AbortIncompleteMultipartUpload")
    if abort:
        body["abort_incomplete_multipart_upload"] = Block(
            "abort_incomplete_multipart_upload", (), {"days_after_initiation": abort["DaysAfterInitiation"]}
        )
    if "ExpirationInDays" in rule:
        body["expiration"] = Block("expiration", (), {"days": rule["ExpirationInDays"]})
    noncurrent = rule.get("NoncurrentVersionExpiration")
    if noncurrent:
        body["noncurrent_version_expiration"] = Block(
            "noncurrent_version_expiration", (), {"noncurrent_days": noncurrent["NoncurrentDays"]}
        )
    transitions = rule.get("Transitions") or []
    if transitions:
        body["transition"] = [
            Block("transition", (), {"days": t["TransitionInDays"], "storage_class": t["StorageClass"]})
            for t in transitions
        ]
    return Block("rule", (), body)
