"""Document and guide text for Qt rich-text labels: always escaped, with citations as links to the guides."""

from __future__ import annotations

from html import escape

from archbuilder.catalog import Citation


def plain(text: str) -> str:
    """Text shown as written (a label, a message), line breaks kept."""
    return escape(text, quote=True).replace("\n", "<br>")


def citation_link(citation: Citation) -> str:
    """ "The Open Guide to AWS › S3 Tips", linked to its public source where there is one."""
    title = escape(citation.title, quote=True)
    if citation.url is None:
        return title
    return f'<a href="{escape(citation.url, quote=True)}">{title}</a>'
