"""How much of the real corpus the import understands, and whether it comes back unchanged; prints a table.

For every corpus template (tests/fixtures/corpus/, its hand-written archbuilder/ folder, and ../shared/corpus/
where it exists): how many resources became catalog services, folded into one, or stayed generic; whether the
CloudFormation export (YAML and JSON) of the imported design shows no difference in `archbuilder diff`; how
many properties of mapped resources the design does not write and are passed through unchanged after an edit of
every service, and how many are neither modelled nor passed through (lost: tests/importers/pass_through.py);
then the share of resources that stayed generic over the whole corpus, and each of those with the reason the
import report gives.

Run: .venv/bin/python bench/import_coverage.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archbuilder.compare.diff_engine import diff_documents  # noqa: E402
from archbuilder.compare.diff_sources import load_side  # noqa: E402
from archbuilder.exporters.registry import export  # noqa: E402
from archbuilder.importers.cfn_yaml import TemplateError  # noqa: E402
from archbuilder.importers.cloudformation import import_template  # noqa: E402
from tests.importers.pass_through import pass_through  # noqa: E402

FOLDERS = (
    ROOT / "tests" / "fixtures" / "corpus",
    ROOT / "tests" / "fixtures" / "corpus" / "archbuilder",
    ROOT.parent / "shared" / "corpus" / "cloudformation",
)


def templates() -> list[Path]:
    found: dict[str, Path] = {}
    for folder in FOLDERS:
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                if path.suffix in (".yaml", ".json"):
                    found.setdefault(path.name, path)  # the shared corpus repeats the fixtures' templates
    return list(found.values())


def round_trip(path: Path, folder: Path) -> str:
    """`same` when both CloudFormation exports of the imported design show no difference from the template."""
    architecture, _report = import_template(path)
    results = []
    for fmt in ("cloudformation", "cloudformation-json"):
        [written] = export(fmt, architecture, folder / fmt)
        results.append(diff_documents(load_side(path), load_side(written)).empty)
    return "same" if all(results) else "DIFFERS"


def main() -> None:
    totals = [0, 0, 0, 0]
    reasons: list[str] = []
    kept = [0, 0]
    lost_properties: list[str] = []
    print(
        f"{'template':<64} {'resources':>9} {'mapped':>7} {'folded':>7} {'generic':>7} {'round trip':>11}"
        f" {'passed':>7} {'lost':>5}"
    )
    with tempfile.TemporaryDirectory() as scratch:
        for index, path in enumerate(templates()):
            try:
                _arch, report = import_template(path)
            except TemplateError as exc:
                print(f"{path.name:<64} refused: {str(exc).split(': ', 1)[-1]}")
                continue
            counts = (len(report.mapped), len(report.folded), len(report.generic))
            total = sum(counts)
            trip = round_trip(path, Path(scratch) / str(index))
            passed, lost = pass_through(path)
            kept[0] += len(passed)
            kept[1] += len(lost)
            lost_properties += [f"  {path.name}: {logical} ({kind}).{key}" for logical, kind, key in lost]
            print(
                f"{path.name:<64} {total:>9} {counts[0]:>7} {counts[1]:>7} {counts[2]:>7} {trip:>11}"
                f" {len(passed):>7} {len(lost):>5}"
            )
            for i, count in enumerate((total, *counts)):
                totals[i] += count
            reasons += [
                f"  {path.name}: {logical} ({kind}): {report.reasons[logical]}"
                for logical, kind, _ in report.generic
            ]
    total, mapped, folded, generic = totals
    print(
        f"{'all':<64} {total:>9} {mapped:>7} {folded:>7} {generic:>7}\n"
        f"generic share: {generic}/{total} = {100 * generic / max(total, 1):.1f}% of the corpus's resources"
    )
    print("generic resources, each with why:" if reasons else "no resource stayed generic")
    print("\n".join(reasons))
    print(
        f"properties of mapped resources the design does not write: {kept[0]} passed through unchanged, "
        f"{kept[1]} neither modelled nor passed through"
    )
    print("\n".join(lost_properties))


if __name__ == "__main__":
    main()
