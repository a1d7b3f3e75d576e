"""A certificate's validation: CloudFormation finishes creating an ACM certificate only once it is issued, so
the listeners and distributions that use it are created after; Terraform's `aws_acm_certificate` returns while
the certificate still awaits validation, and a listener given it fails (UnsupportedCertificate).
`aws_acm_certificate_validation` waits for the issue, and the converter points every reference to the
certificate at its `certificate_arn`, so the users wait the way they do on the CloudFormation side."""

from __future__ import annotations

from archbuilder.exporters.terraform.convert import Converter_
from archbuilder.exporters.terraform.hcl_writer import Block, Expr
from archbuilder.exporters.terraform.kit import CompanionWriter, Props, split_resource


def _validation(conv: Converter_, logical: str, p: Props) -> list[Block]:
    return [
        split_resource(
            conv,
            logical,
            "aws_acm_certificate_validation",
            {"certificate_arn": Expr(f"{conv.address(logical)}.arn")},
        )
    ]


# Resources the aws provider splits out of a CloudFormation resource of these types.
COMPANION_WRITERS: dict[str, list[CompanionWriter]] = {
    "AWS::CertificateManager::Certificate": [_validation],
}
