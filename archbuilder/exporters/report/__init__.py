"""report exporter."""
