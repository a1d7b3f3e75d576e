"""The shipped price table (resources/pricing/aws-prices.yaml): its schema, checked when it loads."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

from archbuilder.resource_files import resource_root

PRICE_FILE = "aws-prices.yaml"
_MONTH_OR_YEAR = re.compile(r"^\d{4}(-(0[1-9]|1[0-2]))?$")
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


class Reference(_Strict):
    """A dated public copy of AWS's prices that figures of the table were compared with."""

    title: str
    url: str
    # The date of the copy: a day, or "2026-03" / "2026" when the copy gives no finer date. A copy that carries no
    # date at all has the day it was read, and its note says so.
    date: datetime.date | str
    note: str = ""

    @field_validator("date", mode="before")
    @classmethod
    def _a_day_month_or_year(cls, value: object) -> object:
        if isinstance(value, datetime.date) or (isinstance(value, str) and _MONTH_OR_YEAR.match(value)):
            return value
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY)")


class Check(_Strict):
    """The figures one reference confirms: these regions, and for a size table these rows (none: every row)."""

    ref: str
    regions: tuple[str, ...]
    rows: tuple[str, ...] = ()


class Correction(_Strict):
    """A figure the check changed: what the table said before, and the reference it was corrected to."""

    figure: str  # tables/<table>/<row>, services/<service>/<dimension> or transfer/<name>
    region: str
    was: float
    ref: str


class Table(_Strict):
    source: str
    unit: str
    note: str = ""
    checked: tuple[Check, ...] = ()
    unconfirmed: bool = False
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
    checked: tuple[Check, ...] = ()
    unconfirmed: bool = False

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
    checked: tuple[Check, ...] = ()
    unconfirmed: bool = False


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
    references: dict[str, Reference] = Field(default_factory=dict)
    corrections: tuple[Correction, ...] = ()
    _unconfirmed: frozenset[tuple[str, str, str]] = PrivateAttr(default=frozenset())

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
        self._unconfirmed = frozenset(self._check_confirmation())
        self._check_corrections()
        return self

    def groups(self) -> Iterator[_Group]:
        """Every table, per-unit dimension and transfer price, with its figures by row (row "" when it has one)."""
        for name, table in self.tables.items():
            yield _Group(f"tables › {name}", f"tables/{name}", table.checked, table.unconfirmed, table.prices)
        for service, dimensions in self.services.items():
            for dimension in dimensions:
                where = f"services › {service} › {dimension.id}"
                if dimension.price is None:
                    if dimension.checked or dimension.unconfirmed:
                        raise ValueError(
                            f"{where}: its figures are in table {dimension.table}; check them there"
                        )
                    continue
                path = f"services/{service}/{dimension.id}"
                yield _Group(where, path, dimension.checked, dimension.unconfirmed, {"": dimension.price})
        for name, transfer in self.transfer.items():
            yield _Group(
                f"transfer › {name}",
                f"transfer/{name}",
                transfer.checked,
                transfer.unconfirmed,
                {"": transfer.price},
            )

    def _check_confirmation(self) -> set[tuple[str, str, str]]:
        """The figures no reference confirms; each group marked unconfirmed exactly when it has some."""
        unconfirmed: set[tuple[str, str, str]] = set()
        for group in self.groups():
            missing = [figure for figure in group.figures(self.regions) if figure not in self._covered(group)]
            if missing and not group.unconfirmed:
                row, region = missing[0]
                first = f"{row} in {region}" if row else region
                raise ValueError(
                    f"{group.where}: {len(missing)} figure(s) no reference confirms ({first} first): "
                    "check them or mark the group unconfirmed: true"
                )
            if group.unconfirmed and not missing:
                raise ValueError(
                    f"{group.where}: every figure is confirmed, so it cannot be marked unconfirmed"
                )
            unconfirmed.update((group.path, row, region) for row, region in missing)
        return unconfirmed

    def _covered(self, group: _Group, ref: str | None = None) -> set[tuple[str, str]]:
        covered: set[tuple[str, str]] = set()
        for check in group.checked:
            if check.ref not in self.references:
                raise ValueError(f"{group.where}: unknown reference {check.ref!r}")
            unknown = [
                name for name in (*check.regions, *check.rows) if name not in (*self.regions, *group.rows)
            ]
            if unknown or (check.rows and "" in group.rows):
                raise ValueError(
                    f"{group.where}: {check.ref} names {unknown[0] if unknown else 'rows'} it has not"
                )
            if ref is None or check.ref == ref:
                covered.update((row, region) for row in check.rows or group.rows for region in check.regions)
        return covered

    def _check_corrections(self) -> None:
        groups = {group.path: group for group in self.groups()}
        for index, correction in enumerate(self.corrections):
            head, _, row = correction.figure.partition("/")
            path = correction.figure if head != "tables" else f"tables/{row.partition('/')[0]}"
            row = row.partition("/")[2] if head == "tables" else ""
            group = groups.get(path)
            where = f"corrections › {index} › {correction.figure}"
            if group is None or row not in group.rows or correction.region not in self.regions:
                raise ValueError(f"{where}: no such figure in {correction.region}")
            if (row, correction.region) not in self._covered(group, correction.ref):
                raise ValueError(f"{where}: {correction.ref!r} does not confirm it in {correction.region}")

    def confirmed(self, path: str, row: str, region: str) -> bool:
        """Whether a public copy confirms the figure (path as in `groups`, row "" for a per-unit price)."""
        return (path, row, region) not in self._unconfirmed

    def unconfirmed_count(self) -> int:
        return len(self._unconfirmed)

    def _check_source(self, where: str, source: str) -> None:
        if source not in self.sources:
            raise ValueError(f"{where}: unknown source {source!r}")

    def region_index(self, region: str) -> int | None:
        try:
            return self.regions.index(region)
        except ValueError:
            return None


class _Group:
    """One table, dimension or transfer price as the confirmation checks see it."""

    def __init__(
        self,
        where: str,
        path: str,
        checked: tuple[Check, ...],
        unconfirmed: bool,
        rows: dict[str, tuple[float, ...]],
    ) -> None:
        self.where, self.path, self.checked, self.unconfirmed, self.rows = (
            where,
            path,
            checked,
            unconfirmed,
            rows,
        )

    def figures(self, regions: tuple[str, ...]) -> list[tuple[str, str]]:
        return [(row, region) for row in self.rows for region in regions]


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
