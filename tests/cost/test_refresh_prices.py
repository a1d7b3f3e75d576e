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
    changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    assert changed[0] == ('version: "2026.12.06"', f'version: "{today:%Y.%m.%d}"')
    assert (
        "      t3.micro: [0.0104, 0.0104, 0.0114, 0.012, 0.0132]",
        "      t3.micro: [0.0111, 0.0104, 0.0114, 0.012, 0.0132]",
    ) in changed
    # Sources the specs cover are stamped with today's date; figures already equal are left as they were.
    assert all(
        "recorded: " + f"{today:%Y-%m-%d}" in new or "t3.micro" in new or "version" in new
        for _, new in changed
    )
    assert len(changed) == 2 + len({spec.source for spec in refresh.SPECS})
    refreshed = parse_price_table(table.read_text(encoding="utf-8"))
    assert refreshed.tables["ec2_linux_hour"].prices["t3.micro"][0] == 0.0111
    assert (
        "AmazonEC2          us-east-1       ec2_linux_hour                   1 figure(s) changed"
        in capsys.readouterr().out
    )
