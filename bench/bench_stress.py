"""Stress: open, validate and export a design of 3,000 subnets and one of 20,000 services, and import a 5 MB
CloudFormation template, the Terraform of 3,000 subnets and the 5 MB of Terraform of 2,500 services; prints a table
of time and peak memory.

Run: .venv/bin/python bench/bench_stress.py

Each operation runs in a fresh process (so one's memory does not hide another's): the time is the operation's
own (wall and CPU, after the interpreter and the catalog have loaded), the memory the process's peak resident
size. The bound for each is 3 s on the 2-core development machine.

The project's modules are compiled to bytecode first, as `pip install` does: a shell with
PYTHONDONTWRITEBYTECODE set (as some containers have) would otherwise compile every module an operation loads
within its time, each run again.
"""

from __future__ import annotations

import compileall
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_validation import generate  # noqa: E402

from archbuilder.model import Architecture, AvailabilityZoneNode, RegionNode, SubnetNode, VpcNode, save  # noqa: E402

BOUND_S = 3.0
TEMPLATE_BYTES = 5 * 1024 * 1024
# The services whose Terraform export is about as large as the template above and within the 5 MB an import reads
# (5.1 MB of .tf files; at 2,500 services, with their HTTPS listeners asking for certificates, it grew past it).
TERRAFORM_SERVICES = 2400

# Run in the child: load the catalog first, then time one operation.
_CHILD = """
import json, sys, time
from pathlib import Path
from archbuilder.catalog import default_catalog
default_catalog()
operation, source, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
from archbuilder.model import load
design = load(source) if operation in ("validate", "cloudformation", "terraform") else None
wall, cpu = time.perf_counter(), time.process_time()
if operation == "open":
    load(source)
elif operation == "validate":
    from archbuilder.validation import validate
    validate(design)
elif operation in ("cloudformation", "terraform"):
    from archbuilder.exporters.registry import export
    export(operation, design, out)
elif operation == "import-cfn":
    from archbuilder.importers.cloudformation import import_template
    import_template(source)
elif operation == "import-tf":
    from archbuilder.importers.terraform import import_terraform
    import_terraform(source)
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
# VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so a child would report its parent's peak.
status = Path("/proc/self/status").read_text()
peak = int(next(l.split()[1] for l in status.splitlines() if l.startswith("VmHWM:"))) / 1024
print(json.dumps({"wall": wall, "cpu": cpu, "peak_mb": peak}))
"""


def subnets_design(count: int = 3000) -> Architecture:
    """One VPC, three AZs, `count` /28 subnets (alternately public and private) and no services."""
    arch = Architecture()
    arch.set_metadata("name", f"{count} subnets")
    arch.add_node(RegionNode(id="region", label="US East", region="us-east-1", width=4000, height=4000))
    arch.add_node(
        VpcNode(id="vpc", label="Main", parent_id="region", cidr="10.0.0.0/16", width=3900, height=3900)
    )
    per_zone = -(-count // 3)
    for letter in "abc":
        zone = AvailabilityZoneNode(
            id=f"az-{letter}", label=f"AZ {letter}", parent_id="vpc", zone=f"us-east-1{letter}"
        )
        arch.add_node(zone)
    for k in range(count):
        block = k * 16
        arch.add_node(
            SubnetNode(
                id=f"subnet-{k}",
                label=f"Subnet {k}",
                parent_id=f"az-{'abc'[k // per_zone]}",
                cidr=f"10.0.{block // 256}.{block % 256}/28",
                tier="public" if k % 2 else "private",
            )
        )
    return arch


def five_megabyte_template(folder: Path, services: Path) -> Path:
    """The CloudFormation export of the 20,000-service design, cut to the first resources that fit in 5 MB."""
    subprocess.run(
        [sys.executable, "-m", "archbuilder", "export", str(services), "-f", "cloudformation-json", "-o", str(folder / "full"), "-q"],
        check=True, capture_output=True,
    )  # fmt: skip
    template = json.loads((folder / "full" / "template.json").read_text(encoding="utf-8"))
    resources = list(template["Resources"].items())
    low, high = 1, len(resources)
    while low < high:  # the most resources whose template stays under the limit
        middle = (low + high + 1) // 2
        size = len(json.dumps({**template, "Resources": dict(resources[:middle]), "Outputs": {}}, indent=1))
        low, high = (middle, high) if size <= TEMPLATE_BYTES else (low, middle - 1)
    cut = {**template, "Resources": dict(resources[:low]), "Outputs": {}}
    path = folder / "five-mb.json"
    path.write_text(json.dumps(cut, indent=1), encoding="utf-8")
    return path


def services_terraform(folder: Path) -> Path:
    """The Terraform export of TERRAFORM_SERVICES services (its IAM and bucket policies written with jsonencode)."""
    design = folder / "tf-services.arch.json"
    save(generate(TERRAFORM_SERVICES), design)
    subprocess.run(
        [sys.executable, "-m", "archbuilder", "export", str(design), "-f", "terraform", "-o", str(folder / "tf-services"), "-q"],
        check=True, capture_output=True,
    )  # fmt: skip
    return folder / "tf-services"


def _tf_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.glob("*.tf"))


def measure(operation: str, source: Path, out: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, operation, str(source), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        return {"wall": float("nan"), "cpu": float("nan"), "peak_mb": float("nan"), "error": 1.0}
    measured: dict[str, float] = json.loads(result.stdout.splitlines()[-1])
    return measured


def main() -> None:
    compileall.compile_dir(ROOT / "archbuilder", quiet=1)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        subnets, services = folder / "subnets.arch.json", folder / "services.arch.json"
        save(subnets_design(), subnets)
        save(generate(20_000), services)
        subprocess.run(
            [sys.executable, "-m", "archbuilder", "export", str(subnets), "-f", "terraform", "-o", str(folder / "tf"), "-q"],
            check=True, capture_output=True,
        )  # fmt: skip
        template = five_megabyte_template(folder, services)
        terraform = services_terraform(folder)
        terraform_label = f"{TERRAFORM_SERVICES:,} services .tf ({_tf_bytes(terraform) / 1e6:.1f} MB)"
        cases = [
            ("open", "3,000 subnets", subnets),
            ("validate", "3,000 subnets", subnets),
            ("cloudformation", "3,000 subnets", subnets),
            ("terraform", "3,000 subnets", subnets),
            ("open", "20,000 services", services),
            ("validate", "20,000 services", services),
            ("cloudformation", "20,000 services", services),
            ("terraform", "20,000 services", services),
            ("import-cfn", "5 MB template", template),
            ("import-tf", "3,000 subnets .tf", folder / "tf"),
            ("import-tf", terraform_label, terraform),
        ]
        print(
            f"{'operation':<16} {'input':<28} {'size MB':>8} {'wall s':>8} {'CPU s':>8} {'peak MB':>8}  within {BOUND_S:g} s"
        )
        for operation, label, source in cases:
            size = (
                sum(p.stat().st_size for p in source.rglob("*")) if source.is_dir() else source.stat().st_size
            )
            m = measure(operation, source, folder / f"out-{operation}")
            within = "yes" if m["cpu"] < BOUND_S else "NO"
            print(
                f"{operation:<16} {label:<28} {size / 1e6:>8.1f} {m['wall']:>8.2f} {m['cpu']:>8.2f} "
                f"{m['peak_mb']:>8.0f}  {within}"
            )


if __name__ == "__main__":
    main()
