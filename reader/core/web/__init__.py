"""Dubao on the web: fetching one page or feed when the user asks (`fetch`), news feeds (`feeds`, `opml`), and
adding what was fetched to the library (`articles`).

The network is touched only here, and only when the user opens a web address, refreshes feeds or has turned on the
periodic refresh. Nothing about the user is sent: no cookies are kept or sent, no Referer, and the User-Agent names
Dubao and its version only.
"""


def looks_like_address(text: str) -> bool:
    """True when a command-line argument or a pasted line is a web address rather than a file path (cheap: the
    window asks this on every open, so nothing of the network is loaded for it)."""
    return text.strip().lower().startswith(("http://", "https://", "www."))
