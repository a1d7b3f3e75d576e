"""Load balancer and target group attributes (CloudFormation key/value lists) as the aws provider's arguments."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from archbuilder.exporters.terraform.hcl_writer import Block

# Load balancer attribute -> (argument, converter of the attribute's text value).
_BALANCER: dict[str, tuple[str, Callable[[str], Any]]] = {
    "idle_timeout.timeout_seconds": ("idle_timeout", int),
    "deletion_protection.enabled": ("enable_deletion_protection", lambda v: v == "true"),
    "load_balancing.cross_zone.enabled": ("enable_cross_zone_load_balancing", lambda v: v == "true"),
}


def balancer_attributes(attributes: list[dict[str, str]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for attribute in attributes:
        if attribute["Key"] in _BALANCER:
            argument, convert = _BALANCER[attribute["Key"]]
            found[argument] = convert(attribute["Value"])
    return found


def balancer_access_logs(expr: Callable[[Any], Any], attributes: list[dict[str, Any]]) -> dict[str, Any]:
    """The access_logs block of the access_logs.s3.* attributes (`expr` converts the bucket's reference)."""
    values = {a["Key"]: a["Value"] for a in attributes}
    if values.get("access_logs.s3.enabled") != "true":
        return {}
    settings = {"bucket": expr(values["access_logs.s3.bucket"]), "enabled": True}
    if "access_logs.s3.prefix" in values:
        settings["prefix"] = values["access_logs.s3.prefix"]
    return {"access_logs": Block("access_logs", (), settings)}


def target_group_attributes(attributes: list[dict[str, str]]) -> dict[str, Any]:
    values = {a["Key"]: a["Value"] for a in attributes}
    found: dict[str, Any] = {}
    if "deregistration_delay.timeout_seconds" in values:
        found["deregistration_delay"] = int(values["deregistration_delay.timeout_seconds"])
    if values.get("stickiness.enabled") == "true":
        found["stickiness"] = Block(
            "stickiness", (), {"type": values.get("stickiness.type", "lb_cookie"), "enabled": True}
        )
    return found
