"""The storage and throughput an FSx file system is written with: the design's where AWS takes it for the file
system's kind and the deployment type the export writes, else the nearest value it takes above the design's (the
largest, above them all), recorded as written in place of the design's (kit.written_instead). The catalog's
defaults (32 GiB, 32 MB/s) are a Windows file system's smallest; a Lustre, ONTAP or OpenZFS file system left at them
would be refused by the deploy and by `terraform validate`.

Accepted values: the FSx API reference (CreateFileSystem, StorageCapacity; CreateFileSystemOntapConfiguration and
CreateFileSystemOpenZFSConfiguration, ThroughputCapacity), read 2026-12-06, for the deployment types
file_storage.py writes (ONTAP SINGLE_AZ_1 or MULTI_AZ_1; OpenZFS SINGLE_AZ_2 or MULTI_AZ_1; Lustre PERSISTENT_2 at
125 MB/s per TiB, whose storage is 1,200 GiB, 2,400 GiB or a multiple of 2,400 GiB)."""

from __future__ import annotations

import math

from archbuilder.exporters.cloudformation.context import CfnContext
from archbuilder.exporters.cloudformation.kit import prop, written_instead
from archbuilder.model import ServiceNode

THROUGHPUTS_MBPS = {
    "ONTAP": (128, 256, 512, 1024, 2048, 4096),
    "OPENZFS": (160, 320, 640, 1280, 2560, 3840, 5120, 7680, 10240),
}
SMALLEST_STORAGE_GIB = {"LUSTRE": 1200, "ONTAP": 1024, "OPENZFS": 64, "WINDOWS": 32}
LUSTRE_STEP_GIB = 2400
THROUGHPUT, STORAGE = "throughput_capacity_mbps", "storage_capacity_gb"


def storage_capacity(ctx: CfnContext, node: ServiceNode, kind: str) -> int:
    design = int(prop(node, STORAGE, 32))
    smallest = SMALLEST_STORAGE_GIB.get(kind, design)
    written = max(design, smallest)
    if kind == "LUSTRE" and written > smallest:
        written = math.ceil(written / LUSTRE_STEP_GIB) * LUSTRE_STEP_GIB
    if written == design:
        return design
    why = (
        f"an FSx for {_KIND_NAMES[kind]} file system stores at least {smallest:,} GiB"
        if design < smallest
        else f"an FSx for Lustre file system stores 1,200 GiB or a multiple of {LUSTRE_STEP_GIB:,} GiB"
    )
    return int(written_instead(ctx, node, STORAGE, written, f"{why}: rounded up"))


def throughput_capacity(ctx: CfnContext, node: ServiceNode, kind: str) -> int:
    design = int(prop(node, THROUGHPUT, 32))
    accepted = THROUGHPUTS_MBPS.get(kind)
    if accepted is None or design in accepted:
        return design
    written = next((value for value in accepted if value >= design), accepted[-1])
    listed = ", ".join(map(str, accepted))
    way = "rounded up" if written > design else "the largest"
    why = f"an FSx for {_KIND_NAMES[kind]} file system takes {listed} MB/s: {way}"
    return int(written_instead(ctx, node, THROUGHPUT, written, why))


_KIND_NAMES = {
    "LUSTRE": "Lustre",
    "ONTAP": "NetApp ONTAP",
    "OPENZFS": "OpenZFS",
    "WINDOWS": "Windows File Server",
}
