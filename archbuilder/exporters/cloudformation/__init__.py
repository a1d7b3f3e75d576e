"""cloudformation exporter."""
