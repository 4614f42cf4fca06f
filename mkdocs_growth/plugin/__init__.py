"""The MkDocs adapter: config class, events, and where growth's HTML goes into a page."""

from .events import GrowthPlugin

__all__ = ["GrowthPlugin"]
