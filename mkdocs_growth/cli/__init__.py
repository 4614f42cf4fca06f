"""``mkdocs-growth``: one module per subcommand, :mod:`.common` for what they share."""

from .main import main, run

__all__ = ["main", "run"]
