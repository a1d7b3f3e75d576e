"""What a real deploy needs beyond lint, each in both formats: functions whose handler finds its code and runs,
certificates that can be issued (validation records in a zone of the design, or validation declared external;
CloudFront's in us-east-1), DNS names that agree with their zones, load balancer targets listening on the target
port, scaling groups that scale and answer health checks, stateful resources protected alike, REST APIs
redeployed when their methods change, and functions packaged without the archive provider."""

from __future__ import annotations

import hashlib
import io
import re
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path
from typing import Any

import pytest

from archbuilder.exporters.cloudformation.protection import STATEFUL
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.terraform.files import render_files
from archbuilder.model import load
from archbuilder.model.naming import snake
from archbuilder.resource_files import example_names, example_path
from tests.exporters.lambda_events import TRIGGERS, run_handler, triggers_of
from tests.exporters.secret_rotation_run import rotates_in_moto
from tests.exporters.tf_tools import plain, resources

EXAMPLES = example_names()


def example(name: str) -> Any:
    return load(Path(str(example_path(name))))


def of_type(template: dict[str, Any], kind: str) -> dict[str, dict[str, Any]]:
    return {name: body for name, body in template["Resources"].items() if body["Type"] == kind}


def terraform(name: str) -> tuple[dict[str, bytes], dict[tuple[str, str], dict[str, Any]]]:
    files = render_files(example(name))
    texts = {k: v.decode("utf-8") for k, v in files.items() if k.endswith(".tf")}
    return files, resources(texts)


def with_functions() -> list[str]:
    return [n for n in EXAMPLES if of_type(build_template(example(n)), "AWS::Lambda::Function")]


# 1. A function's handler names the file its code is in, and the handler runs on each of its triggers.
@pytest.mark.parametrize("name", with_functions())
def test_every_function_handler_finds_its_code_and_answers_its_triggers(name: str, tmp_path: Path) -> None:
    template = build_template(example(name))
    files, tf = terraform(name)
    for logical, body in of_type(template, "AWS::Lambda::Function").items():
        props = body["Properties"]
        runtime, handler, code = props["Runtime"], props["Handler"], props["Code"]["ZipFile"]
        # CloudFormation writes inline code to index.py / index.js.
        inline = tmp_path / f"{logical}-cloudformation"
        inline.mkdir()
        (inline / ("index.py" if runtime.startswith("python") else "index.js")).write_text(code)
        _answers_every_trigger(template, logical, inline, runtime, handler)
        # Terraform deploys the zip written beside the .tf files.
        zipped = tmp_path / f"{logical}-terraform"
        package = tf[("aws_lambda_function", snake(logical))]["filename"].split("/")[-1]
        zipfile.ZipFile(io.BytesIO(files[package])).extractall(zipped)
        _answers_every_trigger(template, logical, zipped, runtime, handler)


def _answers_every_trigger(
    template: dict[str, Any], logical: str, code: Path, runtime: str, handler: str
) -> None:
    for trigger in triggers_of(template, logical):
        if trigger == "secretsmanager":
            # A secret's rotation function, run as Secrets Manager runs it against moto (its four steps).
            rotation = rotates_in_moto((code / "index.py").read_text(), handler, 30)
            assert rotation.steps == ["createSecret", "setSecret", "testSecret", "finishSecret"], logical
            assert rotation.previous == rotation.first != rotation.current, logical
            continue
        event, answer = TRIGGERS[trigger]
        returned = run_handler(code, runtime, handler, event)
        if answer is not None:
            assert returned == answer, f"{logical} on {trigger}"


