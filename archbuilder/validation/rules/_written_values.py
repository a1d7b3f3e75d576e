"""Property values outside what the catalog offers, as an import keeps them (the template's values are kept as
written): which are past a hard limit AWS states and which only outside the catalog's choices."""

from __future__ import annotations

from typing import Any, cast

from archbuilder.catalog import PropertySpec, check_property_value
from archbuilder.catalog.service_type import PropertyType
from archbuilder.graph import ArchGraph
from archbuilder.model import ServiceNode


def outside_catalog(graph: ArchGraph) -> list[tuple[ServiceNode, PropertySpec, str]]:
    """(service, property, why) for every value the catalog's checks refuse, in graph order; worked out once
    per graph for both rules, judging each distinct value of a property once."""
    cached = graph.memo.get("outside_catalog")
    if cached is not None:
        return cast(list[tuple[ServiceNode, PropertySpec, str]], cached)
    bounded: dict[str, dict[str, PropertySpec]] = {}
    verdicts: dict[tuple[str, str, type, Any], str | None] = {}
    found: list[tuple[ServiceNode, PropertySpec, str]] = []
    for node in graph.services:
        specs = bounded.get(node.type)
        if specs is None:
            specs = bounded[node.type] = _bounded_specs(graph, node.type)
        if not specs:
            continue
        for name, value in node.properties.items():
            spec = specs.get(name)
            if spec is None or value is None:
                continue
            kind = type(value)
            if kind in (str, int, float, bool):
                key = (node.type, name, kind, value)
                if key not in verdicts:
                    verdicts[key] = check_property_value(spec, value)
                problem = verdicts[key]
            else:
                problem = check_property_value(spec, value)
            if problem:
                found.append((node, spec, problem))
    graph.memo["outside_catalog"] = found
    return found


def _bounded_specs(graph: ArchGraph, type_id: str) -> dict[str, PropertySpec]:
    """The properties of a type whose values can fall outside the catalog (a range, choices, a CIDR)."""
    service = graph.catalog.find(type_id)
    if service is None:
        return {}
    return {
        spec.name: spec
        for spec in service.properties
        if spec.minimum is not None
        or spec.maximum is not None
        or spec.values
        or spec.type in (PropertyType.CIDR, PropertyType.INGRESS_RULES)
    }


def is_hard_limit(spec: PropertySpec, problem: str) -> bool:
    """A number past a minimum or maximum that the guides state as AWS's limit (the catalog cites them)."""
    return spec.limit_source is not None and problem.startswith(("must be at most", "must be at least"))


def bounded_types(*, hard: bool) -> tuple[str, ...]:
    """The catalog types with a property that has bounds a value can fall outside: limits AWS sets (`hard`),
    or any range or list of choices."""
    from archbuilder.catalog import default_catalog

    return tuple(
        service.id
        for service in default_catalog()
        if any(
            (spec.limit_source is not None and (spec.minimum is not None or spec.maximum is not None))
            if hard
            else (spec.minimum is not None or spec.maximum is not None or spec.values)
            for spec in service.properties
        )
    )
