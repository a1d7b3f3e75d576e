"""What the exports write for a real deploy reads back into the same design: a scaling group's CPU target and
script, and names written from a zone's domain parameter."""

from __future__ import annotations

from pathlib import Path

from archbuilder.exporters.registry import export
from archbuilder.importers.cloudformation import import_template
from archbuilder.importers.references import parameter_text
from archbuilder.model import Architecture, ServiceNode, load
from archbuilder.resource_files import example_path


def _by_label(arch: Architecture, label: str) -> ServiceNode:
    return next(s for s in arch.services() if s.label == label)


def test_a_scaling_groups_target_and_script_round_trip(tmp_path: Path) -> None:
    original = load(Path(str(example_path("three-tier-web"))))
    group = next(s for s in original.services() if s.type == "autoscaling_group")
    original.set_property(group.id, "target_cpu_percent", 70)
    original.set_property(group.id, "user_data", "#!/bin/sh\nexec /opt/app/serve\n")
    [template] = export("cloudformation", original, tmp_path)
    imported, _report = import_template(template)
    assert {
        k: v
        for k, v in _by_label(imported, "App servers").properties.items()
        if k in ("target_cpu_percent", "user_data")
    } == {
        "target_cpu_percent": 70,
        "user_data": "#!/bin/sh\nexec /opt/app/serve\n",
    }


def test_the_placeholder_server_is_not_read_back_as_the_users_script(tmp_path: Path) -> None:
    [template] = export("cloudformation", load(Path(str(example_path("three-tier-web")))), tmp_path)
    imported, _report = import_template(template)
    group = _by_label(imported, "App servers")
    assert (group.properties["target_cpu_percent"], group.properties.get("user_data", "")) == (50, "")


def test_a_group_without_a_policy_stays_without_one(tmp_path: Path) -> None:
    [template] = export("cloudformation", load(Path(str(example_path("three-tier-web")))), tmp_path)
    text = template.read_text(encoding="utf-8")
    start = text.index("  AppServersCpuScaling:\n")
    end = text.index("\n  StaticAssets:\n")
    template.write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    imported, _report = import_template(template)
    assert _by_label(imported, "App servers").properties["target_cpu_percent"] == 0


def test_names_written_from_parameters_read_as_their_defaults() -> None:
    parameters = {"Zone": {"Type": "String", "Default": "example.com"}, "Other": {"Type": "String"}}
    assert parameter_text({"Fn::Sub": "shop.${Zone}"}, parameters) == "shop.example.com"
    assert parameter_text({"Ref": "Zone"}, parameters) == "example.com"
    assert parameter_text({"Fn::Sub": "shop.${Other}"}, parameters) is None
    assert parameter_text({"Fn::GetAtt": ["Zone", "Id"]}, parameters) is None
