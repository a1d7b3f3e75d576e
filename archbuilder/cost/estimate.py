"""The cost model: a design's monthly cost per node and dimension, its transfer, and the free tier apart."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from archbuilder.catalog import Catalog
from archbuilder.cost.presets import ResolvedUsage, UsagePresets, UsageResolver
from archbuilder.cost.prices import Dimension, PriceTable, default_prices
from archbuilder.cost.quantities import NodeContext, factor
from archbuilder.cost.transfer import TransferVolumes, derive
from archbuilder.graph import ArchGraph, build
from archbuilder.model import Architecture, ServiceNode, SubnetTier
from archbuilder.model.usage import Scenario

TRANSFER = "data_transfer"
TIERS = ("Public subnets", "Private subnets", "Regional services", "Global services", "Data transfer")


@dataclass(slots=True)  # not frozen: a frozen dataclass costs ~2 µs more per line, and a design has thousands
class CostLine:
    """One billing dimension of one node (or of the design's data transfer) for a month; read-only by convention."""

    node_id: str  # "" for the design's data transfer
    service_type: str
    dimension: str
    label: str
    unit: str
    quantity: float
    unit_price: float | None  # None: the table has no price for it (see note)
    monthly: float
    region: str
    source: str
    note: str = ""
    confirmed: bool = (
        True  # False: the unit price is a figure no public copy has confirmed yet (see the table)
    )
    figure: str = (
        ""  # where the unit price is in the table: tables/<table>/<row>, services/<type>/<dimension> …
    )

    @property
    def priced(self) -> bool:
        return self.unit_price is not None


@dataclass(frozen=True, slots=True)
class FreeTierLine:
    """What the always-free tier would take off a dimension across the design; shown apart, never subtracted."""

    service_type: str
    dimension: str
    label: str
    allowance: float
    unit: str
    quantity: float
    monthly: float


@dataclass
class CostEstimate:
    scenario: Scenario
    table_version: str
    currency: str
    lines: list[CostLine]
    free_tier: list[FreeTierLine]
    free_services: dict[str, str]  # node id -> why it carries no charge
    not_priced: dict[str, str]  # node id -> why the table cannot price it
    tiers: dict[str, str] = field(default_factory=dict)  # node id -> tier

    @property
    def total(self) -> float:
        return sum(line.monthly for line in self.lines)

    @property
    def free_tier_total(self) -> float:
        return sum(line.monthly for line in self.free_tier)

    @property
    def unpriced_lines(self) -> list[CostLine]:
        return [line for line in self.lines if not line.priced]

    @property
    def unconfirmed_lines(self) -> list[CostLine]:
        """Priced lines whose unit price no dated public copy has confirmed (the table marks it unconfirmed)."""
        return [line for line in self.lines if line.priced and not line.confirmed]

    def by_node(self) -> dict[str, float]:
        totals: dict[str, float] = defaultdict(float)
        for line in self.lines:
            if line.node_id:
                totals[line.node_id] += line.monthly
        return dict(totals)

    def node_lines(self, node_id: str) -> list[CostLine]:
        return [line for line in self.lines if line.node_id == node_id]

    def by_tier(self) -> dict[str, float]:
        totals = dict.fromkeys(TIERS, 0.0)
        for line in self.lines:
            totals[self.tiers.get(line.node_id, "Data transfer")] += line.monthly
        return totals

    def by_service_type(self) -> dict[str, float]:
        totals: dict[str, float] = defaultdict(float)
        for line in self.lines:
            totals[line.service_type] += line.monthly
        return dict(totals)


def estimate(
    architecture: Architecture,
    scenario: Scenario = Scenario.EXPECTED,
    prices: PriceTable | None = None,
    presets: UsagePresets | None = None,
    graph: ArchGraph | None = None,
) -> CostEstimate:
    """The month's cost of the design in a scenario, from the price table and the usage it states or presets."""
    prices = prices or default_prices()
    graph = graph or build(architecture)
    default_region = architecture.metadata.default_region
    resolver = UsageResolver(scenario, architecture.design_usage, presets)
    usages = {node.id: resolver(node) for node in graph.services}
    defaults = _defaults(architecture.catalog, graph)

    def region_of(node: ServiceNode) -> str:
        return graph.placements[node.id].region or default_region

    def prop(node: ServiceNode, name: str) -> object:
        value = node.properties.get(name)
        return defaults[node.type].get(name) if value is None else value

    volumes = derive(graph, lambda node: usages[node.id].gb_transferred, prop)
    context = NodeContext(graph, prices, defaults, volumes.nat_processed, region_of)
    result = CostEstimate(scenario, prices.version, prices.currency, [], [], {}, {})
    lines = _LineMaker(context)
    tiers: dict[int, str] = {}
    for node in graph.services:
        place = graph.placements[node.id]
        tier = tiers.get(id(place))
        if tier is None:
            tier = tiers[id(place)] = _tier(graph, node)
        result.tiers[node.id] = tier
        if node.type in prices.free:
            result.free_services[node.id] = prices.free[node.type]
            continue
        dimensions = prices.services.get(node.type)
        if dimensions is None:
            result.not_priced[node.id] = prices.not_priced.get(
                node.type, f"{node.type} has no prices in the table"
            )
            continue
        result.lines.extend(lines.lines(node, usages[node.id], dimensions, region_of(node)))
    result.lines.extend(_transfer_lines(prices, volumes))
    result.free_tier = _free_tier(prices, result.lines)
    return result


# Factors whose value depends on the node itself, not only on its type, properties, usage and region.
_NODE_SPECIFIC = (
    "computed:nat_processed_gb",
    "computed:subnets_spanned",
    "computed:transit_gateway_attachments",
)


class _LineMaker:
    """Nodes alike (same type, same properties the type's dimensions read, same usage and region) are priced once,
    their lines copied: a design repeats a handful of configurations many times."""

    def __init__(self, context: NodeContext) -> None:
        self.context = context
        self._reads: dict[str, tuple[str, ...] | None] = {}  # type -> properties read; None: node-specific
        self._memo: dict[tuple[object, ...], list[CostLine]] = {}

    def lines(
        self, node: ServiceNode, usage: ResolvedUsage, dimensions: tuple[Dimension, ...], region: str
    ) -> list[CostLine]:
        if node.type in self._reads:
            reads = self._reads[node.type]
        else:
            reads = self._reads[node.type] = _properties_read(dimensions)
        if reads is None:
            return self._price(node, usage, dimensions, region)
        prop = self.context.prop
        key = (node.type, id(usage), region, *[_hashable(prop(node, name)) for name in reads])
        template = self._memo.get(key)
        if template is None:
            template = self._memo[key] = self._price(node, usage, dimensions, region)
        node_id = node.id
        return [
            CostLine(
                node_id,
                line.service_type,
                line.dimension,
                line.label,
                line.unit,
                line.quantity,
                line.unit_price,
                line.monthly,
                line.region,
                line.source,
                line.note,
                line.confirmed,
                line.figure,
            )
            for line in template
        ]

    def _price(
        self, node: ServiceNode, usage: ResolvedUsage, dimensions: tuple[Dimension, ...], region: str
    ) -> list[CostLine]:
        found = (_line(self.context, node, usage, dimension, region) for dimension in dimensions)
        return [line for line in found if line is not None]


def _properties_read(dimensions: tuple[Dimension, ...]) -> tuple[str, ...] | None:
    """The properties a type's dimensions read, or None when a dimension depends on the node itself."""
    names: list[str] = []
    for dimension in dimensions:
        names.extend(dimension.when)
        for term in dimension.quantity:
            if not isinstance(term, str):
                continue
            if term in _NODE_SPECIFIC:
                return None
            head, _, rest = term.partition(":")
            if head in ("prop", "double_if", "replicas"):
                names.append(rest.split("/")[0])
            elif head in ("lookup", "computed"):
                names.extend(re.findall(r"\{([a-z_0-9]+)", rest) or _COMPUTED_READS.get(rest, ()))
        names.extend(re.findall(r"\{([a-z_0-9]+)", dimension.key or ""))
    return tuple(sorted(set(names)))


_COMPUTED_READS = {
    "lambda_gb_seconds": ("memory_mb",),
    "aurora_acu_hours": ("min_capacity_acu", "max_capacity_acu", "instance_count"),
}


def _hashable(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


def _defaults(catalog: Catalog, graph: ArchGraph) -> dict[str, dict[str, object]]:
    return {type_id: catalog.get(type_id).defaults() for type_id in graph.by_type}


def _tier(graph: ArchGraph, node: ServiceNode) -> str:
    place = graph.placements[node.id]
    if SubnetTier.PRIVATE in place.tiers:
        return "Private subnets"
    if SubnetTier.PUBLIC in place.tiers:
        return "Public subnets"
    return "Regional services" if place.region else "Global services"


def _applies(context: NodeContext, node: ServiceNode, dimension: Dimension) -> bool:
    for name, wanted in dimension.when.items():
        value = context.prop(node, name)
        if value not in wanted if isinstance(wanted, list) else value != wanted:
            return False
    return True


def _line(
    context: NodeContext, node: ServiceNode, usage: ResolvedUsage, dimension: Dimension, region: str
) -> CostLine | None:
    if not _applies(context, node, dimension):
        return None
    quantity, missing = 1.0, ""
    for term in dimension.quantity:
        value = factor(context, node, usage, term)
        if isinstance(value, str):
            missing = value
            continue
        quantity *= value
    quantity /= dimension.per
    price, note, confirmed, figure = _unit_price(context, node, dimension, region)
    if missing:
        price, note = None, missing
    return CostLine(
        node_id=node.id,
        service_type=node.type,
        dimension=dimension.id,
        label=dimension.label,
        unit=dimension.unit,
        quantity=quantity,
        unit_price=price,
        monthly=quantity * price if price is not None else 0.0,
        region=region,
        source=dimension.source,
        note=note,
        confirmed=confirmed,
        figure=figure,
    )


def _unit_price(
    context: NodeContext, node: ServiceNode, dimension: Dimension, region: str
) -> tuple[float | None, str, bool, str]:
    """The unit price, why there is none, whether a public copy confirms it, and where it is in the table."""
    prices = context.prices
    index = prices.region_index(region)
    if index is None:
        return None, f"the price table has no prices for {region}", True, ""
    if dimension.price is not None:
        path = f"services/{node.type}/{dimension.id}"
        return dimension.price[index], "", prices.confirmed(path, "", region), path
    assert dimension.table is not None and dimension.key is not None
    key = context.key(node, dimension.key)
    row = prices.tables[dimension.table].prices.get(key)
    if row is None:
        return (
            None,
            f"{key} is not in the price table ({dimension.table}, version {prices.version})",
            True,
            "",
        )
    path = f"tables/{dimension.table}"
    return row[index], "", prices.confirmed(path, key, region), f"{path}/{key}"


def _transfer_lines(prices: PriceTable, volumes: TransferVolumes) -> list[CostLine]:
    lines = []
    for name, by_region in (
        ("internet_out", volumes.internet_out),
        ("cross_az", volumes.cross_az),
        ("cross_region", volumes.cross_region),
    ):
        transfer = prices.transfer[name]
        for region in sorted(by_region):
            gb = by_region[region]
            if gb <= 0:
                continue
            index = prices.region_index(region)
            price = transfer.price[index] if index is not None else None
            lines.append(
                CostLine(
                    node_id="",
                    service_type=TRANSFER,
                    dimension=name,
                    label=f"{transfer.label} ({region})",
                    unit=transfer.unit,
                    quantity=gb,
                    unit_price=price,
                    monthly=gb * price if price is not None else 0.0,
                    region=region,
                    source=transfer.source,
                    note="" if price is not None else f"the price table has no prices for {region}",
                    confirmed=prices.confirmed(f"transfer/{name}", "", region),
                    figure=f"transfer/{name}" if price is not None else "",
                )
            )
    return lines


def _free_tier(prices: PriceTable, lines: list[CostLine]) -> list[FreeTierLine]:
    """The free tier is per account, so an allowance is shared by every node of a type, taken in line order."""
    allowances: dict[tuple[str, str], tuple[str, float]] = {}
    for service_type, dimensions in prices.services.items():
        for dimension in dimensions:
            if dimension.free_tier:
                allowances[(service_type, dimension.id)] = (dimension.label, dimension.free_tier)
    for name, transfer in prices.transfer.items():
        if transfer.free_tier:
            allowances[(TRANSFER, name)] = (transfer.label, transfer.free_tier)
    used: dict[tuple[str, str], list[float]] = {}
    units: dict[tuple[str, str], str] = {}
    for line in lines:
        key = (line.service_type, line.dimension)
        if key not in allowances or line.unit_price is None:
            continue
        allowance = allowances[key][1]
        taken = used.setdefault(key, [0.0, 0.0])
        free = min(line.quantity, allowance - taken[0])
        if free > 0:
            taken[0] += free
            taken[1] += free * line.unit_price
        units[key] = line.unit
    return [
        FreeTierLine(key[0], key[1], allowances[key][0], allowances[key][1], units[key], taken[0], taken[1])
        for key, taken in sorted(used.items())
        if taken[0] > 0
    ]
