"""News feeds against a local server (127.0.0.1 only): subscribing, refreshing each new item into the library
(readable and searchable after the server is gone), unread counts, conditional GET, OPML, and hostile feeds —
entity expansion, external entities, 100,000 items — each bounded and harmless."""

from __future__ import annotations

import json
import time

import pytest

import web_server
from reader.cli import main as cli_main
from reader.core.storage import Store
from reader.core.web.feeds import MAX_ITEMS, MAX_NEW_PAGES, parse_feed
from reader.core.web.opml import Subscription, from_opml, to_opml
from reader.core.web.subscriptions import refresh_feeds, subscribe


def page(title: str, word: str) -> bytes:
    return (f"<html><head><meta charset='utf-8'><title>{title}_示例网</title></head><body><h1>{title}</h1>"
            f"<div class='article'><p>第一段，{word}出现在这篇文章里，文字足够长，像一篇新闻。</p>"
            f"<p>第二段，内容继续，读者离线也能阅读这篇文章。</p></div></body></html>").encode("utf-8")


RSS = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>示例新闻</title>
<link>{base}/</link>
<item><title>第一条新闻</title><link>{base}/a.html</link><guid>a</guid><pubDate>Mon, 06 May 2024 08:00:00 +0800</pubDate></item>
<item><title>第二条新闻</title><link>{base}/b.html</link><guid>b</guid></item>
<item><title>只有摘要的新闻</title><link>{base}/gone.html</link><guid>c</guid>
<description><![CDATA[<p>摘要里的正文，页面已经不在了，但是摘要足够长，可以读。</p>]]></description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>原子新闻</title>
<entry><title>原子第一条</title><link href="{base}/a.html"/><id>urn:1</id><updated>2024-05-06T00:00:00Z</updated></entry>
</feed>"""

LAUGHS = """<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
<!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">]>
<rss version="2.0"><channel><title>笑 &i;</title><item><title>条目 &i;</title><link>{base}/a.html</link></item></channel></rss>"""

EXTERNAL = """<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file://{secret}">
<!ENTITY remote SYSTEM "{base}/steal.dtd">]>
<rss version="2.0"><channel><title>外部 &secret;&remote;</title>
<item><title>条目 &secret;</title><link>{base}/a.html</link></item></channel></rss>"""


def conditional(body: bytes):
    """A feed answer with an ETag, 304 when the client sends it back."""
    def write(handler):
        if handler.headers.get("If-None-Match") == '"v1"':
            handler.send_response(304)
            handler.end_headers()
            return
        handler.send_response(200)
        for name, value in (("Content-Type", "application/rss+xml"), ("ETag", '"v1"'),
                            ("Content-Length", str(len(body)))):
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(body)
    return write


@pytest.fixture
def server(tmp_path):
    routes: dict = {}
    local = web_server.LocalServer(routes)
    base = local.url("")
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容", encoding="utf-8")
    many = "".join(f"<item><link>/n{i}</link></item>" for i in range(100_000))  # 3 MB: under the size limit
    routes.update({
        "/a.html": (200, {"Content-Type": "text/html; charset=utf-8"}, page("第一条新闻", "蝴蝶兰")),
        "/b.html": (200, {"Content-Type": "text/html; charset=utf-8"}, page("第二条新闻", "郁金香")),
        "/feed.xml": conditional(RSS.format(base=base).encode("utf-8")),
        "/atom.xml": (200, {"Content-Type": "application/atom+xml"}, ATOM.format(base=base).encode("utf-8")),
        "/home.html": (200, {"Content-Type": "text/html"},
                       b'<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head></html>'),
        "/laughs.xml": (200, {"Content-Type": "application/rss+xml"}, LAUGHS.format(base=base).encode("utf-8")),
        "/external.xml": (200, {"Content-Type": "application/rss+xml"},
                          EXTERNAL.format(base=base, secret=secret).encode("utf-8")),
        "/many.xml": (200, {"Content-Type": "application/rss+xml"},
                      f"<?xml version='1.0'?><rss version='2.0'><channel><title>很多</title>{many}</channel></rss>"
                      .encode("utf-8")),
    })
    yield local
    local.stop()


def cli(data, *args) -> int:
    return cli_main(["--data-dir", str(data), *args])


def test_add_and_refresh_bring_each_item_into_the_library_readable_offline(server, tmp_path, capsys):
    data = tmp_path / "data"
    assert cli(data, "feeds", "add", server.url("/feed.xml")) == 0
    assert "subscribed 1\t示例新闻" in capsys.readouterr().out
    assert cli(data, "feeds", "refresh", "--json") == 0
    [result] = json.loads(capsys.readouterr().out)
    assert result["new_items"] == 3 and len(result["article_ids"]) == 3 and result["problem"] is None
    server.stop()
    assert cli(data, "feeds", "list", "--json") == 0
    [feed] = json.loads(capsys.readouterr().out)
    assert (feed["title"], feed["items"], feed["unread"]) == ("示例新闻", 3, 3)
    assert cli(data, "library", "search", "郁金香") == 0
    assert "第二条新闻" in capsys.readouterr().out
    with Store.open(data) as store:
        titles = {e.title for e in store.library.list()}
        assert titles == {"第一条新闻", "第二条新闻", "只有摘要的新闻"}
        summary = next(e for e in store.library.list() if e.title == "只有摘要的新闻")
        assert "摘要里的正文" in "".join(p.text for p in store.library.article(summary.id).paragraphs())
        assert store.feeds.mark_article_read(summary.id)
        assert store.feeds.get(1).unread == 2
    assert cli(data, "feeds", "refresh", "--json") == 0  # the server is gone: one problem, nothing lost
    [again] = json.loads(capsys.readouterr().out)
    assert "refused the connection" in again["problem"]
    with Store.open(data) as store:
        assert store.library.count() == 3 and store.feeds.get(1).items == 3


def test_a_second_refresh_is_a_conditional_get(server, tmp_path):
    with Store.open(tmp_path / "data") as store:
        subscribe(store, server.url("/feed.xml"))
        refresh_feeds(store)
        web_server.SENT.clear()
        [result] = refresh_feeds(store)
    assert result.not_modified and result.new_items == 0
    assert [s.get("If-None-Match") for s in web_server.SENT if s["path"] == "/feed.xml"] == ['"v1"']


def test_atom_and_the_feed_a_page_advertises(server, tmp_path):
    with Store.open(tmp_path / "data") as store:
        atom = subscribe(store, server.url("/atom.xml"))
        advertised = subscribe(store, server.url("/home.html"))
        assert (atom.title, advertised.url) == ("原子新闻", server.url("/feed.xml"))
        results = refresh_feeds(store, [atom.id])
        assert results[0].new_items == 1 and store.library.find(server.url("/a.html")).title == "第一条新闻"


def test_remove_keeps_the_articles(server, tmp_path, capsys):
    data = tmp_path / "data"
    cli(data, "feeds", "add", server.url("/feed.xml"))
    cli(data, "feeds", "refresh")
    assert cli(data, "feeds", "remove", "1") == 0
    capsys.readouterr()
    cli(data, "feeds", "list", "--json")
    assert json.loads(capsys.readouterr().out) == []
    cli(data, "library", "list", "--json")
    assert len(json.loads(capsys.readouterr().out)) == 3
    assert cli(data, "feeds", "remove", "7") == 2
    assert "no feed 7" in capsys.readouterr().err


def test_opml_round_trip_and_import(tmp_path, capsys):
    feeds = [Subscription("https://example.cn/rss.xml", "例子 & 新闻", "https://example.cn/"),
             Subscription("http://news.example.org/atom", "Atom")]
    assert from_opml(to_opml(feeds).encode("utf-8")) == feeds
    path = tmp_path / "subs.opml"
    path.write_text(to_opml(feeds), encoding="utf-8")
    data = tmp_path / "data"
    assert cli(data, "feeds", "import-opml", str(path)) == 0
    out = tmp_path / "out.opml"
    assert cli(data, "feeds", "export-opml", str(out)) == 0
    assert {f.url for f in from_opml(out.read_bytes())} == {f.url for f in feeds}
    assert cli(data, "feeds", "export-opml", str(out)) == 2  # never over an existing file without --force


def test_a_billion_laughs_feed_is_not_expanded(server, tmp_path):
    started = time.monotonic()
    with Store.open(tmp_path / "data") as store:
        entry = subscribe(store, server.url("/laughs.xml"))
        refresh_feeds(store)
        item = store.feeds.items(entry.id)[0]
    assert time.monotonic() - started < 30
    assert len(entry.title) < 100 and "哈哈哈哈哈哈哈哈哈哈哈" not in entry.title + item.title


def test_external_entities_in_a_feed_are_never_loaded(server, tmp_path):
    web_server.SENT.clear()
    with Store.open(tmp_path / "data") as store:
        entry = subscribe(store, server.url("/external.xml"))
        refresh_feeds(store)
        titles = [entry.title] + [i.title for i in store.feeds.items(entry.id)]
    assert not [t for t in titles if "机密" in t]
    assert "/steal.dtd" not in {s["path"] for s in web_server.SENT}


def test_a_feed_of_100000_items_is_read_in_bounded_time_and_work(server, tmp_path):
    started = time.monotonic()
    with Store.open(tmp_path / "data") as store:
        entry = subscribe(store, server.url("/many.xml"))
        [result] = refresh_feeds(store)
        assert store.feeds.get(entry.id).items == MAX_NEW_PAGES
    assert result.new_items == MAX_NEW_PAGES and len(result.item_problems) == MAX_NEW_PAGES  # those pages are 404
    assert time.monotonic() - started < 60


def test_parsing_keeps_at_most_max_items():
    items = "".join(f"<item><title>{i}</title><link>http://x.invalid/{i}</link></item>" for i in range(MAX_ITEMS * 3))
    feed = parse_feed(f"<rss version='2.0'><channel><title>t</title>{items}</channel></rss>".encode(), "http://x")
    assert len(feed.items) == MAX_ITEMS


@pytest.mark.parametrize("path, words", [("/missing.xml", "not found"), ("/a.html", "advertises no news feed")])
def test_feeds_add_of_a_bad_address_is_one_line_and_exit_2(server, tmp_path, path, words):
    import subprocess
    import sys

    from conftest import PROJECT_ROOT

    result = subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(tmp_path / "data"), "feeds", "add",
                             server.url(path)], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=90)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and words in result.stderr
