"""The built wheel and sdist work once installed: `python -m build` (sdist, then the wheel from the
sdist), the wheel installed into a new virtual environment, and the installed commands run against the
data shipped inside the wheel — never against this source tree.

The new environment gets archbuilder only from the wheel (`pip install --no-deps --no-index`) and, beside
it, exactly the distributions a plain `pip install archbuilder` would bring: the closure of the wheel's
declared requirements with no extras, taken file by file (from each distribution's RECORD) out of this test
run's own environment into a folder of links that a `.pth` line puts on `sys.path`. So no network is needed,
and a runtime import of a test-only library (python-hcl2, jsonschema, ...) fails here as it would for a user.
The test checks that `archbuilder` is imported from the new environment, that no test tool can be imported
there, and that every subcommand runs on a bundled example.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import archbuilder

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = "three-tier-web"
# The shipped data, as the patterns in pyproject's package-data select it.
RESOURCE_SUFFIXES = {".yaml", ".json", ".svg", ".png", ".txt", ".html", ".css"}


@dataclass(frozen=True)
class InstalledWheel:
    wheel: Path
    sdist: Path
    venv: Path
    site_packages: Path
    workdir: Path  # an empty folder to run from, so the current directory never shadows the install

    def bin(self, name: str) -> Path:
        return self.venv / "bin" / name

    def run(self, *args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(a) for a in args],
            capture_output=True,
            text=True,
            cwd=self.workdir,
            env=env or _clean_env(),
            timeout=120,
            check=False,
        )


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"}}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _run_checked(args: list[str], cwd: Path) -> None:
    result = subprocess.run(args, capture_output=True, text=True, cwd=cwd, timeout=300, check=False)
    assert result.returncode == 0, f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> InstalledWheel:
    root = tmp_path_factory.mktemp("wheel")
    dist = root / "dist"
    # --no-isolation: build with the setuptools of this environment instead of downloading one.
    _run_checked([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(REPO)], root)
    wheels = sorted(dist.glob("*.whl"))
    sdists = sorted(dist.glob("*.tar.gz"))
    assert [w.name for w in wheels] == [f"archbuilder-{archbuilder.__version__}-py3-none-any.whl"]
    assert [s.name for s in sdists] == [f"archbuilder-{archbuilder.__version__}.tar.gz"]

    venv = root / "venv"
    _run_checked([sys.executable, "-m", "venv", "--without-pip", str(venv)], root)
    python = venv / "bin" / "python"
    _run_checked(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            str(wheels[0]),
        ],
        root,
    )
    site_packages = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    deps = root / "runtime-dependencies"
    _link_runtime_dependencies(deps)
    (site_packages / "zz_archbuilder_test_dependencies.pth").write_text(f"{deps}\n", encoding="utf-8")
    workdir = root / "work"
    workdir.mkdir()
    return InstalledWheel(wheels[0], sdists[0], venv, site_packages, workdir)


def runtime_closure() -> set[str]:
    """The distributions `pip install archbuilder` installs: its requirements with no extras, recursively
    (with the extras each requirement names), as found in this environment."""
    found: dict[str, frozenset[str]] = {}
    todo: list[tuple[str, frozenset[str]]] = [("archbuilder", frozenset())]
    while todo:
        name, extras = todo.pop()
        key = canonicalize_name(name)
        if key in found and extras <= found[key]:
            continue
        found[key] = found.get(key, frozenset()) | extras
        for line in distribution(name).requires or []:
            requirement = Requirement(line)
            markers = [{"extra": extra} for extra in sorted(extras or {""})]
            if requirement.marker is not None and not any(requirement.marker.evaluate(m) for m in markers):
                continue
            try:
                distribution(requirement.name)
            except PackageNotFoundError:
                pytest.fail(f"{requirement} (required by {name}) is not installed in the test environment")
            todo.append((requirement.name, frozenset(requirement.extras)))
    return set(found) - {"archbuilder"}


def _link_runtime_dependencies(folder: Path) -> None:
    """Link every file of the runtime closure into `folder`, laid out as in site-packages."""
    for name in sorted(runtime_closure()):
        dist = distribution(name)
        for file in dist.files or []:
            if file.parts[0] == "..":  # scripts and data outside site-packages
                continue
            link = folder / file
            source = Path(str(dist.locate_file(file)))
            if source.exists() and not link.exists():
                link.parent.mkdir(parents=True, exist_ok=True)
                link.symlink_to(source)


def _source_resources() -> set[str]:
    base = REPO / "resources"
    return {
        f"archbuilder/resources/{p.relative_to(base).as_posix()}"
        for p in base.rglob("*")
        if p.is_file() and p.suffix in RESOURCE_SUFFIXES
    }


def test_wheel_ships_every_resource_file_and_both_entry_points(installed: InstalledWheel) -> None:
    with zipfile.ZipFile(installed.wheel) as wheel:
        names = set(wheel.namelist())
        entry_points = wheel.read(
            f"archbuilder-{archbuilder.__version__}.dist-info/entry_points.txt"
        ).decode()
    shipped = {n for n in names if n.startswith("archbuilder/resources/") and not n.endswith(".py")}
    assert shipped == _source_resources()
    # The kinds of data the app cannot start without are really there (not just "whatever exists").
    assert "archbuilder/resources/catalog/compute.yaml" in shipped
    assert f"archbuilder/resources/examples/{EXAMPLE}.arch.json" in shipped
    assert "archbuilder/resources/schema/arch-document-v1.schema.json" in shipped
    assert "archbuilder/resources/pricing/aws-prices.yaml" in shipped
    assert "archbuilder/resources/pricing/usage-presets.yaml" in shipped
    assert "archbuilder/resources/__init__.py" in names
    assert not any(n.startswith(("tests/", "resources/", "packaging/")) for n in names)
    assert "[console_scripts]\narchbuilder = archbuilder.launcher:console_main\n" in entry_points
    assert "[gui_scripts]\narchbuilder-gui = archbuilder.launcher:gui_main\n" in entry_points


def test_sdist_contains_what_the_wheel_is_built_from(installed: InstalledWheel) -> None:
    import tarfile

    prefix = f"archbuilder-{archbuilder.__version__}/"
    with tarfile.open(installed.sdist) as sdist:
        names = {m.name.removeprefix(prefix) for m in sdist.getmembers() if m.isfile()}
    expected = {name.removeprefix("archbuilder/") for name in _source_resources()}
    assert expected <= names
    assert {"pyproject.toml", "setup.py", "README.md", "archbuilder/__init__.py"} <= names


def test_archbuilder_is_imported_from_the_new_environment(installed: InstalledWheel) -> None:
    probe = (
        "import archbuilder, archbuilder.resource_files as r\n"
        "print(archbuilder.__file__)\n"
        "print(r.catalog_dir())\n"
    )
    result = installed.run(installed.bin("python"), "-c", probe)
    assert result.returncode == 0, result.stderr
    module_file, catalog_dir = result.stdout.splitlines()
    assert module_file == str(installed.site_packages / "archbuilder" / "__init__.py")
    assert catalog_dir == str(installed.site_packages / "archbuilder" / "resources" / "catalog")


def test_every_declared_dependency_is_satisfied_in_the_new_environment(installed: InstalledWheel) -> None:
    probe = (
        "from importlib.metadata import distribution, version\n"
        "from packaging.requirements import Requirement\n"
        "for line in distribution('archbuilder').requires or []:\n"
        "    req = Requirement(line)\n"
        "    if req.marker is not None and not req.marker.evaluate({'extra': ''}):\n"
        "        continue\n"
        "    found = version(req.name)\n"
        "    print(req.name, found, found in req.specifier)\n"
    )
    result = installed.run(installed.bin("python"), "-c", probe)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert {line.split()[0].lower() for line in lines} == {
        "pyside6-essentials",
        "networkx",
        "pydantic",
        "diagrams",
        "graphviz",
        "pyyaml",
        "psygnal",
        "python-hcl2",
        "reportlab",
        "pillow",
        "python-pptx",
        "tree-sitter",
        "tree-sitter-hcl",
    }
    assert [line for line in lines if not line.endswith(" True")] == []


def test_installed_version_is_the_single_source_version(installed: InstalledWheel) -> None:
    expected = f"archbuilder {archbuilder.__version__}\n"
    for command in ("archbuilder", "archbuilder-gui"):
        result = installed.run(installed.bin(command), "--version")
        assert (result.returncode, result.stdout, result.stderr) == (0, expected, ""), command
    result = installed.run(
        installed.bin("python"), "-c", "from importlib.metadata import version; print(version('archbuilder'))"
    )
    assert result.stdout == f"{archbuilder.__version__}\n"


def _source_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "archbuilder.cli.main", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=_clean_env(),
        timeout=120,
        check=False,
    )


def test_installed_catalog_matches_the_source_catalog(installed: InstalledWheel) -> None:
    result = installed.run(installed.bin("archbuilder"), "catalog", "--format", "json")
    assert result.returncode == 0, result.stderr
    source = _source_cli("catalog", "--format", "json")
    assert source.returncode == 0, source.stderr
    assert json.loads(result.stdout) == json.loads(source.stdout)
    assert "ec2_instance" in result.stdout


def test_installed_show_and_new_read_the_example_shipped_in_the_wheel(installed: InstalledWheel) -> None:
    example = installed.site_packages / "archbuilder" / "resources" / "examples" / f"{EXAMPLE}.arch.json"
    result = installed.run(installed.bin("archbuilder"), "show", example)
    assert result.returncode == 0, result.stderr
    source = _source_cli("show", str(REPO / "resources" / "examples" / f"{EXAMPLE}.arch.json"))
    assert result.stdout == source.stdout

    out = installed.workdir / "shop.arch.json"
    result = installed.run(installed.bin("archbuilder"), "new", "Shop", "--from", EXAMPLE, "-o", out)
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["metadata"]["name"] == "Shop"


def test_installed_gui_renders_a_screenshot_offscreen(installed: InstalledWheel, qapp: object) -> None:
    if not (REPO / "archbuilder" / "ui" / "app.py").is_file():
        pytest.skip("the desktop app (archbuilder/ui/app.py) has not landed yet")
    from PySide6.QtGui import QImage

    example = installed.site_packages / "archbuilder" / "resources" / "examples" / f"{EXAMPLE}.arch.json"
    shot = installed.workdir / "window.png"
    result = installed.run(installed.bin("archbuilder-gui"), example, "--screenshot", shot)
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert not image.isNull()
    assert image.width() >= 640 and image.height() >= 400
    # A real window, not a blank surface: more than a handful of distinct colours.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20


def test_test_tools_are_not_importable_in_the_new_environment(installed: InstalledWheel) -> None:
    probe = (
        "import importlib.util\n"
        "for name in ('pytest', 'moto', 'cfnlint', 'jsonschema', 'hypothesis', 'boto3'):\n"
        "    print(name, importlib.util.find_spec(name) is not None)\n"
    )
    result = installed.run(installed.bin("python"), "-c", probe)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "pytest", "False", "moto", "False", "cfnlint", "False",
        "jsonschema", "False", "hypothesis", "False", "boto3", "False",
    ]  # fmt: skip


# Every subcommand, each with the arguments a user would give it: the installed wheel alone must run them.
def _subcommand_runs(example: Path, out: Path) -> list[tuple[str, list[str | Path], str]]:
    return [
        ("catalog", ["catalog", "--format", "json"], ""),
        ("rules", ["rules"], ""),
        ("new", ["new", "Shop", "--from", EXAMPLE, "-o", out / "shop.arch.json"], "wrote"),
        ("show", ["show", example], ""),
        ("validate", ["validate", example, "--format", "json"], ""),
        ("cost", ["cost", example, "--format", "json"], ""),
        ("export", ["export", example, "-f", "cloudformation", "-o", out / "cfn", "-q"], "wrote"),
        ("export", ["export", example, "-f", "cloudformation-json", "-o", out / "cfn", "-q"], "wrote"),
        ("export", ["export", example, "-f", "terraform", "-o", out / "tf", "-q"], "wrote"),
        ("export", ["export", example, "-f", "svg", "-o", out / "diagram", "-q"], "wrote"),
        ("export", ["export", example, "-f", "png", "-o", out / "diagram", "-q"], "wrote"),
        ("export", ["export", example, "-f", "drawio", "-o", out / "diagram", "-q"], "wrote"),
        ("report", ["report", example, "-o", out / "report", "--format", "html"], "wrote"),
        ("report", ["report", example, "-o", out / "report", "--format", "md"], "wrote"),
        ("report", ["report", example, "-o", out / "report", "--format", "pdf"], "wrote"),
        ("report", ["report", example, "-o", out / "report", "--format", "pptx"], "wrote"),
        ("report", ["report", example, "-o", out / "report", "--format", "wa-lens"], "wrote"),
        ("import", ["import", out / "cfn" / "template.yaml", "-o", out / "from-cfn.arch.json"], "wrote"),
        ("import", ["import", out / "cfn" / "template.json", "-o", out / "from-json.arch.json"], "wrote"),
        ("import", ["import", out / "tf", "-o", out / "from-tf.arch.json"], "wrote"),
        ("cost", ["cost", example], "/month"),
        ("compare", ["compare", example, example], "Lock-in: "),
        ("diff", ["diff", example, out / "cfn" / "template.yaml"], "no difference"),
        ("layout", ["layout", example, "-o", out / "arranged.arch.json"], "wrote"),
        ("gui", ["gui", example, "--screenshot", out / "window.png"], "wrote"),
    ]


def test_every_subcommand_runs_from_a_plain_install(installed: InstalledWheel) -> None:
    from archbuilder.launcher import build_parser

    example = installed.site_packages / "archbuilder" / "resources" / "examples" / f"{EXAMPLE}.arch.json"
    out = installed.workdir / "every-command"
    out.mkdir()
    runs = _subcommand_runs(example, out)
    subparsers = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert {command for command, _, _ in runs} == set(subparsers.choices)
    for command, args, says in runs:
        result = installed.run(installed.bin("archbuilder"), *args)
        # validate exits 1 when the example has errors; every other command succeeds.
        assert result.returncode in ((0, 1) if command == "validate" else (0,)), (args, result.stderr)
        assert "Traceback" not in result.stderr, (args, result.stderr)
        assert says in result.stdout, (args, result.stdout)
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == [
        "arranged.arch.json",
        "cfn/template.json",
        "cfn/template.yaml",
        "diagram/diagram.drawio",
        "diagram/diagram.png",
        "diagram/diagram.svg",
        "from-cfn.arch.json",
        "from-json.arch.json",
        "from-tf.arch.json",
        "report/diagram.png",
        "report/report.html",
        "report/report.md",
        "report/report.pdf",
        "report/report.pptx",
        "report/wa-answers.json",
        "report/wa-lens.json",
        "shop.arch.json",
        "tf/main.tf",
        "tf/outputs.tf",
        "tf/providers.tf",
        "tf/variables.tf",
        "tf/versions.tf",
        "window.png",
    ]
