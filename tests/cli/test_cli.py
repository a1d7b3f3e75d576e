"""The headless CLI: new, show, catalog, exit codes and error messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from archbuilder.cli.main import main
from archbuilder.model import dumps, load
from archbuilder.resource_files import example_names, example_path

EXAMPLES = [
    "ecs-fargate",
    "reference-data-lake",
    "reference-serverless-api",
    "reference-web-app",
    "serverless-api",
    "startup-mvp",
    "static-site",
    "streaming-pipeline",
    "three-tier-web",
]


def test_bundled_examples_are_listed() -> None:
    assert example_names() == EXAMPLES


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_example_loads_and_round_trips_byte_identically(name: str) -> None:
    path = Path(str(example_path(name)))
    arch = load(path)
    assert dumps(arch) == path.read_text(encoding="utf-8")
    assert arch.services(), name


def test_show_prints_the_containment_tree(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(example_path("startup-mvp"))]) == 0
    assert capsys.readouterr().out == (
        "Startup MVP (flawed on purpose)\n"
        "  A first version built in a hurry, kept as a teaching example: one availability zone, the database in a "
        "public subnet, SSH open to the whole internet, no database backups, no Multi-AZ.\n"
        "└── Region US East (N. Virginia) (us-east-1)\n"
        "    ├── VPC Production VPC (10.0.0.0/16)\n"
        "    │   ├── AZ AZ a (us-east-1a)\n"
        "    │   │   └── Public subnet Public subnet a (10.0.0.0/24)\n"
        "    │   │       ├── App database [RDS]\n"
        "    │   │       └── Web server [EC2]\n"
        "    │   └── Internet gateway [IGW]\n"
        "    └── Uploads [S3]\n"
        "\n"
        "Connections (2)\n"
        "  Web server → App database  (traffic tcp/3306)\n"
        "  Web server → Uploads  (read_write)\n"
    )


def test_new_from_example_writes_a_renamed_copy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "shop.arch.json"
    assert main(["new", "Shop", "--from", "three-tier-web", "-o", str(out)]) == 0
    arch = load(out)
    original = load(Path(str(example_path("three-tier-web"))))
    assert arch.metadata.name == "Shop"
    assert sorted(arch.nodes) == sorted(original.nodes)
    assert main(["new", "Shop", "-o", str(out)]) == 2
    assert "already exists; pass --force" in capsys.readouterr().err
    assert main(["new", "Blank", "-o", str(out), "--force"]) == 0
    assert load(out).nodes == {}


def test_unknown_example_and_bad_files_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "X", "--from", "nope", "-o", str(tmp_path / "x.arch.json")]) == 2
    assert "unknown example 'nope'; choose one of: ecs-fargate" in capsys.readouterr().err
    bad = tmp_path / "bad.arch.json"
    bad.write_text('{"schema_version": 1, "metadata": {"name": NaN}}', encoding="utf-8")
    assert main(["show", str(bad)]) == 2
    assert (
        capsys.readouterr().err
        == f"archbuilder: error: {bad}: NaN is not allowed in a document (only finite numbers)\n"
    )


def test_catalog_json_has_the_documented_fields(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "--format", "json"]) == 0
    services = {s["id"]: s for s in json.loads(capsys.readouterr().out)}
    rds = services["rds_instance"]
    assert {"id", "name", "category", "placement", "cfn_types", "terraform_types", "lockin", "tips"} <= set(
        rds
    )
    assert rds["cfn_types"][0] == "AWS::RDS::DBInstance"
    assert set(rds["lockin"]) >= {"rating", "alternatives", "source"}
    assert all(set(tip) == {"text", "source"} for tip in rds["tips"])


def test_usage_errors_exit_2_and_version_is_printed() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "archbuilder.cli.main", "frobnicate"], capture_output=True, text=True
    )
    assert run.returncode == 2 and "invalid choice: 'frobnicate'" in run.stderr
    run = subprocess.run(
        [sys.executable, "-m", "archbuilder.cli.main", "--version"], capture_output=True, text=True
    )
    assert (run.returncode, run.stdout) == (0, "archbuilder 0.1.0\n")


def test_headless_commands_never_import_qt() -> None:
    code = (
        "import sys; from archbuilder.cli.main import main; "
        "main(['show', sys.argv[1]]); main(['catalog']); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(example_path("three-tier-web"))], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr


def test_show_names_the_other_subnets_of_a_spanning_service_with_their_cidr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["show", str(example_path("three-tier-web"))]) == 0
    lines = capsys.readouterr().out.splitlines()
    [alb] = [line for line in lines if "[ALB]" in line]
    assert alb.endswith("Web load balancer [ALB] also in Public subnet b (10.0.10.0/24)")


def _modules_after(*argv: str) -> set[str]:
    """The modules a fresh interpreter has loaded after running `archbuilder ARGV`."""
    code = (
        "import sys, io, contextlib; from archbuilder.launcher import main\n"
        "with contextlib.redirect_stdout(io.StringIO()): main(sys.argv[1:])\n"
        "print('\\n'.join(sorted(sys.modules)))"
    )
    run = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, check=True)
    return set(run.stdout.split())


def test_a_command_loads_only_what_it_needs() -> None:
    version = _modules_after("--version")
    assert not {m for m in version if m.startswith(("archbuilder.model", "pydantic", "yaml", "PySide6"))}
    validate = _modules_after("validate", str(example_path("three-tier-web")), "--fail-on", "never")
    assert "archbuilder.validation.engine" in validate and "archbuilder.cli.cmd_validate" in validate
    heavy = (
        "PySide6",
        "hcl2",
        "graphviz",
        "diagrams",
        "archbuilder.exporters",
        "archbuilder.importers",
        "archbuilder.ui",
    )
    assert sorted(m for m in validate if m.startswith(heavy)) == []
    assert sorted(m for m in validate if m.startswith("archbuilder.cli.cmd_")) == [
        "archbuilder.cli.cmd_validate"
    ]


def test_python_m_archbuilder_is_the_command_with_gui() -> None:
    run = subprocess.run([sys.executable, "-m", "archbuilder", "--help"], capture_output=True, text=True)
    assert run.returncode == 0
    listed = [line.split()[0] for line in run.stdout.splitlines() if line.startswith("    ") and line.split()]
    assert listed[:5] == ["new", "show", "catalog", "gui", "export"]


def test_the_installed_command_exits_at_once_with_its_output_and_exit_code(tmp_path: Path) -> None:
    """`archbuilder` skips the interpreter's teardown: output, files and the exit code must all be there."""
    example = str(example_path("three-tier-web"))
    run = subprocess.run(
        [sys.executable, "-m", "archbuilder", "validate", example, "--format", "json"],
        capture_output=True,
        text=True,
    )
    assert (run.returncode, run.stderr) == (0, "")
    assert json.loads(run.stdout)["lockin"]["score"] == 40
    run = subprocess.run(
        [sys.executable, "-m", "archbuilder", "show", str(tmp_path / "missing.arch.json")],
        capture_output=True,
        text=True,
    )
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == f"archbuilder: error: {tmp_path / 'missing.arch.json'}: no such file\n"
    out = tmp_path / "shop.arch.json"
    run = subprocess.run(
        [sys.executable, "-m", "archbuilder", "new", "Shop", "-o", str(out)], capture_output=True, text=True
    )
    assert run.returncode == 0 and json.loads(out.read_text(encoding="utf-8"))["metadata"]["name"] == "Shop"
    head = subprocess.run(
        f"{sys.executable} -m archbuilder rules | head -1", shell=True, capture_output=True, text=True
    )
    assert head.stderr == "" and head.stdout.count("\n") == 1  # a reader that stops early: no traceback
