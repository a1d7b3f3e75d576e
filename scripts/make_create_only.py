"""Writes resources/replacement/cloudformation.json: for each CloudFormation resource type, the properties whose
change makes CloudFormation replace the resource (the resource schema's `createOnlyProperties`) and those whose
change may replace it, depending on the values (`conditionalCreateOnlyProperties`: a DynamoDB key schema, an RDS
instance's engine or Multi-AZ setting).

The schemas come from the cfn-lint package (its bundled copy of the CloudFormation registry schemas for
us-east-1); run `.venv/bin/python scripts/make_create_only.py` after upgrading cfn-lint. `archbuilder diff`
reads the file to flag changes that replace a resource.
"""

from __future__ import annotations

import json
from importlib import metadata
from importlib.resources import files
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "resources" / "replacement" / "cloudformation.json"


def _paths(pointers: list[str]) -> list[str]:
    """JSON pointers into the schema (`/properties/VpcConfig/SubnetIds`) as dotted property paths."""
    return sorted(
        p.removeprefix("/properties/").replace("/*", "").replace("/", ".")
        for p in pointers
        if p.startswith("/properties/")
    )


def main() -> None:
    schemas = files("cfnlint") / "data" / "schemas"
    provider = json.loads((schemas / "providers" / "us-east-1.json").read_text())
    types: dict[str, dict[str, list[str]]] = {}
    for type_name, digest in sorted(provider.items()):
        schema = json.loads((schemas / "resources" / f"{digest}.json").read_text())
        entry = {
            kind: _paths(schema.get(key, []))
            for kind, key in (
                ("replaces", "createOnlyProperties"),
                ("may_replace", "conditionalCreateOnlyProperties"),
            )
        }
        entry = {kind: paths for kind, paths in entry.items() if paths}
        if entry:
            types[type_name] = entry
    date = json.loads((schemas / "version.json").read_text())["schema_date"][:10]
    document = {
        "source": (
            f"createOnlyProperties of the CloudFormation resource schemas for us-east-1 bundled with cfn-lint "
            f"{metadata.version('cfn-lint')} (schema date {date})"
        ),
        "types": types,
    }
    OUT.write_text(json.dumps(document, indent=1, sort_keys=True) + "\n")
    print(f"wrote {OUT}: {len(types)} resource types")


if __name__ == "__main__":
    main()
