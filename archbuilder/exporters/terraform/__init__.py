"""terraform exporter."""