# 2. Certificates validate: DNS records in a zone of the design, or a parameter saying validation is external.
def _validation_zones(template: dict[str, Any], certificate: dict[str, Any]) -> list[str]:
    """What each validation option names: 'zone:<logical>' for a zone of the template, 'external:<parameter>'."""
    options = certificate["Properties"].get("DomainValidationOptions")
    if isinstance(options, dict):  # {"Fn::If": [condition, given, otherwise]}: a zone parameter, maybe empty
        _condition, given, otherwise = options["Fn::If"]
        covered = otherwise if isinstance(otherwise, list) else []
        parameter = next(o["HostedZoneId"]["Ref"] for o in given if o not in covered)
        assert template["Parameters"][parameter]["Default"] == ""
        rest = _validation_zones(template, {"Properties": {"DomainValidationOptions": covered}})
        return [f"external:{parameter}", *rest]
    zones = []
    for option in options or []:
        zone = option["HostedZoneId"]["Ref"]
        assert template["Resources"][zone]["Type"] == "AWS::Route53::HostedZone"
        zones.append(f"zone:{zone}")
    return zones


def test_certificates_validate_in_a_zone_of_the_design_or_say_validation_is_external() -> None:
    found = {}
    for name in EXAMPLES:
        template = build_template(example(name))
        _files, tf = terraform(name)
        for logical, body in of_type(template, "AWS::CertificateManager::Certificate").items():
            found[f"{name}/{logical}"] = _validation_zones(template, body)
            record = tf[("aws_route53_record", f"{snake(logical)}_validation")]
            assert record["for_each"].startswith(
                f"${{{{for option in aws_acm_certificate.{snake(logical)}.domain_validation_options"
            )
            validation = tf[("aws_acm_certificate_validation", snake(logical))]
            assert validation["validation_record_fqdns"] == (
                f"${{[for record in aws_route53_record.{snake(logical)}_validation : record.fqdn]}}"
            )
    # Every certificate of every example has a validation path; those of the first examples, exactly these.
    assert [name for name, zones in found.items() if not zones] == []
    assert {name: found[name] for name in EXPECTED_VALIDATION} == EXPECTED_VALIDATION


EXPECTED_VALIDATION = {
    "ecs-fargate/ServiceCertificate": ["external:ServiceCertificateValidationZoneId"],
    "serverless-api/CDNCertificate": ["zone:ExampleCom"],
    "static-site/WwwCertificate": ["zone:ExampleCom"],
    "three-tier-web/WebCertificate": ["zone:ExampleCom"],
}


def test_a_new_public_zone_outputs_its_name_servers_for_delegation() -> None:
    for name in EXAMPLES:
        template = build_template(example(name))
        zones = sorted(of_type(template, "AWS::Route53::HostedZone"))
        outputs = template.get("Outputs", {})
        assert [z for z in zones if f"{z}NameServers" not in outputs] == [], name
        for zone in zones:
            assert outputs[f"{zone}NameServers"]["Value"] == {
                "Fn::Join": [",", {"Fn::GetAtt": [zone, "NameServers"]}]
            }
        tf_outputs = terraform(name)[0]["outputs.tf"].decode()
        for zone in zones:
            assert f'join(",", aws_route53_zone.{snake(zone)}.name_servers)' in tf_outputs


# 3. DNS names, aliases, certificate domains and zones agree, and move together with the zone's domain.
def resolve(value: Any, parameters: dict[str, str]) -> str:
    if isinstance(value, str):
        return value
    if set(value) == {"Ref"}:
        return parameters[value["Ref"]]
    if set(value) == {"Fn::Sub"}:
        return re.sub(r"\$\{([A-Za-z0-9]+)\}", lambda m: parameters[m.group(1)], value["Fn::Sub"])
    raise AssertionError(f"not a name: {value}")


