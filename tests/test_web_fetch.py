"""Opening web addresses: a page fetched from a local server becomes an article stored in the library and readable
offline; every bad answer (dead server, 404, not HTML, too large, redirect loop, gzip bomb, slow drip, broken
certificate address) is one clear line and exit status 2, and nothing in the library is lost."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import web_server
from conftest import PROJECT_ROOT
from reader.cli import main as cli_main
from reader.core.errors import FetchProblem
from reader.core.web.fetch import PAGE_TYPES, USER_AGENT, Limits, check_address, fetch

PAGE = """<html><head><meta charset="utf-8"><title>本地新闻标题_本地网</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/a">财经</a></div><h1>本地新闻标题</h1>
<div class="info">2024-05-06 来源：本地日报</div><div class="article">
<p>第一段，本地服务器送来的新闻，文字足够长，读起来像一篇文章。</p><p>第二段，独一无二的词语：蝴蝶兰花展。</p>
<p>第三段是结尾，说完就结束了，读者可以离线阅读。</p></div></body></html>""".encode("utf-8")


@pytest.fixture
def server():
    routes = {
        "/news.html": (200, {"Content-Type": "text/html; charset=utf-8", "Set-Cookie": "track=1"}, PAGE),
        "/moved": (302, {"Location": "/news.html"}, b""),
        "/loop-a": (302, {"Location": "/loop-b"}, b""),
        "/loop-b": (302, {"Location": "/loop-a"}, b""),
        "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
        "/image.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + b"\0" * 100),
        "/menu.html": (200, {"Content-Type": "text/html"}, b"<html><body><a href='/'>\xe9\xa6\x96\xe9\xa1\xb5</a></body></html>"),
        "/declared-huge.html": (200, {"Content-Type": "text/html", "Content-Length": str(50 << 20)}, b""),
        "/huge.html": web_server.endless(),
        "/bomb.html": web_server.gzip_bomb(),
        "/drip.html": web_server.slow_drip(),
    }
    local = web_server.LocalServer(routes)
    yield local
    local.stop()


def test_fetching_follows_a_redirect_and_sends_nothing_about_the_user(server):
    web_server.SENT.clear()
    fetched = fetch(server.url("/moved"), PAGE_TYPES)
    assert fetched.url == server.url("/news.html") and fetched.body == PAGE
    for sent in web_server.SENT:
        assert sent["User-Agent"] == USER_AGENT
        assert not {"Cookie", "Referer", "Authorization"} & set(sent)
    fetch(server.url("/news.html"), PAGE_TYPES)  # the Set-Cookie of the first answer is not sent back
    assert "Cookie" not in web_server.SENT[-1]


@pytest.mark.parametrize("path, words", [
    ("/missing.html", "not found (HTTP 404)"),
    ("/image.png", "not an article: the address gives image/png"),
    ("/declared-huge.html", "too large (50.0 MB"),
    ("/huge.html", "too large (over the limit of 5 MB)"),
    ("/loop-a", "too many redirects"),
    ("/to-file", "redirects to an address that is not http or https"),
    ("/bomb.html", "too large"),
])
def test_bad_answers_are_one_clear_problem(server, path, words):
    with pytest.raises(FetchProblem) as caught:
        fetch(server.url(path), PAGE_TYPES)
    assert words in str(caught.value) and server.url("") in str(caught.value)


def test_a_page_that_never_ends_is_cut_off_at_the_time_limit(server):
    with pytest.raises(FetchProblem, match="took longer than 2 seconds"):
        fetch(server.url("/drip.html"), PAGE_TYPES, Limits(timeout=1, total_seconds=2))


def test_a_dead_server_and_addresses_that_are_not_web_addresses():
    with pytest.raises(FetchProblem, match="refused the connection"):
        fetch(web_server.dead_address(), PAGE_TYPES, Limits(timeout=2))
    for bad in ("file:///etc/passwd", "javascript:alert(1)", "ftp://example.invalid/x"):
        with pytest.raises(FetchProblem, match="not a web address"):
            check_address(bad)
    assert check_address("www.example.cn/a.html") == "https://www.example.cn/a.html"


def run_cli(*args: str, data_dir) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(data_dir), *args], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=90)


def test_library_add_url_stores_the_article_for_offline_reading(server, tmp_path, capsys):
    data = tmp_path / "data"
    assert cli_main(["--data-dir", str(data), "library", "add", server.url("/news.html")]) == 0
    assert "本地新闻标题" in capsys.readouterr().out
    server.stop()  # from here on, offline
    assert cli_main(["--data-dir", str(data), "library", "list", "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert [(e["title"], e["source_path"]) for e in entries] == [("本地新闻标题", server.url("/news.html"))]
    assert cli_main(["--data-dir", str(data), "library", "search", "蝴蝶兰"]) == 0
    assert "本地新闻标题" in capsys.readouterr().out
    from reader.core.storage import Store

    with Store.open(data) as store:
        article = store.library.article(entries[0]["id"])
    assert article.source.url == server.url("/news.html") and article.source.publisher == "本地日报"


@pytest.mark.parametrize("path, words", [
    ("/missing.html", "not found"), ("/image.png", "not an article"), ("/huge.html", "too large"),
    ("/loop-a", "too many redirects"), ("/menu.html", "not an article"),
])
def test_library_add_of_a_bad_address_is_one_line_and_exit_2_and_loses_nothing(server, tmp_path, path, words):
    data = tmp_path / "data"
    assert run_cli("library", "add", server.url("/news.html"), data_dir=data).returncode == 0
    result = run_cli("library", "add", server.url(path), data_dir=data)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert words in result.stderr and server.url(path) in result.stderr
    listing = json.loads(run_cli("library", "list", "--json", data_dir=data).stdout)
    assert [e["title"] for e in listing] == ["本地新闻标题"]


def test_library_add_of_a_dead_server_is_one_line(tmp_path):
    result = run_cli("library", "add", web_server.dead_address(), data_dir=tmp_path / "data")
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "refused the connection" in result.stderr
