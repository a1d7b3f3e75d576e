"""Access logs of the design's Application Load Balancers (a production default, `load_balancer_access_logs`
in the design's export defaults), each to a bucket of its own.

Elastic Load Balancing delivers the logs from an account of its own in the Regions opened before August 2022,
and as the service principal logdelivery.elasticloadbalancing.amazonaws.com in the others (Elastic Load
Balancing user guide, "Enable access logs for your Application Load Balancer", step 2, read 2026-12): the
bucket policy names the one the stack's Region uses, through a mapping and a condition, so the template stays
deployable in any Region. The bucket is encrypted with S3-managed keys, the only encryption ELB writes to.
Network Load Balancers are left out: they log TLS listeners only, which the catalog does not write."""

from __future__ import annotations

from typing import Any

from archbuilder.exporters.cloudformation.context import CfnContext, ref, sub
from archbuilder.exporters.cloudformation.tagging import name_tag

# Region -> the Elastic Load Balancing account that delivers its access logs (Regions opened before August 2022;
# source above).
ELB_LOG_ACCOUNTS = {
    "us-east-1": "127311923021",
    "us-east-2": "033677994240",
    "us-west-1": "027434742980",
    "us-west-2": "797873946194",
    "af-south-1": "098369216593",
    "ap-east-1": "754344448648",
    "ap-southeast-3": "589379963580",
    "ap-south-1": "718504428378",
    "ap-northeast-3": "383597477331",
    "ap-northeast-2": "600734575887",
    "ap-southeast-1": "114774131450",
    "ap-southeast-2": "783225319266",
    "ap-northeast-1": "582318560864",
    "ca-central-1": "985666609251",
    "eu-central-1": "054676820928",
    "eu-west-1": "156460612806",
    "eu-west-2": "652711504416",
    "eu-south-1": "635631232127",
    "eu-west-3": "009996457667",
    "eu-north-1": "897822967062",
    "me-south-1": "076674570225",
    "sa-east-1": "507241528517",
}
LOG_DELIVERY_SERVICE = "logdelivery.elasticloadbalancing.amazonaws.com"
MAPPING = "ElbLogDeliveryAccounts"
CONDITION = "ElbLogsFromRegionAccount"
LOAD_BALANCER = "AWS::ElasticLoadBalancingV2::LoadBalancer"


def application_load_balancers(ctx: CfnContext) -> list[str]:
    return [
        name
        for name in ctx.of_type(LOAD_BALANCER)
        if ctx.resources[name]["Properties"].get("Type", "application") == "application"
    ]


def load_balancer_access_logs(ctx: CfnContext, retention_days: int) -> None:
    balancers = application_load_balancers(ctx)
    if balancers:
        ctx.mappings[MAPPING] = {region: {"Account": account} for region, account in ELB_LOG_ACCOUNTS.items()}
        ctx.conditions[CONDITION] = _region_is_one_of(list(ELB_LOG_ACCOUNTS))
    for name in balancers:
        # A bucket of each balancer's own, so that it goes (and comes back from an import) with its balancer.
        bucket = ctx.add(
            ctx.names.get(f"{name}:Logs", f"{name}Logs"),
            "AWS::S3::Bucket",
            _bucket_properties(retention_days, f"{name_tag(ctx.resources[name]) or name} access logs"),
        )
        policy = ctx.add(
            ctx.names.get(f"{name}:LogsPolicy", f"{bucket}Policy"),
            "AWS::S3::BucketPolicy",
            {
                "Bucket": ref(bucket),
                "PolicyDocument": {"Version": "2012-10-17", "Statement": [_delivery_statement(bucket)]},
            },
        )
        body = ctx.resources[name]
        body["Properties"].setdefault("LoadBalancerAttributes", []).extend(
            [
                {"Key": "access_logs.s3.enabled", "Value": "true"},
                {"Key": "access_logs.s3.bucket", "Value": ref(bucket)},
            ]
        )
        # ELB checks that it may write to the bucket when logging is switched on.
        waits = body.get("DependsOn") or []
        ctx.resources[name] = {
            "Type": body["Type"],
            "DependsOn": [*([waits] if isinstance(waits, str) else waits), policy],
            **{k: v for k, v in body.items() if k not in ("Type", "DependsOn")},
        }


def _bucket_properties(retention_days: int, label: Any) -> dict[str, Any]:
    return {
        "BucketEncryption": {
            "ServerSideEncryptionConfiguration": [
                {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}
            ]
        },
        "VersioningConfiguration": {"Status": "Enabled"},
        "PublicAccessBlockConfiguration": {
            "BlockPublicAcls": True,
            "BlockPublicPolicy": True,
            "IgnorePublicAcls": True,
            "RestrictPublicBuckets": True,
        },
        "LifecycleConfiguration": {
            "Rules": [
                {
                    "Id": "ExpireAccessLogs",
                    "Status": "Enabled",
                    "ExpirationInDays": retention_days,
                    "NoncurrentVersionExpiration": {"NoncurrentDays": 1},
                    # ELB writes whole objects; a part left by an interrupted write is not kept.
                    "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 1},
                }
            ]
        },
        "Tags": [{"Key": "Name", "Value": label}],
    }


def _delivery_statement(bucket: str) -> dict[str, Any]:
    account = {"Fn::FindInMap": [MAPPING, ref("AWS::Region"), "Account"]}
    regional = {"AWS": {"Fn::Join": ["", ["arn:", ref("AWS::Partition"), ":iam::", account, ":root"]]}}
    return {
        "Sid": "ElbAccessLogDelivery",
        "Effect": "Allow",
        "Principal": {"Fn::If": [CONDITION, regional, {"Service": LOG_DELIVERY_SERVICE}]},
        "Action": "s3:PutObject",
        "Resource": sub(f"${{{bucket}.Arn}}/AWSLogs/${{AWS::AccountId}}/*"),
    }


def _region_is_one_of(regions: list[str]) -> dict[str, Any]:
    """A condition true in any of `regions` (Fn::Or takes two to ten conditions: nested by tens)."""
    tests: list[Any] = [{"Fn::Equals": [ref("AWS::Region"), region]} for region in regions]
    while len(tests) > 1:
        tests = [
            {"Fn::Or": tests[i : i + 10]} if len(tests[i : i + 10]) > 1 else tests[i]
            for i in range(0, len(tests), 10)
        ]
    return tests[0]
