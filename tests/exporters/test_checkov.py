"""checkov over the CloudFormation and Terraform exports of every example.

checkov pins old networkx and boto3, so it lives in its own virtual environment (`.venv-checkov`, created by
scripts/install-checkov.sh; or name the binary in ARCHBUILDER_CHECKOV). The failed checks of each example and format must be
exactly those in checkov_expected.json, so a new failure or a fixed one fails the test; every failed check is
explained in docs/checkov.md. The run writes a report of the failed checks to build/checkov-report.md.

After a deliberate change, rewrite the expectation with:
ARCHBUILDER_UPDATE_CHECKOV=1 .venv/bin/python -m pytest tests/exporters/test_checkov.py
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from archbuilder.exporters.registry import export
from archbuilder.model import load
from archbuilder.resource_files import example_names, example_path

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = Path(__file__).resolve().parent / "checkov_expected.json"
REPORT = ROOT / "build" / "checkov-report.md"
EXPLANATIONS = ROOT / "docs" / "checkov.md"
# Our export format -> the checkov framework that reads it.
FRAMEWORKS = {"cloudformation": "cloudformation", "terraform": "terraform"}


@dataclass(frozen=True)
class FailedCheck:
    check_id: str
    title: str
    resource: str


Failures = dict[str, dict[str, list[FailedCheck]]]  # example -> format -> failed checks


@dataclass(frozen=True)
class Scan:
    version: str
    failures: Failures


def check_order(check_id: str) -> tuple[str, int]:
    """CKV_AWS_18 before CKV_AWS_103."""
    prefix, _, number = check_id.rpartition("_")
    return prefix, int(number) if number.isdigit() else 0


def checkov_binary() -> Path | None:
    configured = os.environ.get("ARCHBUILDER_CHECKOV")
    path = Path(configured) if configured else ROOT / ".venv-checkov" / "bin" / "checkov"
    return path if path.is_file() else None


def _folder_format(file_path: str) -> tuple[str, str]:
    """checkov reports files relative to the scanned folder: /<example>/<format>/<file>."""
    example, fmt = file_path.strip("/").split("/")[:2]
    return example, fmt


def parse_report(output: str) -> Failures:
    """The failed checks of checkov's JSON output (one report, or a list of one per framework)."""
    reports: Any = json.loads(output)
    if isinstance(reports, dict):
        reports = [reports]
    failures: Failures = {}
    for report in reports:
        if report.get("summary", {}).get("parsing_errors"):
            raise AssertionError(f"checkov could not parse: {report['results'].get('parsing_errors')}")
        for check in report["results"]["failed_checks"]:
            example, fmt = _folder_format(check["file_path"])
            found = FailedCheck(check["check_id"], check["check_name"], check["resource"])
            failures.setdefault(example, {}).setdefault(fmt, []).append(found)
    return failures


def write_report(failures: Failures, version: str, path: Path) -> None:
    lines = [
        "# checkov failed checks",
        "",
        f"checkov {version} over every example's export; why each check fails: docs/checkov.md.",
        "",
    ]
    for example in sorted(failures):
        for fmt in sorted(failures[example]):
            checks = sorted(failures[example][fmt], key=lambda c: (check_order(c.check_id), c.resource))
            lines += [f"## {example} ({fmt}): {len(checks)} failed", ""]
            lines += [f"- {c.check_id} {c.title}: `{c.resource}`" for c in checks]
            lines.append("")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")


def failed_ids(failures: Failures) -> dict[str, dict[str, list[str]]]:
    return {
        example: {
            fmt: sorted({c.check_id for c in failures.get(example, {}).get(fmt, [])}, key=check_order)
            for fmt in FRAMEWORKS
        }
        for example in sorted(example_names())
    }


