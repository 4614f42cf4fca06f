"""Artifact URLs cannot smuggle a scheme through HTML character references.

Python-Markdown keeps ``&#58;`` in a link destination as is, and the browser
decodes it in the ``href``: ``javascript&#58;alert(1)`` would run as
``javascript:alert(1)`` in ``generate`` output.
"""

from __future__ import annotations

import html
from urllib.parse import unquote

import markdown
import pytest
from pydantic import ValidationError

from mkdocs_growth.core.model import Artifact
from mkdocs_growth.site.escape import md_url


@pytest.mark.parametrize(
    "url",
    ["javascript&#58;alert(1)", "javascript&#x3a;alert(1)", "javascript&colon;alert(1)"],
)
def test_character_references_in_urls_are_rejected(url: str) -> None:
    with pytest.raises(ValidationError, match="character reference"):
        Artifact(kind="technical", title="t", url=url)


def test_ampersands_in_query_strings_still_work() -> None:
    assert Artifact(kind="technical", title="t", url="https://x.test/?a=1&b=2").url


@pytest.mark.parametrize("url", ["javascript&#58;alert(1)", "a?b=1&c=2", "x&amp;#58;y"])
def test_markdown_links_never_decode_to_a_script_url(url: str) -> None:
    rendered = markdown.markdown(f"[x]({md_url(url)})")
    href = rendered.split('href="', 1)[1].split('"', 1)[0]
    assert not html.unescape(href).lower().startswith("javascript:")
    assert unquote(html.unescape(href)) == url  # the browser gets the URL as written
