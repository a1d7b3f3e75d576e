"""Smoke test of the frozen one-folder bundle built by PyInstaller from packaging/archbuilder.spec.

Opt-in because the build takes about a minute and 230 MB:

    ARCHBUILDER_TEST_BUNDLE=1 .venv/bin/python -m pytest -q -p no:cacheprovider tests/packaging/test_bundle.py

With ARCHBUILDER_BUNDLE_DIR=dist/archbuilder it tests an already built bundle instead of building one.
The bundle runs with an empty working directory and a clean environment, so it can only use what it
carries: our catalog and examples, the diagrams icons, Qt and its offscreen platform plugin.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import archbuilder

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "packaging" / "archbuilder.spec"
EXAMPLE = "three-tier-web"

pytestmark = pytest.mark.skipif(
    os.environ.get("ARCHBUILDER_TEST_BUNDLE") != "1",
    reason="bundle build takes about a minute: set ARCHBUILDER_TEST_BUNDLE=1 to run it",
)


def _env(path: str | None = None) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "DISPLAY", "WAYLAND_DISPLAY"}
    }
    env["QT_QPA_PLATFORM"] = "offscreen"
    if path is not None:
        env["PATH"] = path
    return env


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    prebuilt = os.environ.get("ARCHBUILDER_BUNDLE_DIR")
    if prebuilt:
        return Path(prebuilt).resolve()
    root = tmp_path_factory.mktemp("bundle")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(root / "dist"),
            "--workpath",
            str(root / "build"),
            str(SPEC),
        ],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return root / "dist" / "archbuilder"


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    return folder


def _run(
    bundle: Path, name: str, *args: str | Path, cwd: Path, path: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bundle / name), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=_env(path),
        timeout=180,
        check=False,
    )


def _bundled_example(bundle: Path) -> Path:
    return bundle / "_internal" / "archbuilder" / "resources" / "examples" / f"{EXAMPLE}.arch.json"


def test_bundle_layout(bundle: Path) -> None:
    assert (bundle / "archbuilder").is_file() and os.access(bundle / "archbuilder", os.X_OK)
    assert os.readlink(bundle / "archbuilder-gui") == "archbuilder"
    internal = bundle / "_internal"
    assert (internal / "archbuilder" / "resources" / "catalog" / "compute.yaml").is_file()
    assert _bundled_example(bundle).is_file()
    assert (internal / "archbuilder" / "resources" / "schema" / "arch-document-v1.schema.json").is_file()
    # diagrams looks for its icons in a `resources` folder beside its package.
    assert (internal / "resources" / "aws" / "compute" / "ec2.png").is_file()
    assert (internal / "PySide6" / "Qt" / "plugins" / "platforms" / "libqoffscreen.so").is_file()
    # Test tools from the build environment stay out.
    assert not (internal / "moto").exists() and not (internal / "cfnlint").exists()


@pytest.mark.parametrize("name", ["archbuilder", "archbuilder-gui"])
def test_bundle_reports_the_package_version(bundle: Path, workdir: Path, name: str) -> None:
    result = _run(bundle, name, "--version", cwd=workdir)
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        f"archbuilder {archbuilder.__version__}\n",
        "",
    )


def test_bundle_catalog_matches_the_source_catalog(bundle: Path, workdir: Path) -> None:
    result = _run(bundle, "archbuilder", "catalog", "--format", "json", cwd=workdir)
    assert result.returncode == 0, result.stderr
    source = subprocess.run(
        [sys.executable, "-m", "archbuilder.cli.main", "catalog", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    )
    assert json.loads(result.stdout) == json.loads(source.stdout)


def test_bundle_shows_and_validates_a_bundled_example(bundle: Path, workdir: Path) -> None:
    example = _bundled_example(bundle)
    source_example = REPO / "resources" / "examples" / f"{EXAMPLE}.arch.json"
    for command in (["show"], ["validate", "--format", "json"]):
        result = _run(bundle, "archbuilder", *command, example, cwd=workdir)
        source = subprocess.run(
            [sys.executable, "-m", "archbuilder.cli.main", *command, str(source_example)],
            capture_output=True,
            text=True,
            cwd=REPO,
            check=False,
        )
        assert result.returncode == source.returncode, result.stderr
        if command[0] == "show":
            assert result.stdout == source.stdout
        else:
            # Same findings; only the file path in the report differs.
            assert json.loads(result.stdout)["findings"] == json.loads(source.stdout)["findings"]


def test_bundle_gui_renders_a_screenshot_of_an_example_offscreen(
    bundle: Path, workdir: Path, qapp: object
) -> None:
    from PySide6.QtGui import QImage

    shot = workdir / "window.png"
    result = _run(bundle, "archbuilder-gui", _bundled_example(bundle), "--screenshot", shot, cwd=workdir)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote {shot}\n"
    image = QImage(str(shot))
    assert not image.isNull()
    assert image.width() >= 640 and image.height() >= 400
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20


def _diagram_exporter_landed() -> bool:
    return (REPO / "archbuilder" / "exporters" / "diagram_png.py").is_file()


def test_bundle_exports_a_png_diagram_with_the_system_dot(bundle: Path, workdir: Path) -> None:
    if not _diagram_exporter_landed():
        pytest.skip("the diagram exporter (archbuilder/exporters/diagram/png.py) has not landed yet")
    if shutil.which("dot") is None:
        pytest.fail("graphviz is not installed (scripts/install.sh installs it)")
    out = workdir / "out"
    result = _run(
        bundle,
        "archbuilder",
        "export",
        _bundled_example(bundle),
        "--format",
        "png",
        "-o",
        out,
        "-q",
        cwd=workdir,
    )
    assert result.returncode == 0, result.stderr
    png = out / "diagram.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # Graphviz warns on stderr when an icon file is missing; the bundled icons must all be found.
    assert "No such file" not in result.stderr and "Warning" not in result.stderr


def test_bundle_says_how_to_install_graphviz_when_dot_is_missing(bundle: Path, workdir: Path) -> None:
    if not _diagram_exporter_landed():
        pytest.skip("the diagram exporter (archbuilder/exporters/diagram/png.py) has not landed yet")
    empty_path = workdir / "bin"
    empty_path.mkdir()
    result = _run(
        bundle,
        "archbuilder",
        "export",
        _bundled_example(bundle),
        "--format",
        "png",
        "-o",
        workdir / "out",
        "-q",
        cwd=workdir,
        path=str(empty_path),
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "graphviz" in result.stderr.lower()
    assert "apt-get install graphviz" in result.stderr


def test_bundle_imports_terraform_it_exported(bundle: Path, workdir: Path) -> None:
    """python-hcl2 (and the lark grammar it reads at run time) travels in the bundle."""
    tf = workdir / "tf"
    exported = _run(
        bundle,
        "archbuilder",
        "export",
        _bundled_example(bundle),
        "-f",
        "terraform",
        "-o",
        tf,
        "-q",
        cwd=workdir,
    )
    assert exported.returncode == 0, exported.stderr
    result = _run(bundle, "archbuilder", "import", tf, "-o", workdir / "back.arch.json", cwd=workdir)
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(f"wrote {workdir / 'back.arch.json'}\n")
