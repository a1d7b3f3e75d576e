"""`archbuilder diff A B`: the semantic difference of two templates or designs, resource by resource.

Exit 0 when they describe the same resources, 1 when they differ, 2 when a side cannot be read."""

from __future__ import annotations

import argparse
from pathlib import Path

from archbuilder.cli.common import EXIT_FINDINGS, EXIT_OK, CliError
from archbuilder.compare.diff_engine import diff_documents
from archbuilder.compare.diff_render import render_json, render_text
from archbuilder.compare.diff_sources import DiffInputError, Format, is_design, is_terraform, load_side


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "diff",
        help="semantic difference of two templates or designs (resources, properties, IAM statements)",
        description=(
            "Compare two CloudFormation templates (YAML or JSON), two Terraform configurations (a .tf file or "
            "a folder), or designs (*.arch.json, compared as their export: CloudFormation, or Terraform when "
            "the other side is Terraform). Exit 0: no difference; 1: differences; 2: a side cannot be read."
        ),
    )
    parser.add_argument("a", help="the template, Terraform folder or design before")
    parser.add_argument("b", help="the template, Terraform folder or design after")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=run)


def design_format(a: Path, b: Path) -> Format:
    """What designs are exported to for the comparison; refuses CloudFormation against Terraform."""
    kinds = {
        "design" if is_design(p) else "terraform" if is_terraform(p) else "cloudformation" for p in (a, b)
    }
    if kinds == {"terraform", "cloudformation"}:
        raise CliError(
            f"{a} and {b}: cannot compare CloudFormation with Terraform; compare two of the same format "
            "(a design is exported to the format of the other side)"
        )
    return "terraform" if "terraform" in kinds else "cloudformation"


def run(args: argparse.Namespace) -> int:
    a, b = Path(args.a), Path(args.b)
    fmt = design_format(a, b)
    try:
        diff = diff_documents(load_side(a, fmt), load_side(b, fmt))
    except DiffInputError as exc:
        raise CliError(str(exc)) from None
    print(render_json(diff) if args.format == "json" else render_text(diff), end="")
    return EXIT_OK if diff.empty else EXIT_FINDINGS
