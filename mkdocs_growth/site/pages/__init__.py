"""One module per family of generated pages (dashboard, indexes, listings...)."""
