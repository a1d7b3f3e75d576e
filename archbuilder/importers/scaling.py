"""An Auto Scaling group's scaling and boot settings, read from its ScalingPolicy resources and launch template.

The model keeps the CPU target of one target tracking policy (`target_cpu_percent`, 0 for none) and the
instances' user data. Without this, a group imported with no policy would be exported with the catalog's
policy, and one with a script of its own would get the export's placeholder server instead."""

from __future__ import annotations

from typing import Any

from archbuilder.exporters.cloudformation.placeholder_server import HEADER as PLACEHOLDER_HEADER
from archbuilder.importers.references import refs

POLICY = "AWS::AutoScaling::ScalingPolicy"
CPU_METRIC = "ASGAverageCPUUtilization"


def scaling_properties(resources: dict[str, Any], group: str, naming: list[str]) -> dict[str, Any]:
    """The group's settings; `naming` are the resources that name the group (its policies among them), in
    template order."""
    values: dict[str, Any] = {"target_cpu_percent": 0}
    for body in (resources[name] for name in naming):
        props = body.get("Properties") if isinstance(body, dict) else None
        if body.get("Type") != POLICY or not isinstance(props, dict):
            continue
        tracking = props.get("TargetTrackingConfiguration")
        metric = (tracking or {}).get("PredefinedMetricSpecification") if isinstance(tracking, dict) else None
        target = tracking.get("TargetValue") if isinstance(tracking, dict) else None
        if (
            refs(props.get("AutoScalingGroupName")) == [group]
            and isinstance(metric, dict)
            and metric.get("PredefinedMetricType") == CPU_METRIC
            and isinstance(target, int | float)
            and not isinstance(target, bool)
        ):
            # A target outside 1-100 is kept as written (the import reports it), not read as no policy.
            values["target_cpu_percent"] = int(target)
    template = _launch_template(resources, group)
    user_data = template.get("UserData") if isinstance(template, dict) else None
    script = user_data.get("Fn::Base64") if isinstance(user_data, dict) else None
    # The export's own placeholder server is written again from the design (on its ports of the day).
    if isinstance(script, str) and not script.startswith(PLACEHOLDER_HEADER):
        values["user_data"] = script
    return values


def _launch_template(resources: dict[str, Any], group: str) -> Any:
    """The LaunchTemplateData of the template the group launches from."""
    props = (resources.get(group) or {}).get("Properties") or {}
    names = refs(props.get("LaunchTemplate"))
    template = resources.get(names[0]) if names else None
    if not isinstance(template, dict) or template.get("Type") != "AWS::EC2::LaunchTemplate":
        return None
    return (template.get("Properties") or {}).get("LaunchTemplateData")
