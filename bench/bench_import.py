"""How long import takes to refuse hostile templates, and to import the real corpus; prints a table.

Run: .venv/bin/python bench/bench_import.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archbuilder.importers.cfn_yaml import TemplateError  # noqa: E402
from archbuilder.importers.cloudformation import import_template  # noqa: E402
from tests.importers.hostile_templates import HOSTILE, big_template_with_unknown_tag_at_the_end  # noqa: E402

CORPUS = ROOT / "tests" / "fixtures" / "corpus"
RUNS = 5


def timed(action: Callable[[], object]) -> tuple[float, str]:
    """Median milliseconds of RUNS calls, and how the last one ended."""
    times: list[float] = []
    outcome = ""
    for _ in range(RUNS):
        start = time.perf_counter()
        try:
            action()
            outcome = "imported"
        except TemplateError:
            outcome = "refused"
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), outcome


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        cases: list[tuple[str, Path]] = []
        for name, (text, _message) in sorted(HOSTILE.items()):
            path = Path(folder) / name
            path.write_bytes(text.encode("utf-8"))
            cases.append((name, path))
        big = Path(folder) / "near-limit-unknown-tag.yaml"
        big.write_text(big_template_with_unknown_tag_at_the_end(), encoding="utf-8")
        cases.append((big.name, big))
        huge = Path(folder) / "50-mb.yaml"
        huge.write_bytes(b"Resources:\n" + b"#" * (50 * 1024 * 1024))
        cases.append((huge.name, huge))
        cases += [(p.name, p) for p in sorted(CORPUS.iterdir()) if p.suffix in (".yaml", ".json")]
        print(f"{'template':<66} {'size KB':>9} {'outcome':>9} {'ms':>9}")
        for name, path in cases:
            ms, outcome = timed(lambda p=path: import_template(p))  # type: ignore[misc]
            print(f"{name:<66} {path.stat().st_size / 1024:>9.1f} {outcome:>9} {ms:>9.1f}")


if __name__ == "__main__":
    main()
