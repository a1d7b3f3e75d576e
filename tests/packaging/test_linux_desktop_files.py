"""Linux desktop integration: the freedesktop validators accept our files, icons match the SVG, and the
install script puts everything where desktops look, so a *.arch.json file resolves to our MIME type."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import archbuilder

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

REPO = Path(__file__).resolve().parents[2]
LINUX = REPO / "packaging" / "linux"
APP_ID = "io.github.archbuilder.archbuilder"
MIME_TYPE = "application/x-archbuilder"
SIZES = (16, 32, 48, 64, 128, 256)
DESKTOP_FILE = LINUX / f"{APP_ID}.desktop"
METAINFO_FILE = LINUX / f"{APP_ID}.metainfo.xml"
MIME_FILE = LINUX / f"{APP_ID}.xml"
SVG_ICON = LINUX / "icons" / f"{APP_ID}.svg"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed (scripts/install.sh installs it)")
    return path


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_passes_desktop_file_validate() -> None:
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP_FILE)], capture_output=True, text=True, check=False
    )
    # The validator prints errors, warnings and hints; we want none of them.
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_desktop_file_launches_the_gui_with_the_document_and_declares_the_mime_type() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "archbuilder-gui %f"
    assert entry["TryExec"] == "archbuilder-gui"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert entry["MimeType"] == f"{MIME_TYPE};"


def test_metainfo_passes_appstreamcli_validate_pedantic() -> None:
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", "--pedantic", str(METAINFO_FILE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Validation was successful" in result.stdout
    assert "W:" not in result.stdout and "I:" not in result.stdout and "P:" not in result.stdout


def test_metainfo_names_the_desktop_file_binaries_mime_type_and_current_version() -> None:
    root = ET.parse(METAINFO_FILE).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP_FILE.name
    assert [b.text for b in root.iterfind("provides/binary")] == ["archbuilder", "archbuilder-gui"]
    assert [m.text for m in root.iterfind("provides/mediatype")] == [MIME_TYPE]
    # The newest release listed is the version the package reports (one source of truth).
    assert root.find("releases/release").get("version") == archbuilder.__version__  # type: ignore[union-attr]


def test_mime_package_maps_arch_json_to_our_type_above_plain_json() -> None:
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime_type = ET.parse(MIME_FILE).getroot().find("m:mime-type", ns)
    assert mime_type is not None and mime_type.get("type") == MIME_TYPE
    globs = [(g.get("pattern"), g.get("weight")) for g in mime_type.iterfind("m:glob", ns)]
    assert globs == [("*.arch.json", "60")]
    assert [s.get("type") for s in mime_type.iterfind("m:sub-class-of", ns)] == ["application/json"]


def _qt_image(path: Path) -> QImage:
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull(), f"{path} is not a readable image"
    return image.convertToFormat(QImage.Format.Format_ARGB32)


@pytest.mark.parametrize("size", SIZES)
def test_png_icon_has_its_size_and_matches_the_svg_rendering(size: int, qapp: object) -> None:
    sys.path.insert(0, str(LINUX))
    try:
        import render_icons
    finally:
        sys.path.remove(str(LINUX))
    png = LINUX / "icons" / f"{size}x{size}" / f"{APP_ID}.png"
    image = _qt_image(png)
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    # Corners are transparent (rounded tile), the centre is opaque: the icon is not blank or square.
    assert image.pixelColor(0, 0).alpha() == 0
    assert image.pixelColor(size // 2, size // 2).alpha() == 255
    # Stale PNGs after an SVG edit are caught: they must equal a fresh rendering pixel for pixel.
    rendered = render_icons.render(SVG_ICON, size).convertToFormat(image.format())
    assert rendered == image, f"{png} is out of date: run packaging/linux/render_icons.py"


def _install(prefix: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(prefix.parent)}
    env.pop("DESTDIR", None)
    return subprocess.run(
        ["bash", str(LINUX / "install.sh"), "--prefix", str(prefix), *extra],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def _expected_files(prefix: Path) -> set[Path]:
    share = prefix / "share"
    icons = share / "icons" / "hicolor"
    files = {
        share / "applications" / f"{APP_ID}.desktop",
        share / "metainfo" / f"{APP_ID}.metainfo.xml",
        share / "mime" / "packages" / f"{APP_ID}.xml",
        icons / "scalable" / "apps" / f"{APP_ID}.svg",
        icons / "scalable" / "mimetypes" / "application-x-archbuilder.svg",
    }
    for size in SIZES:
        files.add(icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png")
        files.add(icons / f"{size}x{size}" / "mimetypes" / "application-x-archbuilder.png")
    return files


def test_install_script_installs_into_prefix_and_uninstall_removes_it(tmp_path: Path) -> None:
    prefix = tmp_path / "prefix"
    result = _install(prefix)
    assert result.returncode == 0, result.stderr
    for path in _expected_files(prefix):
        assert path.is_file(), f"not installed: {path.relative_to(prefix)}"
    assert (prefix / "share" / "applications" / f"{APP_ID}.desktop").read_bytes() == DESKTOP_FILE.read_bytes()
    assert (prefix / "share" / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").read_bytes() == (
        LINUX / "icons" / "48x48" / f"{APP_ID}.png"
    ).read_bytes()
    # update-mime-database compiled our glob into the prefix's database.
    globs2 = (prefix / "share" / "mime" / "globs2").read_text(encoding="utf-8").splitlines()
    assert f"60:{MIME_TYPE}:*.arch.json" in globs2
    # update-desktop-database registered the app as a handler of the type.
    mimeinfo = (prefix / "share" / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
    assert f"{MIME_TYPE}={APP_ID}.desktop;" in mimeinfo.splitlines()

    result = _install(prefix, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert [p for p in _expected_files(prefix) if p.exists()] == []
    globs_after = (prefix / "share" / "mime" / "globs2").read_text(encoding="utf-8")
    assert MIME_TYPE not in globs_after


def test_qt_resolves_an_arch_json_file_to_our_type_after_install(tmp_path: Path) -> None:
    prefix = tmp_path / "prefix"
    assert _install(prefix).returncode == 0
    document = tmp_path / "shop.arch.json"
    shutil.copy(REPO / "resources" / "examples" / "static-site.arch.json", document)
    plain = tmp_path / "data.json"
    plain.write_text("{}\n", encoding="utf-8")
    # A fresh process, because Qt reads the MIME database once, from XDG_DATA_HOME and XDG_DATA_DIRS.
    probe = (
        "import sys\n"
        "from PySide6.QtCore import QMimeDatabase\n"
        "db = QMimeDatabase()\n"
        "print(db.mimeTypeForFile(sys.argv[1]).name())\n"
        "print(db.mimeTypeForFile(sys.argv[2]).name())\n"
        f"print(db.mimeTypeForName('{MIME_TYPE}').inherits('application/json'))\n"
    )
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(prefix / "share"),
        "XDG_DATA_DIRS": "/usr/local/share:/usr/share",
    }
    result = subprocess.run(
        [sys.executable, "-c", probe, str(document), str(plain)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [MIME_TYPE, "application/json", "True"]


def test_install_script_links_a_bundle_and_uninstall_removes_only_those_links(tmp_path: Path) -> None:
    bundle = tmp_path / "dist" / "archbuilder"
    (bundle / "_internal").mkdir(parents=True)
    for name in ("archbuilder", "archbuilder-gui"):
        (bundle / name).write_text("#!/bin/sh\necho bundle\n", encoding="utf-8")
        (bundle / name).chmod(0o755)
    prefix = tmp_path / "prefix"
    # A pip/pipx-style command of the same name elsewhere must survive uninstall.
    pipx_target = tmp_path / "pipx-venv" / "bin" / "archbuilder"
    pipx_target.parent.mkdir(parents=True)
    pipx_target.write_text("#!/bin/sh\n", encoding="utf-8")

    assert _install(prefix, "--bundle", str(bundle)).returncode == 0
    assert (prefix / "bin" / "archbuilder").resolve() == (bundle / "archbuilder").resolve()
    assert (prefix / "bin" / "archbuilder-gui").resolve() == (bundle / "archbuilder-gui").resolve()

    (prefix / "bin" / "archbuilder").unlink()
    (prefix / "bin" / "archbuilder").symlink_to(pipx_target)
    assert _install(prefix, "--uninstall").returncode == 0
    assert not (prefix / "bin" / "archbuilder-gui").exists()
    assert (prefix / "bin" / "archbuilder").resolve() == pipx_target.resolve()


def test_install_script_refuses_a_folder_that_is_not_a_bundle(tmp_path: Path) -> None:
    result = _install(tmp_path / "prefix", "--bundle", str(tmp_path))
    assert result.returncode == 2
    assert f"{tmp_path}/archbuilder is not an executable bundle" in result.stderr
