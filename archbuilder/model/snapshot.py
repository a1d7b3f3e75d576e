"""A copy of a design to read in another thread while the original is edited: nodes, connections and
annotations are immutable, so the copy shares them and only copies the maps holding them (milliseconds for
thousands of services, where a copy through JSON takes a second). The metadata is the one part edited in place,
so it is copied."""

from __future__ import annotations

from archbuilder.model.architecture import Architecture


def snapshot(architecture: Architecture) -> Architecture:
    """The design as it is now, in an Architecture of its own that no edit of the original reaches. Nothing
    listens to its events; reading it (validation, cost) is all it is for."""
    copy = Architecture(catalog=architecture.catalog, metadata=architecture.metadata.model_copy())
    copy._nodes.update(architecture._nodes)
    copy._children.clear()  # the same dict object: the copy's invariants hold it
    copy._children.update({parent: list(children) for parent, children in architecture._children.items()})
    copy._connections.update(architecture._connections)
    copy._connection_keys.update(architecture._connection_keys)
    copy._load_sections(list(architecture.suppressions), dict(architecture.rule_settings))
    copy.template = architecture.template
    copy.design_usage = architecture.design_usage
    copy.imported = architecture.imported
    for annotation in architecture.annotations.items.values():
        copy.annotations.add(annotation)
    return copy
