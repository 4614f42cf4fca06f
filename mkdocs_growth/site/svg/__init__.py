"""The growth pictures as inline SVG: pure functions from :mod:`~mkdocs_growth.practice.pictures`
data to escaped HTML fragments (no JavaScript, theme colours, a text equivalent each)."""
