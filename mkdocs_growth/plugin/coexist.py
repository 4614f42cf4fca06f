"""What growth needs to know about other MkDocs plugins to work beside them.

Kept to the few facts no public interface gives; each one names the plugin
behaviour it answers (docs/reference/compatibility.md lists the plugins
tested, and the compatibility suite in tests/compat proves each fact).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from ..core.folder_meta import META_FILE

# mkdocs-static-i18n rebuilds the file list from the pages whose source is in
# docs_dir (its issue 263), and builds each further language into a folder
# named after it.
I18N = "i18n"


def i18n_language_folder(config: MkDocsConfig) -> str:
    """The folder mkdocs-static-i18n builds the current language into ("" for the default)."""
    plugin = config.plugins.get(I18N)
    current = getattr(plugin, "current_language", None)
    default = getattr(plugin, "default_language", None)
    return current if isinstance(current, str) and current and current != default else ""


# Material's meta plugin merges `.meta.yml` files (its `meta_file` option) into the
# metadata of every page below them: `visibility: private` can be set for a folder.
META = "material/meta"


def meta_file_names(config: MkDocsConfig) -> frozenset[str]:
    """The names of folder metadata files: the default, and the meta plugin's if it has another."""
    plugin = config.plugins.get(META)
    name = getattr(getattr(plugin, "config", None), "meta_file", None)
    return frozenset({META_FILE, name} if isinstance(name, str) and name else {META_FILE})
