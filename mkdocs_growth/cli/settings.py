"""The site's config and pages as MkDocs reads them, for the commands.

The CLI loads ``mkdocs.yml`` with MkDocs' own loader and validation
(``INHERIT``, ``!ENV``, ``!relative``, every option checked as ``mkdocs build``
checks it, the ``growth`` options by the plugin itself) and finds the pages
with MkDocs' own discovery (:mod:`mkdocs_growth.discovery`), so a command and
a build see the same pages and options by construction.

One difference, on purpose: a plugin, theme or Markdown extension the config
names that is not installed here (a Zensical user's config may list
Material's plugins) is left out with a note, rather than making every
command fail; ``mkdocs build`` needs it, growth does not.
"""

from __future__ import annotations

import contextlib
import copy
import os
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from ..core.framework import LoadedFramework, open_framework
from ..core.options import GrowthConfig, OptionsError, parse_options
from ..discovery import Found, mkdocs_warnings, store_paths


class SettingsError(Exception):
    """The config file cannot be used; the message says why (CLI exit 2)."""


@dataclass(frozen=True)
class Settings:
    config_file: str
    docs_dir: str
    site_dir: str
    site_url: str | None
    site_name: str
    use_directory_urls: bool
    growth: GrowthConfig
    plugin_enabled: bool
    # names under `markdown_extensions` (templates pick syntax the site can render)
    markdown_extensions: frozenset[str] = frozenset()
    nav: Any = None  # MkDocs' `nav` as written (the audience check reads its links)
    framework: LoadedFramework | None = None  # the `framework` file, when configured
    mkdocs: MkDocsConfig | None = field(default=None, repr=False, compare=False)
    # what MkDocs warned about the config (a build under --strict fails on each)
    config_warnings: tuple[str, ...] = ()
    # what the config names that is not installed here, as "plugin 'x'" or "theme 'y'"
    # (left out, with a note)
    not_installed: tuple[str, ...] = ()

    def framework_path(self, path: str) -> str | None:
        """The framework file's path from here, when ``path`` (a problem's) names it."""
        if self.growth.framework is None or path != self.growth.framework:
            return None
        return os.path.join(os.path.dirname(self.config_file), path)

    def pages(self, docs_dir: str | None = None) -> Found:
        """The pages and files ``mkdocs build`` finds in docs_dir (or in another folder
        with this config), and what MkDocs warned while finding them."""
        if self.mkdocs is None:
            raise ValueError("settings without a loaded MkDocs config")
        config = self.mkdocs
        if docs_dir is not None and os.path.abspath(docs_dir) != config.docs_dir:
            config = copy.copy(config)
            config.data = {**config.data, "docs_dir": os.path.abspath(docs_dir)}
        return store_paths(config)


CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")  # the names MkDocs looks for, in its order


def find_config(start: str) -> str | None:
    """The config file in ``start`` or the nearest parent folder (run from inside docs/)."""
    folder = os.path.abspath(start)
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


_NOT_INSTALLED = re.compile(r'The "(?P<name>[^"]+)" plugin is not installed')
_NO_THEME = "Unrecognised theme name: '"
_NO_EXTENSION = re.compile(r"Failed to load extension '(?P<name>[^']+)'\.")
# Things a config names that this machine may lack; (kind, name) as the note says them.
Missing = tuple[str, str]


