#!/usr/bin/env python3
"""Refreshes resources/pricing/aws-prices.yaml from AWS's public Price List bulk files (needs network access).

    python scripts/refresh_prices.py                 # download, update the table in place, print what changed
    python scripts/refresh_prices.py --offers DIR    # read offer files saved earlier as DIR/<offer>/<region>.json

For every offer a spec below names (EC2, RDS, ElastiCache, ELB, VPC, Lambda, S3, DynamoDB, ECS), it reads the
regional offer file (https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/<offer>/current/<region>/index.json,
found through the offer's region_index.json), keeps the products whose attributes match the spec, takes each
product's On-Demand price per unit (the first tier, beginRange 0), and rewrites the matching rows of the table,
keeping the file's layout and comments. Figures that no spec covers stay as recorded; the script lists them.
It then sets `version` and the `recorded` date of every source it refreshed to today, records the Price List as a
reference dated today (`price_list`) that confirms every figure it read (under each group's `checked`), lists the
figures it changed under `corrections` with their earlier value, and sets each group's `unconfirmed` mark again.
The older references stay in `checked`: they confirmed a figure as it was on their date.

The regional EC2 file is large (hundreds of MB); it is read with json.load, so allow a few GB of memory.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

PRICE_LIST = "https://pricing.us-east-1.amazonaws.com"
TABLE_FILE = Path(__file__).resolve().parent.parent / "resources" / "pricing" / "aws-prices.yaml"


@dataclass(frozen=True)
class Spec:
    """Which products of an offer give one table's rows (`table`) or one dimension's price (`dimension`)."""

    offer: str
    source: str  # the key under `sources:` whose recorded date this refreshes
    attributes: dict[str, str] = field(default_factory=dict)  # product attributes that must match exactly
    usagetype: str = ""  # regular expression the product's usagetype must match (regional prefixes vary)
    table: str = ""  # a table under `tables:` ...
    key: tuple[str, ...] = ()  # ... whose row keys join these attributes with "/"
    dimension: tuple[str, str] = ("", "")  # or (service, dimension id) under `services:`
    scale: float = 1.0  # price per Price List unit -> price per table unit (e.g. per request -> per million)


_LINUX = {
    "productFamily": "Compute Instance",
    "operatingSystem": "Linux",
    "tenancy": "Shared",
    "preInstalledSw": "NA",
    "capacitystatus": "Used",
    "licenseModel": "No License required",
}

SPECS: tuple[Spec, ...] = (
    Spec("AmazonEC2", "ec2", _LINUX, table="ec2_linux_hour", key=("instanceType",)),
    Spec(
        "AmazonEC2",
        "ebs",
        {"productFamily": "Storage"},
        usagetype=r"EBS:VolumeUsage",
        table="ebs_gb_month",
        key=("volumeApiName",),
    ),
    Spec(
        "AmazonEC2",
        "vpc",
        {"productFamily": "NAT Gateway"},
        usagetype=r"NatGateway-Hours$",
        dimension=("nat_gateway", "hours"),
    ),
    Spec(
        "AmazonEC2",
        "vpc",
        {"productFamily": "NAT Gateway"},
        usagetype=r"NatGateway-Bytes$",
        dimension=("nat_gateway", "processed"),
    ),
    Spec(
        "AmazonRDS",
        "rds",
        {
            "productFamily": "Database Instance",
            "deploymentOption": "Single-AZ",
            "databaseEngine": "PostgreSQL",
        },
        table="rds_instance_hour",
        key=("@postgres", "instanceType"),
    ),
    Spec(
        "AmazonRDS",
        "rds",
        {"productFamily": "Database Instance", "deploymentOption": "Single-AZ", "databaseEngine": "MySQL"},
        table="rds_instance_hour",
        key=("@mysql", "instanceType"),
    ),
    Spec(
        "AmazonElastiCache",
        "elasticache",
        {"productFamily": "Cache Instance", "cacheEngine": "Redis"},
        table="elasticache_node_hour",
        key=("instanceType",),
    ),
    Spec(
        "AWSELB",
        "elb",
        {"productFamily": "Load Balancer-Application"},
        usagetype=r"LoadBalancerUsage$",
        dimension=("alb", "hours"),
    ),
    Spec(
        "AWSELB",
        "elb",
        {"productFamily": "Load Balancer-Application"},
        usagetype=r"LCUUsage$",
        dimension=("alb", "lcu"),
    ),
    Spec(
        "AWSLambda",
        "lambda",
        {"group": "AWS-Lambda-Requests"},
        usagetype=r"(^|-)Request$",
        dimension=("lambda_function", "requests"),
        scale=1_000_000,
    ),
    Spec(
        "AWSLambda",
        "lambda",
        {"group": "AWS-Lambda-Duration"},
        usagetype=r"(^|-)Lambda-GB-Second$",
        dimension=("lambda_function", "duration"),
    ),
    Spec(
        "AmazonS3",
        "s3",
        {"productFamily": "Storage", "volumeType": "Standard"},
        usagetype=r"TimedStorage-ByteHrs$",
        dimension=("s3_bucket", "storage"),
    ),
    Spec(
        "AmazonDynamoDB",
        "dynamodb",
        {"group": "DDB-WriteUnits"},
        usagetype=r"WriteRequestUnits$",
        dimension=("dynamodb_table", "writes"),
        scale=1_000_000,
    ),
    Spec(
        "AmazonDynamoDB",
        "dynamodb",
        {"group": "DDB-ReadUnits"},
        usagetype=r"ReadRequestUnits$",
        dimension=("dynamodb_table", "reads"),
        scale=1_000_000,
    ),
    Spec(
        "AmazonECS",
        "fargate",
        {"productFamily": "Compute"},
        usagetype=r"Fargate-vCPU-Hours:perCPU$",
        dimension=("fargate_task", "vcpu"),
    ),
    Spec(
        "AmazonECS",
        "fargate",
        {"productFamily": "Compute"},
        usagetype=r"Fargate-GB-Hours$",
        dimension=("fargate_task", "memory"),
    ),
)


# ---------------------------------------------------------------------- reading the Price List format


def on_demand_prices(offer: dict[str, Any]) -> Iterator[tuple[dict[str, str], str, float]]:
    """(product attributes with productFamily, unit, USD) of every product's first On-Demand tier."""
    products = offer.get("products", {})
    for sku, terms in offer.get("terms", {}).get("OnDemand", {}).items():
        product = products.get(sku)
        if product is None:
            continue
        attributes = {**product.get("attributes", {}), "productFamily": product.get("productFamily", "")}
        for term in terms.values():
            for dimension in term.get("priceDimensions", {}).values():
                if str(dimension.get("beginRange", "0")) != "0":
                    continue  # later tiers of a tiered price
                usd = dimension.get("pricePerUnit", {}).get("USD")
                if usd is None:
                    continue
                yield attributes, dimension.get("unit", ""), float(usd)


