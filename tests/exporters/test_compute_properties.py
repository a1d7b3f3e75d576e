"""Compute properties of the design that only some designs set reach both exports: detailed monitoring of an
instance and a function's reserved concurrency; left unset, neither format writes them."""

from __future__ import annotations

from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.terraform.files import render
from archbuilder.model import Architecture
from tests.exporters.tf_tools import resources
from tests.model.builders import two_az_network


def design(**properties: object) -> Architecture:
    arch = two_az_network()
    monitoring = {"detailed_monitoring": properties["detailed_monitoring"]} if properties else {}
    concurrency = {"reserved_concurrency": properties["reserved_concurrency"]} if properties else {}
    arch.add_service("ec2_instance", "private-a", label="Worker", node_id="worker", properties=monitoring)
    arch.add_service("lambda_function", "region", label="Job", node_id="job", properties=concurrency)
    return arch


def test_detailed_monitoring_and_reserved_concurrency_are_exported_when_the_design_sets_them() -> None:
    arch = design(detailed_monitoring=True, reserved_concurrency=5)
    template = build_template(arch)["Resources"]
    assert template["Worker"]["Properties"]["Monitoring"] is True
    assert template["Job"]["Properties"]["ReservedConcurrentExecutions"] == 5
    terraform = resources(render(arch))
    assert terraform[("aws_instance", "worker")]["monitoring"] is True
    assert terraform[("aws_lambda_function", "job")]["reserved_concurrent_executions"] == 5


def test_unset_properties_are_not_written() -> None:
    arch = design()
    template = build_template(arch)["Resources"]
    assert "Monitoring" not in template["Worker"]["Properties"]
    assert "ReservedConcurrentExecutions" not in template["Job"]["Properties"]
    terraform = resources(render(arch))
    assert "monitoring" not in terraform[("aws_instance", "worker")]
    assert "reserved_concurrent_executions" not in terraform[("aws_lambda_function", "job")]
