"""`archbuilder import TEMPLATE [-o FILE.arch.json]`: a CloudFormation template as an editable design."""

from __future__ import annotations

import argparse
from pathlib import Path

from archbuilder.cli.common import CliError, one_line_error
from archbuilder.importers.cfn_yaml import TemplateError
from archbuilder.importers.cloudformation import import_template
from archbuilder.importers.secrets import design_secrets
from archbuilder.importers.terraform import import_terraform
from archbuilder.model import DocumentError, save
from archbuilder.model.serialization import saved_size_error


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import", help="import a CloudFormation template (YAML/JSON) or Terraform (.tf file or folder)"
    )
    parser.add_argument("template", help="a CloudFormation template, a .tf file, or a folder of .tf files")
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="where to write the design (default: beside the template)"
    )
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    source = Path(args.template)
    if not source.exists():
        raise CliError(f"{source}: no such file or folder")
    terraform = source.is_dir() or source.suffix == ".tf"
    default = (
        source / "imported.arch.json" if source.is_dir() else source.with_name(source.stem + ".arch.json")
    )
    output = Path(args.output) if args.output else default
    if output.exists() and not args.force:
        raise CliError(f"{output} already exists; pass --force to overwrite it")
    try:
        architecture, report = import_terraform(source) if terraform else import_template(source)
        too_big = saved_size_error(architecture)
        if too_big:
            raise CliError(f"{source}: the design imported from it would be {too_big}; nothing was written")
        save(architecture, output)
    except (TemplateError, DocumentError) as exc:
        raise CliError(str(exc)) from None
    except (
        ValueError
    ) as exc:  # a value the design refuses (a CIDR, a name with a line break): said in one line
        raise CliError(f"{source}: cannot import: {one_line_error(exc)}") from None
    print(report.render())
    for secret in design_secrets(architecture):
        print(f"secret  {secret}")
    print(f"wrote {output}")
    return 0
