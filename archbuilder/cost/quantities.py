"""How much of a dimension a node uses in a month: the quantity factors of the price table, evaluated."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from archbuilder.cost.presets import ResolvedUsage
from archbuilder.cost.prices import PriceTable
from archbuilder.graph import ArchGraph
from archbuilder.model import ServiceNode

_TEMPLATE = re.compile(r"\{([a-z_0-9]+)(?:\|([^|}]*)\|([^}]*))?\}")
_ALB_CONNECTIONS_PER_LCU = 25  # new connections a second one LCU covers; 1 GB an hour covers one too
_NLB_CONNECTIONS_PER_NLCU = 800
_EC2_FLEETS = {
    "ec2_instance": None,
    "autoscaling_group": "desired_capacity",
    "eks_node_group": "desired_capacity",
}


@dataclass
class NodeContext:
    """What evaluating a node's dimensions may read: the design, its transfer volumes, the property defaults."""

    graph: ArchGraph
    prices: PriceTable
    defaults: dict[str, dict[str, Any]]
    nat_processed: dict[str, float]
    region_of: Callable[[ServiceNode], str]
    _instances_by_region: dict[str, float] | None = field(default=None)

    def prop(self, node: ServiceNode, name: str) -> Any:
        value = node.properties.get(name)
        return self.defaults[node.type].get(name) if value is None else value

    def key(self, node: ServiceNode, template: str) -> str:
        """A table key from a template: {name} is a property, {name|a|b} is a when the property is true, else b."""

        def fill(match: re.Match[str]) -> str:
            value = self.prop(node, match.group(1))
            if match.group(2) is not None:
                return match.group(2) if value is True else match.group(3)
            return str(value)

        return _TEMPLATE.sub(fill, template)

    def instances_in_region(self, region: str) -> float:
        if self._instances_by_region is None:
            counts: dict[str, float] = {}
            for type_id, size in _EC2_FLEETS.items():
                for node in self.graph.by_type.get(type_id, []):
                    place = self.region_of(node)
                    counts[place] = counts.get(place, 0.0) + (
                        float(self.prop(node, size) or 0) if size else 1.0
                    )
            self._instances_by_region = counts
        return self._instances_by_region.get(region, 0.0)


def factor(context: NodeContext, node: ServiceNode, usage: ResolvedUsage, term: str | float) -> float | str:
    """One factor's value, or the reason it has none (a size missing from a table)."""
    if not isinstance(term, str):
        return float(term)
    head, _, rest = term.partition(":")
    if not rest:
        simple = _USAGE_TERMS.get(head)
        return usage.value(simple) if simple else float(head)
    if head == "prop":
        name, _, divisor = rest.partition("/")
        return float(context.prop(node, name) or 0) / (float(divisor) if divisor else 1.0)
    if head == "double_if":
        return 2.0 if context.prop(node, rest) is True else 1.0
    if head == "replicas":
        return 1.0 + len(context.prop(node, rest) or [])
    if head == "assume":
        return float(usage.assumptions.get(rest, 0.0))
    if head == "lookup":
        table_name, _, template = rest.partition(":")
        key = context.key(node, template)
        row = context.prices.tables[table_name].prices.get(key)
        return float(row[0]) if row is not None else f"{key} is not in the table {table_name}"
    return COMPUTED[rest](context, node, usage)


_USAGE_TERMS = {
    "hours": "hours_per_month",
    "requests": "requests_per_month",
    "gb_stored": "gb_stored",
    "gb_transferred": "gb_transferred",
}


def _per_hour(total: float, hours: float) -> float:
    return total / hours if hours > 0 else 0.0


def alb_lcu_hours(context: NodeContext, node: ServiceNode, usage: ResolvedUsage) -> float:
    hours = usage.hours_per_month
    gb_an_hour = _per_hour(usage.gb_transferred, hours)
    connections_a_second = _per_hour(usage.requests_per_month, hours) / 3600
    return hours * max(gb_an_hour, connections_a_second / _ALB_CONNECTIONS_PER_LCU)


def nlb_lcu_hours(context: NodeContext, node: ServiceNode, usage: ResolvedUsage) -> float:
    hours = usage.hours_per_month
    gb_an_hour = _per_hour(usage.gb_transferred, hours)
    connections_a_second = _per_hour(usage.requests_per_month, hours) / 3600
    return hours * max(gb_an_hour, connections_a_second / _NLB_CONNECTIONS_PER_NLCU)


def lambda_gb_seconds(context: NodeContext, node: ServiceNode, usage: ResolvedUsage) -> float:
    seconds = usage.assumptions.get("duration_ms", 0.0) / 1000
    return usage.requests_per_month * seconds * float(context.prop(node, "memory_mb") or 0) / 1024


def aurora_acu_hours(context: NodeContext, node: ServiceNode, usage: ResolvedUsage) -> float:
    low, high = (
        float(context.prop(node, "min_capacity_acu") or 0),
        float(context.prop(node, "max_capacity_acu") or 0),
    )
    return usage.hours_per_month * (low + high) / 2 * float(context.prop(node, "instance_count") or 1)


def nat_processed_gb(context: NodeContext, node: ServiceNode, usage: ResolvedUsage) -> float:
    return usage.gb_transferred + context.nat_processed.get(node.id, 0.0)


def transit_gateway_attachments(context: NodeContext, node: ServiceNode, usage: ResolvedUsage) -> float:
    return float(max(1, len(context.graph.connections_of(node.id))))


def subnets_spanned(context: NodeContext, node: ServiceNode, usage: ResolvedUsage) -> float:
    return float(max(1, len(set(context.graph.placements[node.id].zones))))


def ec2_instances_in_region(context: NodeContext, node: ServiceNode, usage: ResolvedUsage) -> float:
    return context.instances_in_region(context.region_of(node))


Computed = Callable[[NodeContext, ServiceNode, ResolvedUsage], float]
COMPUTED: dict[str, Computed] = {
    "alb_lcu_hours": alb_lcu_hours,
    "nlb_lcu_hours": nlb_lcu_hours,
    "lambda_gb_seconds": lambda_gb_seconds,
    "aurora_acu_hours": aurora_acu_hours,
    "nat_processed_gb": nat_processed_gb,
    "transit_gateway_attachments": transit_gateway_attachments,
    "subnets_spanned": subnets_spanned,
    "ec2_instances_in_region": ec2_instances_in_region,
}
