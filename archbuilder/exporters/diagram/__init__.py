"""diagram exporter."""