def select(offer: dict[str, Any], spec: Spec) -> dict[str, float]:
    """The prices a spec picks out of one regional offer file: row key (or "" for a dimension) -> price."""
    pattern = re.compile(spec.usagetype) if spec.usagetype else None
    found: dict[str, float] = {}
    for attributes, _unit, usd in on_demand_prices(offer):
        if any(attributes.get(name) != value for name, value in spec.attributes.items()):
            continue
        if pattern is not None and not pattern.search(attributes.get("usagetype", "")):
            continue
        key = "/".join(part[1:] if part.startswith("@") else attributes.get(part, "") for part in spec.key)
        price = round(usd * spec.scale, 10)
        # Several SKUs can match (e.g. a product in two usage types); the lowest non-zero list price is the plain one.
        if price > 0 and (key not in found or price < found[key]):
            found[key] = price
    return found


# ---------------------------------------------------------------------- rewriting the table in place


def _format(value: float) -> str:
    text = f"{value:.10f}".rstrip("0").rstrip(".")
    return text or "0"


def _replace_list(line: str, label: str, index: int, value: float) -> str:
    match = re.search(re.escape(label) + r"\[([^\]]*)\]", line)
    if match is None:
        return line
    values = [part.strip() for part in match.group(1).split(",")]
    values[index] = _format(value)
    return line[: match.start(1)] + ", ".join(values) + line[match.end(1) :]


