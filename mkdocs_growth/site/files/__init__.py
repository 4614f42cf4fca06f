"""Generated files that are not pages: growth.json, its JSON Schema, the Atom feed."""