def load_settings(config_file: str, *, create_docs_dir: bool = False) -> Settings:
    """``config_file`` loaded and validated by MkDocs, with the growth options it holds.

    ``create_docs_dir``: a docs_dir that does not exist yet is made (``new`` in a
    new store), and removed again when the config has another error.
    """
    skipped: list[Missing] = []
    raw_plugins: Any = None
    created: str | None = None
    for _ in range(256):  # each round leaves out one plugin, extension or theme missing here
        config, raw_plugins = _read(config_file, skipped)
        errors, warnings, heard = _validate(config, config_file)
        missing = _not_installed(errors)
        if missing is not None and missing not in skipped:
            skipped.append(missing)
        elif create_docs_dir and created is None and _docs_dir_missing(config, errors):
            created = os.path.join(os.path.dirname(config.config_file_path), config["docs_dir"])
            try:
                os.makedirs(created)
            except OSError:
                break  # MkDocs' own message says the folder is missing
        else:
            break
    if errors and created is not None:
        with contextlib.suppress(OSError):
            os.rmdir(created)
    if errors:
        raise SettingsError(
            "\n".join(f"{config_file}: {key}: {_one_line(str(msg))}" for key, msg in errors)
        )
    enabled, growth, framework = _growth(config, config_file, raw_plugins)
    return Settings(
        config_file=config_file,
        docs_dir=config.docs_dir,
        site_dir=config.site_dir,
        site_url=config.site_url or None,
        site_name=str(config.site_name or ""),
        use_directory_urls=bool(config.use_directory_urls),
        growth=growth,
        plugin_enabled=enabled,
        # the site's extensions, those missing here too: the build that renders has them
        markdown_extensions=frozenset(
            [e for e in config.markdown_extensions if isinstance(e, str)]
            + [name for kind, name in skipped if kind == EXTENSION]
        ),
        nav=config.nav,
        framework=framework,
        mkdocs=config,
        config_warnings=(*(f"{key}: {msg}" for key, msg in warnings), *heard),
        not_installed=tuple(f"{kind} {name!r}" for kind, name in skipped),
    )


def _validate(
    config: MkDocsConfig, config_file: str
) -> tuple[list[tuple[str, Exception]], list[tuple[str, str]], list[str]]:
    """MkDocs' validation: errors, warnings, and what it logged as warnings meanwhile."""
    try:
        with mkdocs_warnings() as heard:
            errors, warnings = config.validate()
    except Exception as exc:  # a plugin's or extension's own code may raise anything
        raise SettingsError(
            f"{config_file}: MkDocs cannot load this config: {type(exc).__name__}: {exc}"
        ) from None
    return errors, warnings, heard


def _read(config_file: str, skipped: list[Missing]) -> tuple[MkDocsConfig, Any]:
    """The file as MkDocs loads it (not validated yet), without what ``skipped`` names;
    and the ``plugins`` value as written (MkDocs' validation consumes it)."""
    path = os.path.abspath(config_file)
    config = MkDocsConfig(config_file_path=path)
    try:
        with open(path, "rb") as handle:
            data = yaml_load(handle, get_yaml_loader(config=config))
    except OSError as exc:
        raise SettingsError(f"{config_file}: cannot read config file: {exc.strerror}") from None
    except ConfigurationError as exc:
        hint = (
            " (install the packages the site is built with: the config is loaded as MkDocs"
            " loads it)"
            if "cannot find module" in str(exc)
            else ""
        )
        raise SettingsError(f"{config_file}: {_one_line(str(exc))}{hint}") from None
    except RecursionError:
        raise SettingsError(f"{config_file}: INHERIT makes a cycle") from None
    except (ValueError, TypeError, OverflowError) as exc:  # a value PyYAML cannot construct
        raise SettingsError(f"{config_file}{_bad_value(path, exc)}") from None
    if not isinstance(data, dict):
        raise SettingsError(f"{config_file}: the config must be a mapping of settings")
    for kind, name in skipped:
        if kind == "theme":
            data["theme"] = "mkdocs"
        else:
            key = "plugins" if kind == "plugin" else "markdown_extensions"
            data[key] = _without(data.get(key), name)
    config.load_dict(data)
    return config, copy.deepcopy(data.get("plugins"))


EXTENSION = "Markdown extension"


