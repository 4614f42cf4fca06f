"""Store + SiteContext -> generated pages and files, renderer-neutral (no MkDocs here)."""
