"""The alternatives to one service, each with what the design would become: findings, lock-in and cost."""

from __future__ import annotations

from dataclasses import dataclass

from archbuilder.compare.assess import Assessment, assess
from archbuilder.compare.designs import DesignComparison, compare
from archbuilder.compare.whatif import SwapError, SwapResult, aws_alternatives, swap
from archbuilder.model import Architecture
from archbuilder.validation.lockin import RATING_POINTS, score


@dataclass
class WhatIfOption:
    """One alternative: inside AWS a real swap with its comparison; outside AWS the lock-in it would remove."""

    name: str  # catalog name inside AWS, the alternative's name outside
    kind: str  # "aws", or the catalog's alternative kind (open_source, other_cloud, self_hosted, saas)
    type_id: str = ""  # the catalog type a swap uses (inside AWS)
    swap: SwapResult | None = None
    comparison: DesignComparison | None = None
    lockin_after: int | None = None
    note: str = ""


def what_if(architecture: Architecture, node_id: str, base: Assessment | None = None) -> list[WhatIfOption]:
    """Every alternative to the service: the AWS ones first, swapped and compared, then those outside AWS."""
    node = architecture.service(node_id)
    catalog = architecture.catalog
    base = base or assess(architecture)
    found: list[WhatIfOption] = []
    for type_id in aws_alternatives(node.type):
        option = WhatIfOption(catalog.get(type_id).name, "aws", type_id)
        try:
            option.swap = swap(architecture, node_id, type_id)
        except SwapError as exc:
            option.note = str(exc)
        else:
            option.comparison = compare(architecture, option.swap.architecture, before_assessment=base)
            option.lockin_after = option.comparison.lockin_after
            dropped = len(option.swap.dropped)
            if dropped:
                option.note = f"{dropped} connection(s) the new service does not accept would be removed"
        found.append(option)
    outside_lockin = _lockin_without(architecture, node_id)
    for alternative in catalog.get(node.type).lockin.alternatives:
        if alternative.kind == "aws":
            continue
        found.append(
            WhatIfOption(
                alternative.name,
                alternative.kind,
                lockin_after=outside_lockin,
                note="Outside AWS: the design cannot draw it, so findings and cost are not estimated.",
            )
        )
    return found


def _lockin_without(architecture: Architecture, node_id: str) -> int:
    """The design's lock-in score with this service counted as carrying none (it left AWS)."""
    services = score(architecture).services
    points = sum(RATING_POINTS[entry.rating] for entry in services if entry.node_id != node_id)
    return round(100 * points / (3 * len(services))) if services else 0
