"""Dubao on the web: fetching one page or feed when the user asks (`fetch`), news feeds (`feeds`, `opml`), and
adding what was fetched to the library (`articles`).

The network is touched only here, and only when the user opens a web address, refreshes feeds or has turned on the
periodic refresh. Nothing about the user is sent: no cookies are kept or sent, no Referer, and the User-Agent names
Dubao and its version only.
"""
