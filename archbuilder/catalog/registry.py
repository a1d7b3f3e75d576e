"""Looks service types up by id, CloudFormation type, Terraform type and search text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

from archbuilder.catalog.loader import load_entries
from archbuilder.catalog.service_type import ServiceRole, ServiceType


class UnknownServiceType(KeyError):
    def __str__(self) -> str:
        return f"unknown service type {self.args[0]!r}"


class Catalog:
    def __init__(self, services: Iterable[ServiceType]) -> None:
        self._by_id: dict[str, ServiceType] = {}
        self._by_cfn: dict[str, ServiceType] = {}
        self._by_tf: dict[str, ServiceType] = {}
        roles: dict[ServiceRole, set[str]] = {role: set() for role in ServiceRole}
        for service in services:
            for role in service.roles:
                roles[role].add(service.id)
            self._by_id[service.id] = service
            for cfn in service.cfn_types:
                self._by_cfn.setdefault(cfn, service)
            for tf in service.terraform_types:
                self._by_tf.setdefault(tf, service)
        self._by_role = {role: frozenset(ids) for role, ids in roles.items()}

    def __iter__(self) -> Iterator[ServiceType]:
        return iter(sorted(self._by_id.values(), key=lambda s: s.id))

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, type_id: object) -> bool:
        return type_id in self._by_id

    def get(self, type_id: str) -> ServiceType:
        try:
            return self._by_id[type_id]
        except KeyError:
            raise UnknownServiceType(type_id) from None

    def find(self, type_id: str) -> ServiceType | None:
        return self._by_id.get(type_id)

    def by_cfn_type(self, cfn_type: str) -> ServiceType | None:
        """The service whose primary resource is `cfn_type` (first listed wins)."""
        return self._by_cfn.get(cfn_type)

    def by_terraform_type(self, tf_type: str) -> ServiceType | None:
        return self._by_tf.get(tf_type)

    def types_with_role(self, role: ServiceRole) -> frozenset[str]:
        """The ids of the service types that play `role` (read by rules and the graph builder)."""
        return self._by_role[role]

    def search(self, text: str) -> list[ServiceType]:
        """Services whose id, name, short name or an alias contains every word of `text`."""
        words = text.lower().split()
        hits = []
        for service in self:
            haystack = " ".join((service.id, service.name, service.short_name, *service.aliases)).lower()
            if all(word in haystack for word in words):
                hits.append(service)
        return hits


@cache
def default_catalog() -> Catalog:
    """The shipped catalog, loaded and validated once per process."""
    return Catalog(load_entries())
