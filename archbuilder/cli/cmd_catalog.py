"""`archbuilder catalog [--format text|json]`: the service types archbuilder knows."""

from __future__ import annotations

import argparse
import json
from typing import Any

from archbuilder.catalog import ServiceType, default_catalog


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("catalog", help="list the AWS services in the catalog")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=run)


def service_summary(service: ServiceType) -> dict[str, Any]:
    return {
        "id": service.id,
        "name": service.name,
        "short_name": service.short_name,
        "category": service.category.value,
        "placement": service.placement.value,
        "allowed_parents": [kind.value for kind in service.allowed_parents],
        "cfn_types": list(service.cfn_types),
        "terraform_types": list(service.terraform_types),
        "accepts": [kind.value for kind in service.accepts],
        "lockin": {
            "rating": service.lockin.rating,
            "rationale": service.lockin.rationale,
            "alternatives": [alt.model_dump() for alt in service.lockin.alternatives],
            "source": service.lockin.source.to_json(),
        },
        "tips": [{"text": tip.text, "source": tip.source.to_json()} for tip in service.tips],
    }


def run(args: argparse.Namespace) -> int:
    catalog = default_catalog()
    if args.format == "json":
        print(json.dumps([service_summary(s) for s in catalog], indent=2, ensure_ascii=False))
        return 0
    by_category: dict[str, list[ServiceType]] = {}
    for service in catalog:
        by_category.setdefault(service.category.value, []).append(service)
    for category in sorted(by_category):
        print(category.replace("_", " ").capitalize())
        for service in sorted(by_category[category], key=lambda s: s.name):
            cfn = service.cfn_types[0] if service.cfn_types else "-"
            print(
                f"  {service.id:<28} {service.name:<44} {service.placement.value:<22} "
                f"lock-in {service.lockin.rating:<6} {cfn}"
            )
        print()
    print(f"{len(catalog)} services")
    return 0
