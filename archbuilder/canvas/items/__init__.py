"""canvas/items."""
