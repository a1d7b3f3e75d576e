"""The derived graphs (containment and flow) and the queries rules share."""

from archbuilder.graph.builder import INTERNET, ArchGraph, Placement, build

__all__ = ["INTERNET", "ArchGraph", "Placement", "build"]
