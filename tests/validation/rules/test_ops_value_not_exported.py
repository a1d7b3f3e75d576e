"""OPS-035 (Value the export cannot write): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.ops_value_not_exported import RULE
from tests.validation.builders import Case, both, check_case, svc, with_

CASE = Case(
    ok=with_(
        svc("ecs_service", "private-a", "web", launch_type="FARGATE"),
        svc("acm_certificate", "region", "cert", exportable=False),
        svc("neptune_cluster", "private-a", "graph", ["private-b"], storage_type="standard"),
        svc("sns_topic", "region", "events", max_message_size_bytes=262144),
    ),
    bad=with_(
        # An ECS service on EC2 is written as EC2 (container instances of its own): nothing is said of it.
        both(
            svc("ecs_service", "private-a", "web", launch_type="EC2"),
            svc("acm_certificate", "region", "cert", exportable=True),
        ),
        svc("neptune_cluster", "private-a", "graph", ["private-b"], storage_type="iopt1"),
        svc("sns_topic", "region", "events", max_message_size_bytes=1048576),
    ),
    expected=[
        (
            ("cert",),
            "“Cert” (ACM) has exportable true, which the Terraform export writes as false: the hashicorp/aws 5.x "
            "provider has no certificate argument for it (CloudFormation's CertificateExport)",
        ),
        (
            ("events",),
            "“Events” (SNS) has max_message_size_bytes 1048576, which the Terraform export writes as 262144: the "
            "hashicorp/aws 5.x provider has no topic argument for it (CloudFormation's MaximumMessageSize)",
        ),
        (
            ("graph",),
            "“Graph” (Neptune) has storage_type iopt1, which the CloudFormation export writes as standard: "
            "CloudFormation's Neptune cluster has no storage type (Terraform's aws_neptune_cluster storage_type)",
        ),
    ],
)


def test_ops_value_not_exported() -> None:
    check_case(RULE, CASE)
