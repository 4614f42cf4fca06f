"""Generated files that are not pages: growth.json, its schema, the Atom feed."""
