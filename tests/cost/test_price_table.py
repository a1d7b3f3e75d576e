"""The shipped price table covers the catalog, names its sources and dates, and refuses malformed data."""

from __future__ import annotations

import datetime
import re

import pytest

from archbuilder.catalog import PropertyType, default_catalog
from archbuilder.cost.prices import PriceTableError, default_prices, parse_price_table
from archbuilder.resource_files import resource_root

REGIONS = ("us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2")


def test_every_catalog_service_is_priced_free_or_not_priced_with_a_reason() -> None:
    prices = default_prices()
    catalog_ids = {service.id for service in default_catalog()}
    priced, free, not_priced = set(prices.services), set(prices.free), set(prices.not_priced)
    assert priced | free | not_priced == catalog_ids
    assert not priced & free and not priced & not_priced and not free & not_priced
    assert not_priced == {"generic"}
    for service_id, reason in {**prices.free, **prices.not_priced}.items():
        assert len(reason) > 30 and reason.endswith("."), service_id
    assert all(prices.services[service_id] for service_id in priced)


def test_the_table_is_dated_and_covers_the_five_regions() -> None:
    prices = default_prices()
    assert prices.regions == REGIONS
    assert prices.currency == "USD" and prices.hours_per_month == 730
    assert prices.version == "2026.12.06"
    for name, source in prices.sources.items():
        assert source.recorded == datetime.date(2026, 12, 6), name
        assert source.url.startswith("https://"), name


def test_every_dimension_reads_properties_the_catalog_has() -> None:
    prices, catalog = default_prices(), default_catalog()
    for service_id, dimensions in prices.services.items():
        service = catalog.get(service_id)
        names = {spec.name for spec in service.properties}
        for dimension in dimensions:
            used = set(dimension.when)
            for factor in dimension.quantity:
                if isinstance(factor, str) and factor.split(":")[0] in ("prop", "double_if", "replicas"):
                    used.add(factor.split(":")[1].split("/")[0])
                if isinstance(factor, str) and factor.startswith("lookup:"):
                    used.update(re.findall(r"\{([a-z_0-9]+)", factor))
            used.update(re.findall(r"\{([a-z_0-9]+)", dimension.key or ""))
            assert used <= names, f"{service_id} › {dimension.id}: {sorted(used - names)}"
            for name in dimension.when:
                spec = service.property_spec(name)
                assert spec is not None
                values = (
                    dimension.when[name] if isinstance(dimension.when[name], list) else [dimension.when[name]]
                )
                if spec.type is PropertyType.ENUM:
                    assert set(values) <= set(spec.values), f"{service_id} › {dimension.id}"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "regions: [us-east-1, us-west-2, eu-west-1, eu-central-1, ap-southeast-2]",
            "regions: [us-east-1]",
            "aws-prices.yaml: tables › ec2_linux_hour › t3.nano: 5 prices for 1 regions",
        ),
        (
            "source: elb, quantity: [hours], price: [0.0225",
            "source: nowhere, quantity: [hours], price: [0.0225",
            "aws-prices.yaml: services › alb › hours: unknown source 'nowhere'",
        ),
        (
            "quantity: [computed:alb_lcu_hours]",
            "quantity: [eval:alb_lcu_hours]",
            "aws-prices.yaml: services › alb › 1: lcu: unknown quantity factor 'eval:alb_lcu_hours'",
        ),
        (
            "hours_per_month: 730\n",
            "hours_per_month: [730]\n",
            "aws-prices.yaml: hours_per_month: Input should be a valid number",
        ),
        (
            "services:\n  alb:",
            "services:\n  alb: {",
            "aws-prices.yaml: not valid YAML at line {alb+1} column 5: expected the node content, but found '-'",
        ),
    ],
)
def test_a_malformed_table_is_refused_with_the_place(old: str, new: str, message: str) -> None:
    text = (resource_root() / "pricing" / "aws-prices.yaml").read_text(encoding="utf-8")
    assert old in text
    with pytest.raises(PriceTableError) as error:
        parse_price_table(text.replace(old, new, 1))
    alb = text.splitlines().index("  alb:") + 1  # the line the services' first entry starts on
    assert str(error.value) == message.replace("{alb+1}", str(alb + 1))


def _fill(template: str, defaults: dict) -> str:
    def one(match: re.Match[str]) -> str:
        value = defaults[match.group(1)]
        if match.group(2) is not None:
            return match.group(2) if value is True else match.group(3)
        return str(value)

    return re.sub(r"\{([a-z_0-9]+)(?:\|([^|}]*)\|([^}]*))?\}", one, template)


def test_every_service_is_priced_at_its_catalog_defaults() -> None:
    """A service dropped from the palette, left at its defaults, finds its sizes in every table."""
    prices, catalog = default_prices(), default_catalog()
    for service_id, dimensions in prices.services.items():
        defaults = catalog.get(service_id).defaults()
        for dimension in dimensions:
            lookups = [(dimension.table, dimension.key)] if dimension.table and dimension.key else []
            lookups += [
                (factor.split(":")[1], factor.split(":", 2)[2])
                for factor in dimension.quantity
                if isinstance(factor, str) and factor.startswith("lookup:")
            ]
            for table_name, template in lookups:
                key = _fill(template, defaults)
                assert key in prices.tables[table_name].prices, f"{service_id} › {dimension.id}: {key}"
