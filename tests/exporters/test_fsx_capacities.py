"""An FSx file system is written with a storage and throughput AWS takes for its kind: the design's where it is
one, else the nearest one above (the largest, above them all), recorded as written in place of the design's and
read back by the import as the design's while the template holds it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.registry import export, export_notes
from archbuilder.importers.terraform import import_terraform
from archbuilder.model import Architecture
from tests.exporters.cfn_tools import lint
from tests.importers.round_trips import imported
from tests.model.builders import two_az_network

KINDS = {"Windows": "WINDOWS", "Lustre": "LUSTRE", "Filer": "ONTAP", "Shares": "OPENZFS"}


def file_systems(**properties: Any) -> Architecture:
    """One single-AZ file system of each kind, at the catalog's defaults unless `properties` say otherwise."""
    arch = two_az_network()
    for label, kind in KINDS.items():
        settings = {"file_system_type": kind, "multi_az": False, **properties.get(label, {})}
        arch.add_service(
            "fsx_file_system", "private-a", label=label, node_id=label.lower(), properties=settings
        )
    return arch


def _written(template: dict[str, Any]) -> dict[str, tuple[int, int | None]]:
    """Label -> (storage, throughput) as the template writes them."""
    found = {}
    for label in KINDS:
        props = template["Resources"][label]["Properties"]
        configuration = next((v for k, v in props.items() if k.endswith("Configuration")), {})
        found[label] = (props["StorageCapacity"], configuration.get("ThroughputCapacity"))
    return found


def test_the_catalog_defaults_are_raised_to_what_each_kind_takes_and_said_so() -> None:
    template = build_template(file_systems())
    assert _written(template) == {
        "Windows": (32, 32),
        "Lustre": (1200, None),
        "Filer": (1024, 128),
        "Shares": (64, 160),
    }
    assert [
        n for n in export_notes("cloudformation", file_systems()) if "(FSx)" in n and "written as" in n
    ] == [
        "written in place of the design's value: Filer (FSx): throughput_capacity_mbps 32 is written as 128: an FSx "
        "for NetApp ONTAP file system takes 128, 256, 512, 1024, 2048, 4096 MB/s: rounded up",
        "written in place of the design's value: Filer (FSx): storage_capacity_gb 32 is written as 1024: an FSx for "
        "NetApp ONTAP file system stores at least 1,024 GiB: rounded up",
        "written in place of the design's value: Lustre (FSx): storage_capacity_gb 32 is written as 1200: an FSx for "
        "Lustre file system stores at least 1,200 GiB: rounded up",
        "written in place of the design's value: Shares (FSx): throughput_capacity_mbps 32 is written as 160: an FSx "
        "for OpenZFS file system takes 160, 320, 640, 1280, 2560, 3840, 5120, 7680, 10240 MB/s: rounded up",
        "written in place of the design's value: Shares (FSx): storage_capacity_gb 32 is written as 64: an FSx for "
        "OpenZFS file system stores at least 64 GiB: rounded up",
    ]
    assert lint(json.dumps(template), "fsx_kinds.json") == []


def test_values_each_kind_takes_are_written_as_the_design_gives_them() -> None:
    design = file_systems(
        Windows={"storage_capacity_gb": 300, "throughput_capacity_mbps": 64},
        Lustre={"storage_capacity_gb": 4800},
        Filer={"storage_capacity_gb": 2048, "throughput_capacity_mbps": 512},
        Shares={"storage_capacity_gb": 500, "throughput_capacity_mbps": 640},
    )
    assert _written(build_template(design)) == {
        "Windows": (300, 64),
        "Lustre": (4800, None),
        "Filer": (2048, 512),
        "Shares": (500, 640),
    }
    assert not [n for n in export_notes("cloudformation", design) if "(FSx)" in n and "written as" in n]


def test_a_value_between_or_above_those_taken_becomes_the_next_or_the_largest() -> None:
    design = file_systems(
        Lustre={"storage_capacity_gb": 3000},
        Filer={"throughput_capacity_mbps": 300},
        Shares={"throughput_capacity_mbps": 20000},
    )
    written = _written(build_template(design))
    assert (written["Lustre"][0], written["Filer"][1], written["Shares"][1]) == (4800, 512, 10240)
    notes = [n for n in export_notes("cloudformation", design) if "written as" in n]
    assert any(n.endswith("10240 MB/s: the largest") for n in notes), notes
    assert any("stores 1,200 GiB or a multiple of 2,400 GiB: rounded up" in n for n in notes), notes


@pytest.mark.parametrize("fmt", ["cloudformation", "terraform"])
def test_the_import_reads_the_designs_values_back_while_the_template_holds_what_was_written(
    fmt: str, tmp_path: Path
) -> None:
    design = file_systems(Filer={"throughput_capacity_mbps": 300})
    if fmt == "terraform":
        export("terraform", design, tmp_path / "tf")
        back, _report = import_terraform(tmp_path / "tf")
    else:
        back, _report = imported(build_template(design), tmp_path)
    read = {
        node.label: (node.properties["storage_capacity_gb"], node.properties["throughput_capacity_mbps"])
        for node in back.services()
        if node.type == "fsx_file_system"
    }
    assert read == {"Windows": (32, 32), "Lustre": (32, 32), "Filer": (32, 300), "Shares": (32, 32)}