def names_of(template: dict[str, Any], domain: str | None = None) -> dict[str, list[str]]:
    """Every record name, distribution alias and certificate name, with the zone parameters at their defaults,
    or all of them set to `domain`."""
    parameters = {k: str(v.get("Default", "")) for k, v in (template.get("Parameters") or {}).items()}
    zones = of_type(template, "AWS::Route53::HostedZone")
    if domain is not None:
        parameters |= {z["Properties"]["Name"]["Ref"]: domain for z in zones.values()}
    found: dict[str, list[str]] = {}
    for logical, body in template["Resources"].items():
        props = body.get("Properties") or {}
        if body["Type"] == "AWS::Route53::RecordSet":
            zone = zones[props["HostedZoneId"]["Ref"]]["Properties"]["Name"]
            found[logical] = [resolve(props["Name"], parameters), "in", resolve(zone, parameters)]
        elif body["Type"] == "AWS::CloudFront::Distribution":
            aliases = props["DistributionConfig"].get("Aliases", [])
            found[logical] = [resolve(a, parameters) for a in aliases]
        elif body["Type"] == "AWS::CertificateManager::Certificate":
            names = [props["DomainName"], *props.get("SubjectAlternativeNames", [])]
            found[logical] = [resolve(n, parameters) for n in names]
    return found


def test_serverless_api_record_names_the_distributions_alias_and_certificate() -> None:
    template = build_template(example("serverless-api"))
    assert names_of(template) == {
        "WebCDN": ["app.example.com"],
        "CDNCertificate": ["app.example.com"],
        "WebCDNRecord": ["app.example.com", "in", "example.com"],
    }


@pytest.mark.parametrize("name", ["serverless-api", "static-site", "three-tier-web"])
def test_names_follow_the_zones_domain_parameter(name: str) -> None:
    template = build_template(example(name))
    default, moved = names_of(template), names_of(template, "shop.example.org")
    for logical, names in default.items():
        assert [n.replace("example.com", "shop.example.org") for n in names] == moved[logical], logical
    for logical, (record, _in, zone) in ((k, v) for k, v in moved.items() if len(v) == 3 and v[1] == "in"):
        assert record == zone or record.endswith("." + zone), logical


# 4. A certificate CloudFront serves is made in us-east-1.
@pytest.mark.parametrize("name", ["serverless-api", "static-site"])
def test_cloudfront_certificates_are_pinned_to_us_east_1(name: str) -> None:
    template = build_template(example(name))
    assert template["Rules"] == {
        "CloudFrontCertificateRegion": {
            "Assertions": [
                {
                    "Assert": {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]},
                    "AssertDescription": "The stack creates a certificate that CloudFront serves, and CloudFront "
                    "takes certificates from us-east-1 only: create the stack in us-east-1",
                }
            ]
        }
    }
    files, tf = terraform(name)
    [certificate] = [key for key in tf if key[0] == "aws_acm_certificate"]
    assert tf[certificate]["provider"] == "${aws.us_east_1}"
    assert tf[("aws_acm_certificate_validation", certificate[1])]["provider"] == "${aws.us_east_1}"
    providers = files["providers.tf"].decode()
    assert 'alias  = "us_east_1"\n  region = "us-east-1"' in providers


def test_a_load_balancers_certificate_stays_in_the_stacks_region() -> None:
    template = build_template(example("three-tier-web"))
    assert "Rules" not in template
    _files, tf = terraform("three-tier-web")
    assert "provider" not in tf[("aws_acm_certificate", "web_certificate")]


# 5. A container service's target port is the port its container listens on.
def test_container_targets_use_the_container_port() -> None:
    arch = example("ecs-fargate")
    [service] = [s for s in arch.services() if s.type == "fargate_task"]
    port = service.properties["container_port"]
    template = build_template(arch)
    [task] = of_type(template, "AWS::ECS::TaskDefinition").values()
    [group] = of_type(template, "AWS::ElasticLoadBalancingV2::TargetGroup").values()
    [ecs] = of_type(template, "AWS::ECS::Service").values()
    ingress = template["Resources"]["WebServiceSecurityGroupFromServiceLoadBalancer"]["Properties"]
    assert (
        task["Properties"]["ContainerDefinitions"][0]["PortMappings"][0]["ContainerPort"],
        group["Properties"]["Port"],
        ecs["Properties"]["LoadBalancers"][0]["ContainerPort"],
        ingress["FromPort"],
        ingress["ToPort"],
    ) == (port, port, port, port, port)
    _files, tf = terraform("ecs-fargate")
    assert tf[("aws_lb_target_group", "service_load_balancer_target_group")]["port"] == port
    assert tf[("aws_ecs_service", "web_service")]["load_balancer"][0]["container_port"] == port


