"""The built wheel and sdist work once installed: `python -m build` (sdist, then the wheel from the
sdist), the wheel installed into a new virtual environment, and the installed commands run against the
data shipped inside the wheel — never against this source tree.

The new environment gets archbuilder only from the wheel (`pip install --no-deps --no-index`). Its
dependencies come from this test run's own environment through a `.pth` line written *after* the
install, so no network is needed and the test stays fast. That line adds the dependencies' folder to
`sys.path` without running its `.pth` files, so the editable install of this checkout stays inactive;
the test checks that `archbuilder` is imported from the new environment, and that every requirement
the wheel declares is satisfied there.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

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
    deps = Path(sysconfig.get_paths()["purelib"])
    (site_packages / "zz_archbuilder_test_dependencies.pth").write_text(f"{deps}\n", encoding="utf-8")
    workdir = root / "work"
    workdir.mkdir()
    return InstalledWheel(wheels[0], sdists[0], venv, site_packages, workdir)


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
    assert "archbuilder/resources/__init__.py" in names
    assert not any(n.startswith(("tests/", "resources/", "packaging/")) for n in names)
    assert "[console_scripts]\narchbuilder = archbuilder.cli.main:main\n" in entry_points
    assert "[gui_scripts]\narchbuilder-gui = archbuilder.cli.main:gui_main\n" in entry_points


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
