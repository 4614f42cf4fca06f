"""mkdocs-growth: career growth as code.

The engine (load -> validate -> index/score -> render) is plain Python over
pydantic models and never imports MkDocs; the ``plugin`` package adapts
it to MkDocs and ``cli`` to the terminal.
"""

__version__ = "0.1.0"