# 6. A scaling group scales, and its instances answer the load balancer on the target port.
def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve_user_data(script: str, root: Path) -> tuple[list[int], Any]:
    """Runs the placeholder's page-writing lines with the document root in `root`; returns the ports its
    services listen on, and a server of its command on a free local port."""
    lines = script.splitlines()
    writes = [line for line in lines if line.startswith("mkdir -p")]
    subprocess.run(["bash", "-c", "\n".join(["set -eu", f"root={root}", *writes])], check=True)
    commands = [line.removeprefix("ExecStart=") for line in lines if line.startswith("ExecStart=")]
    ports = [int(re.search(r"http\.server (\d+) ", c).group(1)) for c in commands]  # type: ignore[union-attr]
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(root)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return ports, (server, port)


def answer(port: int, path: str) -> int:
    for _ in range(50):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as response:
                return int(response.status)
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing answers on {port}")


def test_the_scaling_group_scales_and_answers_its_health_checks(tmp_path: Path) -> None:
    template = build_template(example("three-tier-web"))
    [policy] = of_type(template, "AWS::AutoScaling::ScalingPolicy").values()
    assert policy["Properties"] == {
        "AutoScalingGroupName": {"Ref": "AppServers"},
        "PolicyType": "TargetTrackingScaling",
        "TargetTrackingConfiguration": {
            "PredefinedMetricSpecification": {"PredefinedMetricType": "ASGAverageCPUUtilization"},
            "TargetValue": 50,
        },
    }
    [group] = of_type(template, "AWS::ElasticLoadBalancingV2::TargetGroup").values()
    script = template["Resources"]["AppServersLaunchTemplate"]["Properties"]["LaunchTemplateData"]["UserData"]
    ports, (server, port) = serve_user_data(script["Fn::Base64"], tmp_path)
    try:
        assert ports == [group["Properties"]["Port"]] == [8080]
        assert answer(port, group["Properties"]["HealthCheckPath"]) == 200
    finally:
        server.terminate()
        server.wait()
    _files, tf = terraform("three-tier-web")
    scaling = tf[("aws_autoscaling_policy", "app_servers_cpu_scaling")]
    assert scaling["autoscaling_group_name"] == "${aws_autoscaling_group.app_servers.name}"
    assert scaling["target_tracking_configuration"] == [
        {
            "target_value": 50,
            "predefined_metric_specification": [{"predefined_metric_type": "ASGAverageCPUUtilization"}],
        }
    ]
    assert plain(tf[("aws_launch_template", "app_servers_launch_template")]["user_data"]).startswith(
        '${base64encode("#!/bin/bash\\n'
    )


def test_a_health_check_path_of_its_own_gets_a_page(tmp_path: Path) -> None:
    arch = example("three-tier-web")
    [balancer] = [s for s in arch.services() if s.type == "alb"]
    arch.set_property(balancer.id, "health_check_path", "/healthz/ready")
    template = build_template(arch)
    script = template["Resources"]["AppServersLaunchTemplate"]["Properties"]["LaunchTemplateData"]["UserData"]
    _ports, (server, port) = serve_user_data(script["Fn::Base64"], tmp_path)
    try:
        assert answer(port, "/healthz/ready") == 200
    finally:
        server.terminate()
        server.wait()