@pytest.fixture(scope="module")
def checkov_scan(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scan]:
    binary = checkov_binary()
    if binary is None:
        reason = "checkov is not in .venv-checkov (run scripts/install-checkov.sh) nor named in ARCHBUILDER_CHECKOV"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    exports = tmp_path_factory.mktemp("checkov")
    for example in example_names():
        architecture = load(Path(str(example_path(example))))
        for fmt in FRAMEWORKS:
            export(fmt, architecture, exports / example / fmt)
    # One run over every folder: checkov's start-up costs more than the scan. No network: no platform
    # download (--skip-download) and no version check against PyPI.
    env = {**os.environ, "CKV_SKIP_PACKAGE_UPDATE_CHECK": "true", "LOG_LEVEL": "ERROR"}
    command = [str(binary), "-d", str(exports), "--framework", *FRAMEWORKS.values()]
    command += ["-o", "json", "--quiet", "--skip-download", "--skip-results-upload"]
    run = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600, check=False)
    # Exit code 1 means "some check failed"; anything else is checkov itself failing.
    assert run.returncode in (0, 1), f"checkov exited {run.returncode}: {run.stderr[-2000:]}"
    failures = parse_report(run.stdout)
    version = subprocess.run([str(binary), "--version"], capture_output=True, text=True, env=env, check=True)
    write_report(failures, version.stdout.strip(), REPORT)
    print(f"checkov report: {REPORT}")
    yield Scan(version.stdout.strip(), failures)


def test_failed_checks_are_exactly_the_expected_ones(checkov_scan: Scan) -> None:
    found = failed_ids(checkov_scan.failures)
    if os.environ.get("ARCHBUILDER_UPDATE_CHECKOV"):
        recorded = {"checkov_version": checkov_scan.version, "failed_checks": found}
        EXPECTED.write_text(json.dumps(recorded, indent=2) + "\n", encoding="utf-8")
    recorded = json.loads(EXPECTED.read_text(encoding="utf-8"))
    # Another checkov version has other checks: say so rather than list a hundred differences.
    assert checkov_scan.version == recorded["checkov_version"], "run scripts/install-checkov.sh"
    expected = recorded["failed_checks"]
    for example in sorted(expected):
        for fmt in FRAMEWORKS:
            now, before = set(found[example][fmt]), set(expected[example][fmt])
            assert (sorted(now - before), sorted(before - now)) == ([], []), (
                f"{example} ({fmt}): (newly failing, now passing); see {REPORT}"
            )
    assert sorted(found) == sorted(expected)


def test_every_expected_failure_is_explained() -> None:
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))["failed_checks"]
    ids = {check for formats in expected.values() for checks in formats.values() for check in checks}
    headings = [
        line for line in EXPLANATIONS.read_text(encoding="utf-8").splitlines() if line.startswith("#")
    ]
    explained = {check for line in headings for check in re.findall(r"\bCKV2?_AWS_\d+\b", line)}
    assert sorted(ids - explained) == []


def test_the_report_parser_reads_both_checkov_output_shapes(tmp_path: Path) -> None:
    check = {
        "check_id": "CKV_AWS_18",
        "check_name": "Ensure the S3 bucket has access logging enabled",
        "resource": "AWS::S3::Bucket.Logs",
        "file_path": "/static-site/cloudformation/template.yaml",
    }
    report = {"summary": {"parsing_errors": 0}, "results": {"failed_checks": [check]}}
    single = parse_report(json.dumps(report))
    assert single == {
        "static-site": {
            "cloudformation": [
                FailedCheck(
                    "CKV_AWS_18", "Ensure the S3 bucket has access logging enabled", "AWS::S3::Bucket.Logs"
                )
            ]
        }
    }
    assert parse_report(json.dumps([report, report]))["static-site"]["cloudformation"] == 2 * [
        single["static-site"]["cloudformation"][0]
    ]
    write_report(single, "3.3.30", tmp_path / "report.md")
    assert (tmp_path / "report.md").read_text(encoding="utf-8").splitlines()[4:7] == [
        "## static-site (cloudformation): 1 failed",
        "",
        "- CKV_AWS_18 Ensure the S3 bucket has access logging enabled: `AWS::S3::Bucket.Logs`",
    ]
