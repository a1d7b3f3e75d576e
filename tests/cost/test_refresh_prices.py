"""scripts/refresh_prices.py reads the Price List offer format and rewrites only the figures it refreshes."""

from __future__ import annotations

import datetime
import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pytest

from archbuilder.cost.prices import parse_price_table
from archbuilder.resource_files import resource_root

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = Path(__file__).parent / "fixtures" / "price-list-ec2-us-east-1.json"
TABLE = Path(str(resource_root())) / "pricing" / "aws-prices.yaml"


def _script():
    spec = importlib.util.spec_from_file_location("refresh_prices", ROOT / "scripts" / "refresh_prices.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["refresh_prices"] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_on_demand_prices_are_read_from_the_first_tier_of_on_demand_terms() -> None:
    refresh = _script()
    offer = json.loads(SAMPLE.read_text(encoding="utf-8"))
    rows = sorted(
        (
            attributes.get("instanceType") or attributes["usagetype"],
            attributes.get("operatingSystem", ""),
            unit,
            usd,
        )
        for attributes, unit, usd in refresh.on_demand_prices(offer)
    )
    # The reserved term and the later gp3 tier are left out.
    assert rows == [
        ("EBS:VolumeUsage.gp3", "", "GB-Mo", 0.08),
        ("NatGateway-Hours", "", "Hrs", 0.045),
        ("t3.micro", "Linux", "Hrs", 0.0111),
        ("t3.micro", "Windows", "Hrs", 0.0196),
    ]


def test_specs_select_linux_instances_volumes_and_nat_hours() -> None:
    refresh = _script()
    offer = json.loads(SAMPLE.read_text(encoding="utf-8"))
    by_target = {
        spec.table or ".".join(spec.dimension): refresh.select(offer, spec) for spec in refresh.SPECS
    }
    assert by_target["ec2_linux_hour"] == {"t3.micro": 0.0111}
    assert by_target["ebs_gb_month"] == {"gp3": 0.08}
    assert by_target["nat_gateway.hours"] == {"": 0.045}
    assert by_target["nat_gateway.processed"] == {}


def test_a_refresh_from_saved_offers_rewrites_only_the_changed_figure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    refresh = _script()
    offers = tmp_path / "offers"
    regions = parse_price_table(TABLE.read_text(encoding="utf-8")).regions
    empty = json.dumps({"formatVersion": "v1.0", "products": {}, "terms": {}})
    for offer in {spec.offer for spec in refresh.SPECS}:
        (offers / offer).mkdir(parents=True)
        for region in regions:
            (offers / offer / f"{region}.json").write_text(empty, encoding="utf-8")
    shutil.copy(SAMPLE, offers / "AmazonEC2" / "us-east-1.json")
    table = tmp_path / "aws-prices.yaml"
    shutil.copy(TABLE, table)

    assert refresh.main(["--offers", str(offers), "--table", str(table), "--date", "2027-01-15"]) == 0

    before = TABLE.read_text(encoding="utf-8").splitlines()
    after = table.read_text(encoding="utf-8").splitlines()
    today = datetime.date(2027, 1, 15)
    removed = [line for line in before if line not in set(after)]
    added = [line for line in after if line not in set(before)]
    stamped = [line for line in added if f"recorded: {today:%Y-%m-%d}" in line]
    assert len(stamped) == len({spec.source for spec in refresh.SPECS})  # the sources the specs cover
    nat = next(line for line in before if line.startswith("    - {id: hours, label: NAT gateway hours"))
    assert removed == [
        'version: "2026.12.06"',
        *(
            line
            for line in before
            if "recorded: 2026-12-06" in line and line.replace("2026-12-06", f"{today}") in added
        ),
        "      t3.micro: [0.0104, 0.0104, 0.0114, 0.012, 0.0132]",
        nat,
    ]
    # The figures the offer files gave are checked against the Price List, dated; the one it changed is listed.
    assert [line for line in added if line not in stamped] == [
        f'version: "{today:%Y.%m.%d}"',
        '  price_list: {title: "AWS Price List bulk offer files (first On-Demand tier of each product)", url: '
        f'"https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/index.json", date: {today}, note: "Read by '
        'scripts/refresh_prices.py."}',
        "  - {figure: tables/ec2_linux_hour/t3.micro, region: us-east-1, was: 0.0104, ref: price_list}",
        "      - {ref: price_list, regions: [us-east-1], rows: [t3.micro]}",
        "      t3.micro: [0.0111, 0.0104, 0.0114, 0.012, 0.0132]",
        "      - {ref: price_list, regions: [us-east-1], rows: [gp3]}",
        nat.replace("checked: [", "checked: [{ref: price_list, regions: [us-east-1]}, "),
    ]
    refreshed = parse_price_table(table.read_text(encoding="utf-8"))
    assert refreshed.tables["ec2_linux_hour"].prices["t3.micro"][0] == 0.0111
    assert refreshed.references["price_list"].date == today
    assert (
        refreshed.unconfirmed_count()
        == parse_price_table(TABLE.read_text(encoding="utf-8")).unconfirmed_count()
    )
    assert (
        "AmazonEC2          us-east-1       ec2_linux_hour                   1 figure(s) changed"
        in capsys.readouterr().out
    )


def test_a_group_the_price_list_confirms_everywhere_loses_its_unconfirmed_mark(tmp_path: Path) -> None:
    refresh = _script()
    offers = tmp_path / "offers"
    regions = parse_price_table(TABLE.read_text(encoding="utf-8")).regions
    empty = json.dumps({"formatVersion": "v1.0", "products": {}, "terms": {}})
    for offer in {spec.offer for spec in refresh.SPECS}:
        (offers / offer).mkdir(parents=True)
        for region in regions:
            (offers / offer / f"{region}.json").write_text(empty, encoding="utf-8")
    for region in regions:  # the sample's NAT gateway hour, as if every region's offer file gave it
        shutil.copy(SAMPLE, offers / "AmazonEC2" / f"{region}.json")
    table = tmp_path / "aws-prices.yaml"
    shutil.copy(TABLE, table)
    before = parse_price_table(TABLE.read_text(encoding="utf-8"))
    assert not before.confirmed("services/nat_gateway/hours", "", "eu-central-1")

    assert refresh.main(["--offers", str(offers), "--table", str(table), "--date", "2027-01-15"]) == 0

    text = table.read_text(encoding="utf-8")
    after = parse_price_table(text)
    nat_hours = next(line for line in text.splitlines() if "{id: hours, label: NAT gateway hours" in line)
    assert "price: [0.045, 0.045, 0.045, 0.045, 0.045]" in nat_hours and "unconfirmed" not in nat_hours
    assert all(after.confirmed("services/nat_gateway/hours", "", region) for region in regions)
    # Listed region by region, as the offer files are read: t3.micro everywhere, gp3 and the NAT hour outside the US.
    t3_micro = before.tables["ec2_linux_hour"].prices["t3.micro"]
    gp3 = before.tables["ebs_gb_month"].prices["gp3"]
    nat = next(d for d in before.services["nat_gateway"] if d.id == "hours").price or ()
    expected = []
    for index, region in enumerate(regions):
        expected.append(("tables/ec2_linux_hour/t3.micro", region, t3_micro[index]))
        if index >= 2:
            expected += [
                ("tables/ebs_gb_month/gp3", region, gp3[index]),
                ("services/nat_gateway/hours", region, nat[index]),
            ]
    assert [(c.figure, c.region, c.was) for c in after.corrections if c.ref == "price_list"] == expected
    # The table stays marked where the Price List gave only some rows.
    assert "    unconfirmed: true\n    prices:\n      t3.nano:" in text