# 7. Stateful resources are protected alike: both policies in CloudFormation, prevent_destroy in Terraform.
@pytest.mark.parametrize("name", EXAMPLES)
def test_stateful_resources_are_protected_alike_in_both_formats(name: str) -> None:
    template = build_template(example(name))
    stateful = {k: b for k, b in template["Resources"].items() if b["Type"] in STATEFUL}
    assert {
        k for k, b in stateful.items() if not {"DeletionPolicy", "UpdateReplacePolicy"} <= set(b)
    } == set()
    # Every resource kept on delete (stateful ones, and those a renderer keeps, like image repositories).
    kept = {
        snake(k)
        for k, b in template["Resources"].items()
        if b.get("DeletionPolicy") in ("Retain", "Snapshot")
    }
    _files, tf = terraform(name)
    protected = {
        n for (_kind, n), body in tf.items() if body.get("lifecycle", [{}])[0].get("prevent_destroy")
    }
    assert protected == kept


def test_queues_streams_and_secrets_are_retained() -> None:
    policies = {}
    for name in ("serverless-api", "streaming-pipeline", "ecs-fargate"):
        for logical, body in build_template(example(name))["Resources"].items():
            if body["Type"] in ("AWS::SQS::Queue", "AWS::Kinesis::Stream", "AWS::SecretsManager::Secret"):
                policies[logical] = (body["DeletionPolicy"], body["UpdateReplacePolicy"])
    assert policies == {
        # Each function's dead-letter queue (a production default) holds the events it failed on.
        "EnricherDeadLetterQueue": ("Retain", "Retain"),
        "FulfilmentWorkerDeadLetterQueue": ("Retain", "Retain"),
        "OrdersHandlerDeadLetterQueue": ("Retain", "Retain"),
        "AppSecretsRotationFunctionDeadLetterQueue": ("Retain", "Retain"),  # the secret's rotation function's
        "FulfilmentQueueDeadLetterQueue": ("Retain", "Retain"),
        "FulfilmentQueue": ("Retain", "Retain"),
        "ClickStream": ("Retain", "Retain"),
        "AppSecrets": ("Retain", "Retain"),
    }


# 8. A REST API is redeployed when a method or its integration changes.
def test_terraform_redeploys_the_api_when_its_methods_change() -> None:
    _files, tf = terraform("serverless-api")
    deployment = tf[("aws_api_gateway_deployment", "orders_api")]
    assert deployment["triggers"] == {
        "redeployment": "${sha1(jsonencode([aws_api_gateway_method.orders_api_orders_handler_method, "
        "aws_api_gateway_integration.orders_api_orders_handler_method]))}"
    }


# 9. Terraform packs functions without the archive provider, one zip per distinct code, named by its content.
@pytest.mark.parametrize("name", with_functions())
def test_functions_are_zipped_beside_the_terraform_files(name: str) -> None:
    files, tf = terraform(name)
    assert "hashicorp/archive" not in files["versions.tf"].decode()
    assert not any(kind == "archive_file" for kind, _name in tf)
    template = build_template(example(name))
    package_of_code: dict[str, str] = {}
    for logical, body in of_type(template, "AWS::Lambda::Function").items():
        function = tf[("aws_lambda_function", snake(logical))]
        package = function["filename"].removeprefix("${path.module}/")
        assert function["source_code_hash"] == f'${{filebase64sha256("${{path.module}}/{package}")}}'
        assert package == f"function_code_{hashlib.sha256(files[package]).hexdigest()[:12]}.zip"
        code = body["Properties"]["Code"]["ZipFile"]
        with zipfile.ZipFile(io.BytesIO(files[package])) as archive:
            assert archive.namelist() == ["index.py"]
            assert archive.read("index.py").decode() == code
        assert package_of_code.setdefault(code, package) == package  # the same code, the same package
    # A package per distinct code, and no other zip.
    assert sorted(n for n in files if n.endswith(".zip")) == sorted(set(package_of_code.values()))
    assert len(set(package_of_code.values())) == len(package_of_code)
    assert render_files(example(name)) == files  # the same bytes every time