def rewrite(
    text: str, spec: Spec, region_index: int, prices: dict[str, float]
) -> tuple[str, list[str], list[tuple[str, float]]]:
    """The table text with the spec's figures for one region replaced; the rows read, and those changed (row, was)."""
    lines = text.splitlines(keepends=True)
    read: list[str] = []
    changed: list[tuple[str, float]] = []
    section = ""
    for number, line in enumerate(lines):
        if re.match(r"^  [a-z0-9_]+:\s*$", line):
            section = line.strip()[:-1]
        row = re.match(r"^\s+([^:\s]+): \[", line) if spec.table and section == spec.table else None
        if row and row.group(1) in prices:
            key, label = row.group(1), f"{row.group(1)}: "
        elif section == spec.dimension[0] and f"{{id: {spec.dimension[1]}," in line and "" in prices:
            key, label = "", "price: "
        else:
            continue
        new = _replace_list(line, label, region_index, prices[key])
        read.append(key)
        if new != line:
            was = re.search(re.escape(label) + r"\[([^\]]*)\]", line)
            assert was is not None
            changed.append((key, float(was.group(1).split(",")[region_index])))
        lines[number] = new
    return "".join(lines), read, changed


def stamp(text: str, sources: set[str], today: datetime.date) -> str:
    text = re.sub(r'^version: ".*"$', f'version: "{today:%Y.%m.%d}"', text, count=1, flags=re.M)
    for source in sources:
        text = re.sub(
            rf"^(  {re.escape(source)}: \{{.*recorded: )\d{{4}}-\d{{2}}-\d{{2}}",
            rf"\g<1>{today:%Y-%m-%d}",
            text,
            count=1,
            flags=re.M,
        )
    return text


# ---------------------------------------------------------------------- recording what the Price List confirms

PRICE_LIST_REF = "price_list"


def record_checks(
    text: str,
    read: dict[str, dict[str, set[str]]],
    changes: list[tuple[str, str, float]],
    today: datetime.date,
) -> str:
    """The figures read from the Price List are checked against it (a `price_list` reference dated today), those it
    changed are listed under `corrections`, and each group's `unconfirmed` mark follows its checks again."""
    regions = regions_of(text)
    lines = [
        line
        for line in text.split("\n")
        if not re.match(rf"^(  {PRICE_LIST_REF}: |      - \{{ref: {PRICE_LIST_REF},)", line)
    ]
    lines.insert(
        lines.index("corrections:") - 2,  # the end of the references block, before its blank line and comment
        f'  {PRICE_LIST_REF}: {{title: "AWS Price List bulk offer files (first On-Demand tier of each product)", '
        f'url: "{PRICE_LIST}/offers/v1.0/aws/index.json", date: {today:%Y-%m-%d}, '
        'note: "Read by scripts/refresh_prices.py."}',
    )
    at = lines.index("corrections:") + 1
    while at < len(lines) and lines[at].startswith("  - "):
        at += 1
    lines[at:at] = [
        f"  - {{figure: {figure}, region: {region}, was: {_format(was)}, ref: {PRICE_LIST_REF}}}"
        for figure, region, was in changes
    ]
    return _with_marks(_with_checks(lines, read, regions), regions)


def _flows(rows: dict[str, set[str]], regions: list[str]) -> list[str]:
    """One check per set of regions the Price List gave, naming its rows (none for a per-unit price)."""
    by_regions: dict[tuple[str, ...], list[str]] = {}
    for row, seen in rows.items():
        by_regions.setdefault(tuple(region for region in regions if region in seen), []).append(row)
    return [
        f"{{ref: {PRICE_LIST_REF}, regions: [{', '.join(found)}]"
        + (f", rows: [{', '.join(named)}]}}" if named != [""] else "}")
        for found, named in by_regions.items()
    ]


def _with_checks(lines: list[str], read: dict[str, dict[str, set[str]]], regions: list[str]) -> list[str]:
    out: list[str] = []
    section, start = "", 0
    old = rf"\{{ref: {PRICE_LIST_REF}, [^}}]*\}}"
    for line in lines:
        if re.match(r"^  [a-z0-9_]+:\s*$", line):
            section, start = line.strip()[:-1], len(out)
        line = re.sub(old + "(, )?", "", re.sub(", " + old, "", line)).replace(", checked: []", "")
        dimension = re.match(r"^    - \{id: ([a-z0-9_]+),", line)
        if line == "    prices:" and f"tables/{section}" in read:
            at = len(out) - (out[-1] == "    unconfirmed: true")
            new = [f"      - {flow}" for flow in _flows(read[f"tables/{section}"], regions)]
            out[at:at] = new if "    checked:" in out[start:] else ["    checked:", *new]
        elif dimension and f"services/{section}/{dimension.group(1)}" in read:
            flows = ", ".join(_flows(read[f"services/{section}/{dimension.group(1)}"], regions))
            if ", checked: [" in line:
                line = line.replace(", checked: [", f", checked: [{flows}, ", 1)
            else:
                line = line.replace(", unconfirmed: true}", "}")[:-1] + f", checked: [{flows}]}}"
        out.append(line)
    return [line for n, line in enumerate(out) if line != "    checked:" or out[n + 1].startswith("      - ")]


