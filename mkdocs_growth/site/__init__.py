"""Store + SiteContext -> generated pages and files, renderer-neutral."""
