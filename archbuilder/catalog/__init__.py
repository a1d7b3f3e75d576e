"""The service catalog: AWS service types as data, validated at load."""

from archbuilder.catalog.registry import Catalog, UnknownServiceType, default_catalog
from archbuilder.catalog.service_type import (
    Category,
    Citation,
    ConnectionKind,
    ParentKind,
    Placement,
    PropertySpec,
    PropertyType,
    ServiceRole,
    ServiceType,
    check_property_value,
)

__all__ = [
    "Catalog",
    "Category",
    "Citation",
    "ConnectionKind",
    "ParentKind",
    "Placement",
    "PropertySpec",
    "PropertyType",
    "ServiceRole",
    "ServiceType",
    "UnknownServiceType",
    "check_property_value",
    "default_catalog",
]
