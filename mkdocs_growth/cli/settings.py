"""Read the store location and ``growth`` options from an ``mkdocs.yml`` without MkDocs.

The CLI must work where MkDocs is not the site generator, so this reads the
YAML itself: MkDocs' ``!ENV`` tag is honoured, any other tag (``!relative``,
``!!python/name:`` used by Markdown extensions) is read as inert data.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import yaml

from ..core.framework import LoadedFramework, open_framework
from ..core.options import GrowthConfig, OptionsError, parse_options

try:
    from yaml import CSafeLoader as _Base
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Base  # type: ignore[assignment]


class SettingsError(Exception):
    """The config file cannot be used; the message says why (CLI exit 2)."""


class _ConfigLoader(_Base):  # type: ignore[misc,valid-type]
    pass


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        items = loader.construct_sequence(node)  # type: ignore[arg-type]
        names, default = items[:-1], items[-1] if len(items) > 1 else None
    for name in names:
        if isinstance(name, str) and name in os.environ:
            return yaml.safe_load(os.environ[name])
    return default


def _inert(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_scalar(node)  # type: ignore[arg-type]


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("", _inert)


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

    def framework_path(self, path: str) -> str | None:
        """The framework file's path from here, when ``path`` (a problem's) names it."""
        if self.growth.framework is None or path != self.growth.framework:
            return None
        return os.path.join(os.path.dirname(self.config_file), path)


def _growth_options(plugins: Any) -> tuple[bool, Any]:
    if isinstance(plugins, dict):
        for name, options in plugins.items():
            if name == "growth":
                return True, options
    if isinstance(plugins, list):
        for item in plugins:
            if item == "growth":
                return True, {}
            if isinstance(item, dict) and "growth" in item:
                return True, item["growth"]
    return False, {}


def _read(config_file: str, chain: tuple[str, ...] = ()) -> dict[str, Any]:
    """One config file as a mapping, its ``INHERIT`` parent merged in as MkDocs does."""
    try:
        with open(config_file, encoding="utf-8-sig") as handle:
            raw = yaml.load(handle, Loader=_ConfigLoader)
    except OSError as exc:
        raise SettingsError(f"{config_file}: cannot read config file: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise SettingsError(f"{config_file}: invalid YAML: {exc}") from None
    except UnicodeDecodeError:
        raise SettingsError(f"{config_file}: config file is not valid UTF-8") from None
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise SettingsError(f"{config_file}: config must be a mapping")
    parent = raw.pop("INHERIT", None)
    if parent is None:
        return raw
    if not isinstance(parent, str):
        raise SettingsError(f"{config_file}: INHERIT must be a file path")
    parent_file = os.path.normpath(os.path.join(os.path.dirname(config_file), parent))
    if os.path.abspath(parent_file) in chain:
        raise SettingsError(f"{config_file}: INHERIT {parent} makes a cycle")
    if not os.path.isfile(parent_file):
        raise SettingsError(f"{config_file}: INHERIT file {parent_file} does not exist")
    inherited = _read(parent_file, (*chain, os.path.abspath(config_file)))
    return _merge(inherited, raw)


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """Mappings merge key by key; anything else (lists too) the child replaces."""
    out = dict(parent)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _enabled(config_file: str, options: Any) -> tuple[bool, Any]:
    """MkDocs' generic ``enabled`` switch is not a growth option: take it out."""
    if not isinstance(options, dict) or "enabled" not in options:
        return True, options
    options = dict(options)
    enabled = options.pop("enabled")
    if not isinstance(enabled, bool):
        raise SettingsError(
            f"{config_file}: plugin 'growth': option 'enabled': must be true or false"
        )
    return enabled, options


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


def load_settings(config_file: str) -> Settings:
    raw = _read(config_file, ())
    base = os.path.dirname(os.path.abspath(config_file))
    listed, options = _growth_options(raw.get("plugins"))
    enabled, options = _enabled(config_file, options)
    try:
        growth = parse_options(options or {})
        framework = open_framework(growth, base)
    except OptionsError as exc:
        lines = "; ".join(f"option '{key}': {msg}" for key, msg in exc.errors)
        raise SettingsError(f"{config_file}: plugin 'growth': {lines}") from None
    return Settings(
        config_file=config_file,
        docs_dir=os.path.normpath(os.path.join(base, str(raw.get("docs_dir") or "docs"))),
        site_dir=os.path.normpath(os.path.join(base, str(raw.get("site_dir") or "site"))),
        site_url=raw.get("site_url") or None,
        site_name=str(raw.get("site_name") or ""),
        use_directory_urls=bool(raw.get("use_directory_urls", True)),
        growth=growth,
        plugin_enabled=listed and enabled,
        markdown_extensions=_extension_names(raw.get("markdown_extensions")),
        nav=raw.get("nav"),
        framework=framework,
    )


def _extension_names(value: Any) -> frozenset[str]:
    """``[a, {b: opts}]`` or ``{a: opts}`` -> ``{a, b}``; anything else -> none."""
    items = list(value) if isinstance(value, (dict, list)) else []
    names = (next(iter(i), None) if isinstance(i, dict) else i for i in items)
    return frozenset(n for n in names if isinstance(n, str))
