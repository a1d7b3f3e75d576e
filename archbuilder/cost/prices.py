"""The shipped price table (resources/pricing/aws-prices.yaml): its schema, checked when it loads."""

from __future__ import annotations

import datetime
import re
from functools import cache
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from archbuilder.resource_files import resource_root

PRICE_FILE = "aws-prices.yaml"
_FACTOR = re.compile(
    r"^(hours|requests|gb_stored|gb_transferred|\d+(\.\d+)?|prop:[a-z_0-9]+(/\d+)?|double_if:[a-z_0-9]+"
    r"|replicas:[a-z_0-9]+|assume:[a-z_0-9]+|computed:[a-z_0-9]+|lookup:[a-z_0-9]+:.+)$"
)


class PriceTableError(ValueError):
    """The price table is malformed; the message names the place."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    title: str
    url: str
    recorded: datetime.date
    offer: str = ""
    seed: str = ""
    note: str = ""
    cross_checked: tuple[str, ...] = ()


class Table(_Strict):
    source: str
    unit: str
    note: str = ""
    prices: dict[str, tuple[float, ...]]


class Dimension(_Strict):
    id: str
    label: str
    unit: str
    source: str
    quantity: tuple[str | float, ...]
    per: float = Field(default=1, gt=0)
    price: tuple[float, ...] | None = None
    table: str | None = None
    key: str | None = None
    when: dict[str, Any] = Field(default_factory=dict)
    free_tier: float = Field(default=0, ge=0)

    @model_validator(mode="after")
    def _one_price(self) -> Dimension:
        if (self.price is None) == (self.table is None):
            raise ValueError(f"{self.id}: give either price or table")
        if self.table is not None and self.key is None:
            raise ValueError(f"{self.id}: a table lookup needs a key")
        for factor in self.quantity:
            if isinstance(factor, str) and not _FACTOR.match(factor):
                raise ValueError(f"{self.id}: unknown quantity factor {factor!r}")
        return self


class TransferPrice(_Strict):
    label: str
    unit: str
    source: str
    price: tuple[float, ...]
    free_tier: float = 0
    free_tier_note: str = ""


class PriceTable(_Strict):
    schema_: int = Field(alias="schema")
    version: str
    currency: str
    hours_per_month: float
    regions: tuple[str, ...]
    sources: dict[str, Source]
    tables: dict[str, Table]
    transfer: dict[str, TransferPrice]
    services: dict[str, tuple[Dimension, ...]]
    free: dict[str, str]
    not_priced: dict[str, str]

    @model_validator(mode="after")
    def _consistent(self) -> PriceTable:
        width = len(self.regions)
        for name, table in self.tables.items():
            self._check_source(f"tables › {name}", table.source)
            for key, row in table.prices.items():
                if len(row) != width:
                    raise ValueError(f"tables › {name} › {key}: {len(row)} prices for {width} regions")
        for name, transfer in self.transfer.items():
            self._check_source(f"transfer › {name}", transfer.source)
            if len(transfer.price) != width:
                raise ValueError(f"transfer › {name}: {len(transfer.price)} prices for {width} regions")
        for service, dimensions in self.services.items():
            for dimension in dimensions:
                where = f"services › {service} › {dimension.id}"
                self._check_source(where, dimension.source)
                if dimension.price is not None and len(dimension.price) != width:
                    raise ValueError(f"{where}: {len(dimension.price)} prices for {width} regions")
                if dimension.table is not None and dimension.table not in self.tables:
                    raise ValueError(f"{where}: unknown table {dimension.table!r}")
        both = (set(self.services) & set(self.free)) | (set(self.services) & set(self.not_priced))
        if both:
            raise ValueError(f"{', '.join(sorted(both))}: priced and also listed as free or not priced")
        return self

    def _check_source(self, where: str, source: str) -> None:
        if source not in self.sources:
            raise ValueError(f"{where}: unknown source {source!r}")

    def region_index(self, region: str) -> int | None:
        try:
            return self.regions.index(region)
        except ValueError:
            return None


def parse_price_table(text: str, origin: str = PRICE_FILE) -> PriceTable:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1} column {mark.column + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "unreadable"
        raise PriceTableError(f"{origin}: not valid YAML{where}: {problem}") from None
    if not isinstance(data, dict):
        raise PriceTableError(f"{origin}: the price table must be a mapping")
    try:
        return PriceTable.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        place = " › ".join(str(part) for part in first["loc"])
        message = str(first["msg"]).removeprefix("Value error, ")
        raise PriceTableError(f"{origin}: {place}: {message}" if place else f"{origin}: {message}") from None


@cache
def default_prices() -> PriceTable:
    """The shipped price table, loaded and checked once per process."""
    text = (resource_root() / "pricing" / PRICE_FILE).read_text(encoding="utf-8")
    return parse_price_table(text)
