"""Designs and reviews the report tests share."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from archbuilder.exporters.report.gather import ReportOptions, Review, gather
from archbuilder.model import Architecture, load
from archbuilder.resource_files import example_path

MVP = Path(str(example_path("startup-mvp")))
THREE_TIER = Path(str(example_path("three-tier-web")))
OPTIONS = ReportOptions(title="Design review: MVP", date="2026-03-02", reviewer="Dana Reviewer")


def design(path: Path = MVP) -> Architecture:
    return load(path)


@cache
def mvp_review() -> tuple[Review, Architecture]:
    """The flawed example's review with its diagram (graphviz runs once for all the tests that read it)."""
    architecture = design()
    return gather(architecture, OPTIONS), architecture
