"""Property values outside what the catalog offers, as an import keeps them (the template's values are kept as
written): which are past a hard limit AWS states and which only outside the catalog's choices."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, cast

from archbuilder.catalog import PropertySpec, check_property_value
from archbuilder.catalog.service_type import PropertyType
from archbuilder.graph import ArchGraph
from archbuilder.model import ServiceNode


def outside_catalog(graph: ArchGraph) -> list[tuple[ServiceNode, PropertySpec, str]]:
    """(service, property, why) for every value the catalog's checks refuse, in graph order; worked out once
    per graph for both rules. Almost every value is one the catalog offers: a quick test of its kind and range
    passes those, and only the others go through the catalog's full check (at 5,000 services that full check
    on every value was a fifth of validation)."""
    cached = graph.memo.get("outside_catalog")
    if cached is not None:
        return cast(list[tuple[ServiceNode, PropertySpec, str]], cached)
    found: list[tuple[ServiceNode, PropertySpec, str]] = []
    for type_id, nodes in graph.by_type.items():
        specs = _bounded_specs(graph, type_id)
        if not specs:
            continue
        for node in nodes:
            for name, value in node.properties.items():
                entry = specs.get(name)
                if entry is None or value is None:
                    continue
                spec, offered = entry
                if offered is not None and offered(value):
                    continue
                problem = check_property_value(spec, value)
                if problem:
                    found.append((node, spec, problem))
    found.sort(key=lambda item: item[0].id)  # stable: a service's values stay in their order
    graph.memo["outside_catalog"] = found
    return found


Offered = Callable[[Any], bool]


def _bounded_specs(graph: ArchGraph, type_id: str) -> dict[str, tuple[PropertySpec, Offered | None]]:
    """The properties of a type whose values can fall outside the catalog (a range, choices, a CIDR), each with
    a quick test that passes the values the catalog offers (None: only the full check can tell). Rule lists are
    not among them: the model's invariants check them whole whatever the bounds (model/invariants.py), so a
    design never holds one the full check would refuse."""
    service = graph.catalog.find(type_id)
    if service is None:
        return {}
    return {
        spec.name: (spec, _quick_test(spec))
        for spec in service.properties
        if spec.minimum is not None
        or spec.maximum is not None
        or spec.values
        or spec.type is PropertyType.CIDR
    }


def _quick_test(spec: PropertySpec) -> Offered | None:
    """True for a value of the spec's kind inside its range or among its choices (what check_property_value
    accepts); anything else, and every CIDR, goes to the full check."""
    low = spec.minimum if spec.minimum is not None else -math.inf
    high = spec.maximum if spec.maximum is not None else math.inf
    if spec.type is PropertyType.ENUM:
        choices = frozenset(spec.values)
        return lambda value: value.__class__ is str and value in choices
    if spec.type is PropertyType.INTEGER:
        return lambda value: value.__class__ is int and low <= value <= high
    if spec.type is PropertyType.NUMBER:
        return lambda value: (value.__class__ is int or value.__class__ is float) and low <= value <= high
    return None


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
