"""mkdocs-growth: career growth as code.

The engine (load -> validate -> index/score -> render) is plain Python over
pydantic models and never imports MkDocs; ``plugin.py`` adapts it to MkDocs
and ``cli.py`` to the terminal.
"""

__version__ = "0.1.0"
