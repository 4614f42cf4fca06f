"""Team sites: read the sites members published, map their vocabularies, find who knows what.

Above ``practice`` and below ``site``: it reads only what a member's own
build published (``growth.json`` at the root of their site), never their
Markdown, and hands plain data to the page models in ``site/pages/team*``.
"""
