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

from .config import GrowthConfig, OptionsError, parse_options

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


def load_settings(config_file: str) -> Settings:
    try:
        with open(config_file, encoding="utf-8-sig") as handle:
            raw = yaml.load(handle, Loader=_ConfigLoader)
    except OSError as exc:
        raise SettingsError(f"{config_file}: cannot read config file: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise SettingsError(f"{config_file}: invalid YAML: {exc}") from None
    except UnicodeDecodeError:
        raise SettingsError(f"{config_file}: config file is not valid UTF-8") from None
    if not isinstance(raw, dict):
        raise SettingsError(f"{config_file}: config must be a mapping")
    base = os.path.dirname(os.path.abspath(config_file))
    enabled, options = _growth_options(raw.get("plugins"))
    try:
        growth = parse_options(options or {})
    except OptionsError as exc:
        lines = "; ".join(f"option '{key}': {msg}" for key, msg in exc.errors)
        raise SettingsError(f"{config_file}: plugin 'growth': {lines}") from None
    return Settings(
        config_file=config_file,
        docs_dir=os.path.join(base, str(raw.get("docs_dir") or "docs")),
        site_dir=os.path.join(base, str(raw.get("site_dir") or "site")),
        site_url=raw.get("site_url") or None,
        site_name=str(raw.get("site_name") or ""),
        use_directory_urls=bool(raw.get("use_directory_urls", True)),
        growth=growth,
        plugin_enabled=enabled,
        markdown_extensions=_extension_names(raw.get("markdown_extensions")),
    )


def _extension_names(value: Any) -> frozenset[str]:
    """``[a, {b: opts}]`` or ``{a: opts}`` -> ``{a, b}``; anything else -> none."""
    items = list(value) if isinstance(value, (dict, list)) else []
    names = (next(iter(i), None) if isinstance(i, dict) else i for i in items)
    return frozenset(n for n in names if isinstance(n, str))
