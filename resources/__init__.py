"""Runtime data shipped with archbuilder: catalog, examples, icons, schema."""
