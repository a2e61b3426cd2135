"""OPML, the list of subscriptions every feed reader reads and writes: `<outline type="rss" xmlUrl=… text=…>`.
Reading goes through defusedxml (no entity expansion, no external entities, no DTD tricks)."""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree import ElementTree

from reader.core.errors import ImportProblem

MAX_OPML_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Subscription:
    """One feed of an OPML list."""

    url: str
    title: str
    site_url: str | None = None


def to_opml(subscriptions: list[Subscription], title: str = "Dubao 读报 subscriptions") -> str:
    """Return an OPML 2.0 document listing the subscriptions."""
    root = ElementTree.Element("opml", version="2.0")
    ElementTree.SubElement(ElementTree.SubElement(root, "head"), "title").text = title
    body = ElementTree.SubElement(root, "body")
    for feed in subscriptions:
        attributes = {"type": "rss", "text": feed.title or feed.url, "title": feed.title or feed.url,
                      "xmlUrl": feed.url}
        if feed.site_url:
            attributes["htmlUrl"] = feed.site_url
        ElementTree.SubElement(body, "outline", attributes)
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"


def from_opml(data: bytes, name: str | None = None) -> list[Subscription]:
    """Return the feeds an OPML document lists (outlines with an xmlUrl, at any depth); ImportProblem if unreadable."""
    import defusedxml.ElementTree
    from defusedxml import DefusedXmlException

    if len(data) > MAX_OPML_BYTES:
        raise ImportProblem("is too large for a list of subscriptions (over 5 MB)", name)
    try:
        root = defusedxml.ElementTree.fromstring(data)
    except DefusedXmlException:
        raise ImportProblem("declares XML entities or a DTD, which Dubao does not read (a possible attack)", name) from None
    except ElementTree.ParseError as error:
        raise ImportProblem(f"is not a readable OPML file ({error})", name) from None
    found = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url.lower().startswith(("http://", "https://")):
            found.append(Subscription(url, (outline.get("title") or outline.get("text") or "").strip(),
                                      outline.get("htmlUrl")))
    if not found:
        raise ImportProblem("lists no feeds (no <outline> with an xmlUrl)", name)
    return found