def _with_marks(lines: list[str], regions: list[str]) -> str:
    """`unconfirmed: true` on exactly the groups with a figure no check covers."""
    data = yaml.safe_load("\n".join(lines))
    out: list[str] = []
    section = ""
    for line in lines:
        if re.match(r"^  [a-z0-9_]+:\s*$", line):
            section = line.strip()[:-1]
        if line == "    unconfirmed: true":
            continue  # put back before `prices:` where the table still needs it
        if line == "    prices:":
            table = data["tables"][section]
            if _uncovered(table.get("checked") or [], list(table["prices"]), regions):
                out.append("    unconfirmed: true")
        elif re.match(r"^(    - \{id|  [a-z_]+: \{label): .*price: \[", line):
            entry = yaml.safe_load(line.strip())
            entry = entry[0] if isinstance(entry, list) else next(iter(entry.values()))
            line = line.replace(", unconfirmed: true}", "}")
            if _uncovered(entry.get("checked") or [], [""], regions):
                line = line[:-1] + ", unconfirmed: true}"
        out.append(line)
    return "\n".join(out)


def _uncovered(checks: list[dict[str, Any]], rows: list[str], regions: list[str]) -> bool:
    covered = {
        (row, region) for check in checks for row in check.get("rows") or rows for region in check["regions"]
    }
    return any((row, region) not in covered for row in rows for region in regions)


# ---------------------------------------------------------------------- downloading


def _get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=600) as response:
        return json.load(response)


def fetch_offer(offer: str, region: str, saved: Path | None) -> dict[str, Any]:
    if saved is not None:
        return json.loads((saved / offer / f"{region}.json").read_text(encoding="utf-8"))
    index = _get_json(f"{PRICE_LIST}/offers/v1.0/aws/{offer}/current/region_index.json")
    url = index["regions"][region]["currentVersionUrl"]
    return _get_json(PRICE_LIST + url)


def regions_of(text: str) -> list[str]:
    match = re.search(r"^regions: \[(.*)\]$", text, flags=re.M)
    if match is None:
        raise SystemExit(f"{TABLE_FILE}: no `regions:` line")
    return [part.strip() for part in match.group(1).split(",")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offers", type=Path, help="read saved offer files DIR/<offer>/<region>.json")
    parser.add_argument("--table", type=Path, default=TABLE_FILE)
    parser.add_argument(
        "--date",
        type=datetime.date.fromisoformat,
        default=datetime.date.today(),
        help="the date to record (YYYY-MM-DD)",
    )
    args = parser.parse_args(argv)
    text = args.table.read_text(encoding="utf-8")
    refreshed: set[str] = set()
    read: dict[str, dict[str, set[str]]] = {}  # group path -> row -> regions the Price List gave
    changes: list[tuple[str, str, float]] = []  # (figure, region, value before)
    for offer in sorted({spec.offer for spec in SPECS}):
        for index, region in enumerate(regions_of(text)):
            data = fetch_offer(offer, region, args.offers)
            for spec in (spec for spec in SPECS if spec.offer == offer):
                text, rows, changed = rewrite(text, spec, index, select(data, spec))
                refreshed.add(spec.source)
                path = f"tables/{spec.table}" if spec.table else "services/" + "/".join(spec.dimension)
                for row in rows:
                    read.setdefault(path, {}).setdefault(row, set()).add(region)
                changes += [(f"{path}/{row}" if row else path, region, was) for row, was in changed]
                target = spec.table or ".".join(spec.dimension)
                print(f"{offer:18} {region:15} {target:32} {len(changed)} figure(s) changed")
    text = record_checks(stamp(text, refreshed, args.date), read, changes, args.date)
    args.table.write_text(text, encoding="utf-8")
    print(
        "Sources not covered by a spec, kept as recorded:", ", ".join(sorted(_all_sources(text) - refreshed))
    )
    return 0


def _all_sources(text: str) -> set[str]:
    block = text.split("\nsources:\n", 1)[1].split("\n\n", 1)[0]
    return set(re.findall(r"^  ([a-z0-9_]+): \{", block, flags=re.M))


if __name__ == "__main__":
    sys.exit(main())