def _not_installed(errors: list[tuple[str, Exception]]) -> Missing | None:
    """The plugin, theme or Markdown extension MkDocs stopped at because it is not
    installed here (an extension that is installed but misconfigured is a real error)."""
    if len(errors) != 1:
        return None
    key, exc = errors[0]
    text = str(exc)
    if key == "theme" and text.startswith(_NO_THEME):
        return "theme", text[len(_NO_THEME) :].split("'", 1)[0]
    if key == "plugins" and (match := _NOT_INSTALLED.fullmatch(text)):
        return "plugin", match["name"]
    missing_module = (
        text.rstrip().splitlines()[-1].startswith(("ModuleNotFoundError", "ImportError"))
    )
    if key == "markdown_extensions" and missing_module and (match := _NO_EXTENSION.match(text)):
        return EXTENSION, match["name"]
    return None


def _docs_dir_missing(config: MkDocsConfig, errors: list[tuple[str, Exception]]) -> bool:
    docs_dir = config.get("docs_dir")
    if [key for key, _ in errors] != ["docs_dir"] or not isinstance(docs_dir, str):
        return False
    return not os.path.lexists(os.path.join(os.path.dirname(config.config_file_path), docs_dir))


def _without(items: Any, name: str) -> Any:
    """A ``plugins`` or ``markdown_extensions`` setting without the entry ``name``
    (written bare, as a one-key mapping, or, for a plugin, with a leading /)."""

    def name_of(item: Any) -> Any:
        found = next(iter(item), None) if isinstance(item, dict) and len(item) == 1 else item
        return found[1:] if isinstance(found, str) and found.startswith("/") else found

    if isinstance(items, dict):
        return {k: v for k, v in items.items() if name_of(k) != name}
    if isinstance(items, list):
        return [item for item in items if name_of(item) != name]
    return items


def _growth(
    config: MkDocsConfig, config_file: str, raw_plugins: Any
) -> tuple[bool, GrowthConfig, LoadedFramework | None]:
    """The growth plugin's options as the plugin itself read them, when it is enabled;
    its options as written when it is listed but disabled; else the defaults."""
    plugin = config.plugins.get("growth")
    if plugin is not None:
        return True, plugin.growth, plugin.framework  # type: ignore[attr-defined]
    options = _written_options(raw_plugins)
    options.pop("enabled", None)  # MkDocs' generic switch, checked by MkDocs already
    base = os.path.dirname(os.path.abspath(config_file))
    try:
        growth = parse_options(options)
        return False, growth, open_framework(growth, base)
    except OptionsError as exc:
        lines = "; ".join(f"option '{key}': {msg}" for key, msg in exc.errors)
        raise SettingsError(f"{config_file}: plugin 'growth': {lines}") from None


def _written_options(plugins: Any) -> dict[str, Any]:
    items = plugins.items() if isinstance(plugins, dict) else []
    if isinstance(plugins, list):
        items = [next(iter(i.items())) if isinstance(i, dict) else (i, {}) for i in plugins if i]
    for name, options in items:
        if name in ("growth", "/growth"):
            return dict(options) if isinstance(options, dict) else {}
    return {}


def _bad_value(path: str, exc: Exception) -> str:
    """``:LINE: what`` for the first scalar PyYAML cannot construct (``2026-02-30``)."""
    try:
        with open(path, "rb") as handle:
            node = yaml.compose(handle, Loader=get_yaml_loader())
    except Exception:  # the file itself is what the message is about
        node = None
    stack = [node] if node is not None else []
    while stack:
        item = stack.pop()
        if isinstance(item, yaml.MappingNode):
            stack.extend(v for pair in reversed(item.value) for v in reversed(pair))
        elif isinstance(item, yaml.SequenceNode):
            stack.extend(reversed(item.value))
        elif isinstance(item, yaml.ScalarNode) and item.tag.endswith(":timestamp"):
            try:
                yaml.SafeLoader("").construct_yaml_timestamp(item)
            except (ValueError, OverflowError):
                line = item.start_mark.line + 1
                return f":{line}: {item.value!r} is not a date: {exc}"
    return f": a value cannot be read: {exc}"


def _one_line(text: str) -> str:
    return " ".join(text.split())
