"""Fetching one web address, safely: time-outs, a size limit, a redirect limit, content-type checks, certificate
verification, no cookies, and a guard against compressed bombs.

    fetched = fetch(url, PAGE_TYPES)                       # raises FetchProblem with one clear line

- connect and each read wait at most `Limits.timeout` seconds, and the whole transfer at most `Limits.total_seconds`
  (a server that drips one byte a second is cut off);
- at most `Limits.max_bytes` are read, before and after gzip/deflate decoding (a small gzip bomb cannot grow);
- at most `Limits.max_redirects` redirects, only to http or https;
- certificates are verified (the default SSL context); no cookie jar exists, so none is kept or sent;
- conditional GET: pass the ETag and Last-Modified of the last fetch; a 304 comes back as `not_modified`.
"""

from __future__ import annotations

import re
import socket
import ssl
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from reader import __version__
from reader.core.errors import FetchProblem

USER_AGENT = f"Dubao/{__version__} (a Chinese news reader)"
PAGE_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
              "application/x-rss+xml", "application/feed+json", "text/html", "text/plain")
CHUNK = 65536
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(?!\d)")  # "javascript:", "file:" — not "example.cn:8080"


@dataclass(frozen=True)
class Limits:
    """How long and how much one fetch may take."""

    timeout: float = 10.0
    total_seconds: float = 30.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5


@dataclass
class Fetched:
    """What a fetch brought back."""

    url: str  # after redirects
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    headers: dict[str, str] = field(default_factory=dict)


def check_address(url: str) -> str:
    """Return a web address with its scheme (https:// added when missing); FetchProblem for anything but http(s)."""
    url = url.strip()
    if not _SCHEME.match(url):
        url = "https://" + url
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchProblem("is not a web address (only http:// and https:// addresses can be opened)", url)
    return url


def fetch(url: str, accepted: tuple[str, ...], limits: Limits = Limits(), etag: str | None = None,
          last_modified: str | None = None) -> Fetched:
    """Fetch a web address; FetchProblem (one clear line) for every way it can fail."""
    import http.client
    import urllib.error
    import urllib.request

    url = check_address(url)
    headers = {"User-Agent": USER_AGENT, "Accept": ", ".join(accepted) + ", */*;q=0.1",
               "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    opener = urllib.request.build_opener(_redirects(limits.max_redirects),
                                         urllib.request.HTTPSHandler(context=ssl.create_default_context()))
    deadline = time.monotonic() + limits.total_seconds
    try:
        with opener.open(urllib.request.Request(url, headers=headers), timeout=limits.timeout) as response:
            return _read(response, url, accepted, limits, deadline)
    except urllib.error.HTTPError as error:
        error.close()  # the error carries the server's open answer
        if error.code == 304:
            return Fetched(url=url, not_modified=True, etag=etag, last_modified=last_modified)
        raise FetchProblem(_http_problem(error.code, error.reason), url) from None
    except urllib.error.URLError as error:
        raise FetchProblem(_network_problem(error.reason, limits), url) from None
    except (TimeoutError, socket.timeout):
        raise FetchProblem(f"the server stopped answering (no data for {limits.timeout:g} seconds)", url) from None
    except (ConnectionError, OSError) as error:
        raise FetchProblem(_network_problem(error, limits), url) from None
    except (ValueError, http.client.HTTPException) as error:  # garbage: bad status line, cut-off chunk
        raise FetchProblem(f"the server's answer is broken or cut off ({type(error).__name__})", url) from None
    except zlib.error:
        raise FetchProblem("the server's compressed answer is damaged", url) from None


def _redirects(most: int):
    import urllib.request

    class LimitedRedirects(urllib.request.HTTPRedirectHandler):
        max_redirections = most

        def redirect_request(self, req, fp, code, msg, headers, newurl):
            """Follow a redirect to http or https only."""
            if urlsplit(newurl).scheme.lower() not in ("http", "https"):
                raise FetchProblem("redirects to an address that is not http or https", req.full_url)
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return LimitedRedirects()


def _http_problem(code: int, reason: object) -> str:
    if code in (404, 410):
        return f"not found (HTTP {code}): the page is not there, or no longer"
    if code in (401, 403):
        return f"the server refuses to give this page (HTTP {code}); Dubao never logs in"
    if code in (301, 302, 303, 307, 308):
        if "not allowed" in str(reason):
            return "redirects to an address that is not http or https"
        return "too many redirects, or a redirect loop"
    return f"the server answered with an error (HTTP {code} {reason})"


def _network_problem(reason: object, limits: Limits) -> str:
    if isinstance(reason, FetchProblem):
        return reason.problem
    if isinstance(reason, socket.gaierror):
        return "cannot find the server: offline, or no such host"
    if isinstance(reason, ConnectionRefusedError):
        return "the server refused the connection (offline, or nothing is running there)"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"the server did not answer within {limits.timeout:g} seconds"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"the server's certificate could not be verified ({reason.verify_message}); nothing was read"
    if isinstance(reason, ssl.SSLError):
        return "a secure connection could not be made with the server"
    return f"cannot reach the server ({getattr(reason, 'strerror', None) or reason})"


def _read(response, url: str, accepted: tuple[str, ...], limits: Limits, deadline: float) -> Fetched:
    content_type = response.headers.get("Content-Type", "")
    kind = content_type.split(";")[0].strip().lower()
    if kind and kind not in accepted:
        raise FetchProblem(f"not an article: the address gives {kind}, not a web page", url)
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > limits.max_bytes:
        raise FetchProblem(f"too large ({int(declared) / 1048576:.1f} MB; the limit is {_mb(limits)})", url)
    decoder = _decoder(response.headers.get("Content-Encoding", ""), url)
    parts, size = [], 0
    while True:
        if time.monotonic() > deadline:
            raise FetchProblem(f"took longer than {limits.total_seconds:g} seconds; gave up", url)
        chunk = response.read1(CHUNK)
        if not chunk:
            break
        piece = decoder.decompress(chunk, limits.max_bytes + 1 - size) if decoder else chunk
        size += len(piece)
        if size > limits.max_bytes or (decoder and decoder.unconsumed_tail):
            raise FetchProblem(f"too large (over the limit of {_mb(limits)})", url)
        parts.append(piece)
    return Fetched(url=response.geturl(), body=b"".join(parts), content_type=content_type,
                   etag=response.headers.get("ETag"), last_modified=response.headers.get("Last-Modified"),
                   headers={k.lower(): v for k, v in response.headers.items()})


def _decoder(encoding: str, url: str):
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(wbits=47)  # gzip or zlib header, detected
    if encoding == "deflate":
        return zlib.decompressobj()
    raise FetchProblem(f"the server sent the page compressed as {encoding!r}, which Dubao does not read", url)


def _mb(limits: Limits) -> str:
    return f"{limits.max_bytes / 1048576:g} MB"
