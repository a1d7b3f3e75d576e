"""The production defaults a reviewer expects, each written in both formats and each switched off by the design's
`metadata.export_defaults`: load balancer access logs and deletion protection, VPC flow logs, buckets that refuse
plain HTTP, database Performance Insights and log exports, function tracing, log retention and dead-letter
queues, Environment and Design tags on every resource, and a commented Terraform backend."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import boto3
import cfnlint
import pytest
from moto import mock_aws

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.access_logs import ELB_LOG_ACCOUNTS, LOG_DELIVERY_SERVICE
from archbuilder.exporters.cloudformation.tagging import design_tag, tag_property
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.registry import export
from archbuilder.exporters.terraform.files import render_files
from archbuilder.importers.cloudformation import import_template
from archbuilder.importers.terraform import import_terraform
from archbuilder.model import Architecture, ExportDefaults, load
from archbuilder.resource_files import example_names, example_path
from tests.exporters.cfn_tools import lint, moto_deployable
from tests.exporters.test_cloudformation_generated import SEEDS, generated
from tests.exporters.tf_tools import resources
from tests.model.builders import two_az_network

Template = dict[str, Any]
Terraform = dict[tuple[str, str], dict[str, Any]]


def production_design(**switches: Any) -> Architecture:
    """A load balancer before an instance and a PostgreSQL database, a bucket and a function that writes to it."""
    arch = two_az_network()
    arch.set_metadata("name", "Orders")
    arch.set_metadata("export_defaults", ExportDefaults(**switches))
    arch.add_service("alb", "public-a", label="Web", extra_subnet_ids=["public-b"], node_id="alb")
    arch.add_service("ec2_instance", "private-a", label="App", node_id="app")
    arch.add_service(
        "rds_instance", "private-a", label="Orders DB", extra_subnet_ids=["private-b"], node_id="db"
    )
    arch.add_service("s3_bucket", "region", label="Data", node_id="data")
    arch.add_service("lambda_function", "region", label="Worker", node_id="worker")
    arch.connect("alb", "app", ConnectionKind.TRAFFIC)
    arch.connect("app", "db", ConnectionKind.TRAFFIC)
    arch.connect("worker", "data", ConnectionKind.WRITE)
    return arch


def of_type(template: Template, kind: str) -> dict[str, dict[str, Any]]:
    return {name: body["Properties"] for name, body in template["Resources"].items() if body["Type"] == kind}


def exported(arch: Architecture) -> tuple[Template, Terraform, dict[str, str]]:
    files = render_files(arch)
    texts = {name: data.decode("utf-8") for name, data in files.items() if name.endswith(".tf")}
    return build_template(arch), resources(texts), texts


def attributes(props: dict[str, Any]) -> dict[str, Any]:
    return {a["Key"]: a["Value"] for a in props.get("LoadBalancerAttributes", [])}


# Each default: (whether the CloudFormation template has it, whether the Terraform files have it).
def _access_logs(t: Template) -> bool:
    (alb,) = of_type(t, "AWS::ElasticLoadBalancingV2::LoadBalancer").values()
    return attributes(alb).get("access_logs.s3.enabled") == "true"


def _tf_access_logs(tf: Terraform, texts: dict[str, str]) -> bool:
    return "access_logs" in tf[("aws_lb", "web")]


def _flow_logs(t: Template) -> bool:
    return [p["ResourceId"] for p in of_type(t, "AWS::EC2::FlowLog").values()] == [{"Ref": "Main"}]


def _tf_flow_logs(tf: Terraform, texts: dict[str, str]) -> bool:
    return [b["vpc_id"] for (k, _), b in tf.items() if k == "aws_flow_log"] == ["${aws_vpc.main.id}"]


def _tls_only(t: Template) -> bool:
    denied = {
        s["Resource"][0]["Fn::GetAtt"][0]
        for p in of_type(t, "AWS::S3::BucketPolicy").values()
        for s in p["PolicyDocument"]["Statement"]
        if s.get("Sid") == "DenyRequestsWithoutTls"
    }
    buckets = set(of_type(t, "AWS::S3::Bucket"))
    assert not denied or denied == buckets, denied ^ buckets
    return bool(denied)


def _tf_tls_only(tf: Terraform, texts: dict[str, str]) -> bool:
    policies = [b for (k, _), b in tf.items() if k == "aws_s3_bucket_policy"]
    return any("DenyRequestsWithoutTls" in json.dumps(p) for p in policies)


def _database(t: Template) -> bool:
    (db,) = of_type(t, "AWS::RDS::DBInstance").values()
    written = db.get("EnablePerformanceInsights"), db.get("EnableCloudwatchLogsExports")
    assert written in ((True, ["postgresql", "upgrade"]), (None, None)), written
    return db.get("EnablePerformanceInsights") is True


def _tf_database(tf: Terraform, texts: dict[str, str]) -> bool:
    db = tf[("aws_db_instance", "orders_db")]
    written = db.get("performance_insights_enabled"), db.get("enabled_cloudwatch_logs_exports")
    assert written in ((True, ["postgresql", "upgrade"]), (None, None)), written
    return db.get("performance_insights_enabled") is True


def _tracing(t: Template) -> bool:
    (fn,) = of_type(t, "AWS::Lambda::Function").values()
    if "TracingConfig" not in fn:
        return False
    assert fn["TracingConfig"] == {"Mode": "Active"}
    group = fn["LoggingConfig"]["LogGroup"]["Ref"]
    assert of_type(t, "AWS::Logs::LogGroup")[group]["RetentionInDays"] == 30
    return True


def _tf_tracing(tf: Terraform, texts: dict[str, str]) -> bool:
    fn = tf[("aws_lambda_function", "worker")]
    if "tracing_config" not in fn:
        return False
    assert fn["tracing_config"] == [{"mode": "Active"}]
    assert fn["logging_config"][0]["log_group"] == "${aws_cloudwatch_log_group.worker_log_group.name}"
    assert tf[("aws_cloudwatch_log_group", "worker_log_group")]["retention_in_days"] == 30
    return True


def _dead_letter(t: Template) -> bool:
    (fn,) = of_type(t, "AWS::Lambda::Function").values()
    if "DeadLetterConfig" not in fn:
        return False
    queue = fn["DeadLetterConfig"]["TargetArn"]
    assert queue == {"Fn::GetAtt": ["WorkerDeadLetterQueue", "Arn"]}
    statements = [
        s for p in of_type(t, "AWS::IAM::Policy").values() for s in p["PolicyDocument"]["Statement"]
    ]
    assert {"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": [queue]} in statements
    return True


def _tf_dead_letter(tf: Terraform, texts: dict[str, str]) -> bool:
    fn = tf[("aws_lambda_function", "worker")]
    if "dead_letter_config" not in fn:
        return False
    assert fn["dead_letter_config"] == [{"target_arn": "${aws_sqs_queue.worker_dead_letter_queue.arn}"}]
    return True


def _tags(t: Template) -> bool:
    tags = of_type(t, "AWS::EC2::VPC")["Main"].get("Tags", [])
    return {"Key": "Environment", "Value": "production"} in tags and {
        "Key": "Design",
        "Value": "Orders",
    } in tags


def _tf_tags(tf: Terraform, texts: dict[str, str]) -> bool:
    return 'Environment = var.environment\n      Design      = "Orders"' in texts["providers.tf"]


def _backend(t: Template) -> bool:
    return True  # a Terraform setting: the template has no backend


def _tf_backend(tf: Terraform, texts: dict[str, str]) -> bool:
    return '#   backend "s3" {\n#     key          = "orders/terraform.tfstate"' in texts["versions.tf"]


DEFAULTS: dict[str, tuple[Callable[[Template], bool], Callable[[Terraform, dict[str, str]], bool]]] = {
    "load_balancer_access_logs": (_access_logs, _tf_access_logs),
    "vpc_flow_logs": (_flow_logs, _tf_flow_logs),
    "s3_tls_only": (_tls_only, _tf_tls_only),
    "database_monitoring": (_database, _tf_database),
    "function_tracing": (_tracing, _tf_tracing),
    "function_dead_letter_queue": (_dead_letter, _tf_dead_letter),
    "tags": (_tags, _tf_tags),
    "terraform_backend_example": (_backend, _tf_backend),
}


@cache
def _exported(switched_off: str | None) -> tuple[Template, Terraform, dict[str, str]]:
    return exported(production_design(**({switched_off: False} if switched_off else {})))


def test_every_production_default_is_written_in_both_formats() -> None:
    template, tf, texts = _exported(None)
    for name, (in_template, in_terraform) in DEFAULTS.items():
        assert in_template(template), f"{name}: CloudFormation"
        assert in_terraform(tf, texts), f"{name}: Terraform"


@pytest.mark.parametrize("switch", sorted(DEFAULTS))
def test_each_default_is_switched_off_in_both_formats_alone(switch: str) -> None:
    template, tf, texts = _exported(switch)
    written = {name: (cfn(template), terraform(tf, texts)) for name, (cfn, terraform) in DEFAULTS.items()}
    expected = {
        name: (name != switch or name == "terraform_backend_example", name != switch) for name in DEFAULTS
    }
    assert written == expected


def test_load_balancer_deletion_protection_is_on_by_default_and_the_balancers_own_setting() -> None:
    template, tf, _ = _exported(None)
    (alb,) = of_type(template, "AWS::ElasticLoadBalancingV2::LoadBalancer").values()
    assert attributes(alb)["deletion_protection.enabled"] == "true"
    assert tf[("aws_lb", "web")]["enable_deletion_protection"] is True
    arch = production_design()
    arch.set_property("alb", "deletion_protection", False)
    template, tf, _ = exported(arch)
    (alb,) = of_type(template, "AWS::ElasticLoadBalancingV2::LoadBalancer").values()
    assert "deletion_protection.enabled" not in attributes(alb)
    assert "enable_deletion_protection" not in tf[("aws_lb", "web")]


def test_access_logs_go_to_a_bucket_that_the_regions_log_delivery_may_write() -> None:
    template, tf, texts = _exported(None)
    resources_ = template["Resources"]
    alb = resources_["Web"]
    assert alb["DependsOn"] == ["WebLogsPolicy"]  # ELB checks the permission when logging starts
    assert attributes(alb["Properties"])["access_logs.s3.bucket"] == {"Ref": "WebLogs"}
    bucket = resources_["WebLogs"]["Properties"]
    assert bucket["BucketEncryption"]["ServerSideEncryptionConfiguration"] == [
        {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}  # the only encryption ELB writes to
    ]
    assert bucket["LifecycleConfiguration"]["Rules"][0]["ExpirationInDays"] == 30
    delivery = resources_["WebLogsPolicy"]["Properties"]["PolicyDocument"]["Statement"][0]
    condition, regional, service = delivery["Principal"]["Fn::If"]
    assert service == {"Service": LOG_DELIVERY_SERVICE}
    account = {"Fn::FindInMap": ["ElbLogDeliveryAccounts", {"Ref": "AWS::Region"}, "Account"]}
    assert regional == {
        "AWS": {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":iam::", account, ":root"]]}
    }
    assert delivery["Resource"] == {"Fn::Sub": "${WebLogs.Arn}/AWSLogs/${AWS::AccountId}/*"}
    assert template["Mappings"]["ElbLogDeliveryAccounts"] == {
        r: {"Account": a} for r, a in ELB_LOG_ACCOUNTS.items()
    }
    assert _regions_of(template["Conditions"][condition]) == sorted(ELB_LOG_ACCOUNTS)
    # Terraform: the same accounts as locals, the same choice as a conditional expression.
    assert tf[("aws_lb", "web")]["access_logs"] == [
        {"bucket": "${aws_s3_bucket.web_logs.id}", "enabled": True}
    ]
    assert f'Service = "{LOG_DELIVERY_SERVICE}"' in texts["main.tf"]
    assert "Principal = local.elb_logs_from_region_account ? { AWS = " in texts["main.tf"]


def _regions_of(condition: dict[str, Any]) -> list[str]:
    if "Fn::Or" in condition:
        return sorted(r for inner in condition["Fn::Or"] for r in _regions_of(inner))
    left, right = condition["Fn::Equals"]
    assert left == {"Ref": "AWS::Region"}
    return [right]


SCHEMAS = Path(cfnlint.__file__).parent / "data" / "schemas"


@cache
def _schemas() -> dict[str, Any]:
    return json.loads((SCHEMAS / "providers" / "us-east-1.json").read_text())


def _schema_tag_property(kind: str) -> str | None:
    """The tags property of a type by its CloudFormation schema (as cfn-lint bundles them)."""
    entry = _schemas().get(kind)
    if entry is None:
        return None
    schema = (
        entry
        if isinstance(entry, dict)
        else json.loads((SCHEMAS / "resources" / f"{entry}.json").read_text())
    )
    properties = schema.get("properties", {})
    if "Tags" in properties:
        return "Tags"
    # HostedZoneTags, FileSystemTags...; not the switches (PropagateTags, EnableECSManagedTags, CopyTagsTo...).
    named = [
        p for p in properties if p.endswith("Tags") and not p.startswith(("Enable", "Propagate", "Copy"))
    ]
    return named[0] if named else None


def _designs() -> dict[str, Callable[[], Architecture]]:
    found: dict[str, Callable[[], Architecture]] = {
        name: lambda name=name: load(Path(str(example_path(name))))  # type: ignore[misc]
        for name in example_names()
    }
    found.update({f"generated-{seed}": lambda seed=seed: generated(seed) for seed in SEEDS})  # type: ignore[misc]
    return found


@pytest.mark.parametrize("name", sorted(_designs()))
def test_every_resource_that_takes_tags_has_the_environment_and_design(name: str) -> None:
    arch = _designs()[name]()
    template = build_template(arch)
    expected = {"Environment": arch.metadata.environment.value, "Design": design_tag(arch.metadata.name)}
    untagged = []
    for logical, body in template["Resources"].items():
        schema_property = _schema_tag_property(body["Type"])
        if schema_property is None:
            continue
        assert tag_property(body["Type"]) is not None, (
            f"{body['Type']} takes {schema_property}: add it to tagging.py"
        )
        tags = body["Properties"].get(schema_property)
        pairs = tags if isinstance(tags, dict) else {t["Key"]: t["Value"] for t in tags or []}
        if {k: pairs.get(k) for k in expected} != expected:
            untagged.append(logical)
    assert untagged == []


def test_the_production_design_lints_clean_and_deploys_in_moto_with_its_defaults(tmp_path: Path) -> None:
    arch = production_design()
    for kind in ("cloudformation", "cloudformation-json"):
        [written] = export(kind, arch, tmp_path / kind)
        assert lint(written.read_text(encoding="utf-8"), str(written), informational=True) == []
    template = build_template(arch)
    with mock_aws():
        deployable, dropped = moto_deployable(template)
        # moto has no bucket policies (moto_stand_ins.py): the TLS-only statements are checked in the template.
        assert dropped == ["DataTlsPolicy", "WebLogsPolicy"]
        cloudformation = boto3.client("cloudformation", region_name="us-east-1")
        cloudformation.create_stack(
            StackName="orders", TemplateBody=json.dumps(deployable), Capabilities=["CAPABILITY_IAM"]
        )
        assert (
            cloudformation.describe_stacks(StackName="orders")["Stacks"][0]["StackStatus"]
            == "CREATE_COMPLETE"
        )
        ec2 = boto3.client("ec2", region_name="us-east-1")
        (vpc,) = [v["VpcId"] for v in ec2.describe_vpcs()["Vpcs"] if not v.get("IsDefault")]
        (flow_log,) = ec2.describe_flow_logs()["FlowLogs"]
        assert (flow_log["ResourceId"], flow_log["TrafficType"]) == (vpc, "ALL")
        # moto's load balancers take no attributes from a template: they are checked in the template above.
        (balancer,) = boto3.client("elbv2", region_name="us-east-1").describe_load_balancers()[
            "LoadBalancers"
        ]
        assert balancer["Type"] == "application"
        buckets = [b["Name"] for b in boto3.client("s3", region_name="us-east-1").list_buckets()["Buckets"]]
        assert len(buckets) == 2  # the design's and the access logs'
        # moto's functions keep neither tracing nor a dead-letter target from a template (checked above); the
        # queue is created.
        queues = boto3.client("sqs", region_name="us-east-1").list_queues()["QueueUrls"]
        assert [q.rsplit("/", 1)[1].split("-")[1] for q in queues] == ["WorkerDeadLetterQueue"]
        (database,) = boto3.client("rds", region_name="us-east-1").describe_db_instances()["DBInstances"]
        # moto's databases keep their tags from a template, not Performance Insights nor log exports (checked
        # above).
        tags = {t["Key"]: t["Value"] for t in database["TagList"]}
        assert (tags["Environment"], tags["Design"]) == ("production", "Orders")


@pytest.mark.parametrize("kind", ["cloudformation", "terraform"])
def test_what_the_defaults_add_imports_back_into_its_services_not_as_services_of_its_own(
    kind: str, tmp_path: Path
) -> None:
    """The flow logs' group and role fold into the VPC, a function's log group and dead-letter queue into the
    function, the access logs' bucket into its balancer: the design comes back with its own services only, and
    exports the same resources again."""
    original = production_design()
    written = export(kind, original, tmp_path)
    if kind == "cloudformation":
        imported, report = import_template(written[0])
    else:
        imported, report = import_terraform(tmp_path)
    assert sorted(s.label for s in imported.services()) == ["App", "Data", "Orders DB", "Web", "Worker"]
    assert report.generic == []
    again, first = build_template(imported), build_template(original)
    # Terraform names are snake case: "orders_db" comes back as OrdersDb where the label made OrdersDB.
    same = str.lower if kind == "terraform" else str
    assert sorted((same(n), b["Type"]) for n, b in again["Resources"].items()) == sorted(
        (same(n), b["Type"]) for n, b in first["Resources"].items()
    )
