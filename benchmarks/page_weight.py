"""Bytes a phone downloads for a page: a first visit (empty cache) and a repeat visit.

Run from the repository root: python benchmarks/page_weight.py
Starts the portal on a loopback port (an in-process WSGI server) and fetches each page as a
browser would: Accept-Encoding gzip and br, then every stylesheet, script (and the modules it
imports), image and icon the page references. Counted: response status line, headers and
body as sent (compressed). A repeat visit sends the validators it was given
(If-None-Match, If-Modified-Since) and does not ask again for a file whose Cache-Control
let the browser keep it. 1 KB = 1000 bytes.
"""

from __future__ import annotations

import http.client
import sys
import tempfile
import threading
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from serving import PAGES, free_port
from werkzeug.serving import WSGIRequestHandler, make_server

from localoffer import create_app
from localoffer.freeze import asset_references

TARGETS = {"entitlement": (25_000, 8_000)}  # first view, repeat view
ACCEPT_ENCODING = "gzip, br"


@dataclass
class Fetched:
    status: int
    headers: dict[str, str]
    body: bytes  # as sent: compressed when the server compressed it
    wire_bytes: int


@dataclass
class CacheEntry:
    headers: dict[str, str]
    body: bytes


class References(HTMLParser):
    """Everything a page makes the browser fetch before it is complete."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        rel = (a.get("rel") or "").lower().split()
        if tag == "link" and ("stylesheet" in rel or "icon" in rel) and a.get("href"):
            self.urls.append(a["href"])
        elif tag in ("script", "img") and a.get("src"):
            self.urls.append(a["src"])


def fetch(port: int, path: str, headers: dict[str, str]) -> Fetched:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Accept-Encoding": ACCEPT_ENCODING, **headers})
    response = connection.getresponse()
    body = response.read()  # http.client does not decompress: these are the bytes sent
    status_line = f"HTTP/1.1 {response.status} {response.reason}\r\n"
    raw_headers = response.msg.items()
    header_bytes = sum(len(k) + len(v) + 4 for k, v in raw_headers) + 2
    connection.close()
    return Fetched(
        response.status,
        {k.lower(): v for k, v in raw_headers},
        body,
        len(status_line.encode()) + header_bytes + len(body),
    )


def decoded(fetched: Fetched) -> bytes:
    encoding = fetched.headers.get("content-encoding", "")
    if encoding == "gzip":
        import gzip

        return gzip.decompress(fetched.body)
    if encoding == "br":
        import brotli

        return brotli.decompress(fetched.body)
    return fetched.body


def fresh_for_browser(headers: dict[str, str]) -> bool:
    """May the browser reuse this response without asking (max-age > 0, no no-cache)?"""
    directives = [d.strip().lower() for d in headers.get("cache-control", "").split(",")]
    if "no-store" in directives or "no-cache" in directives:
        return False
    return any(d.startswith("max-age=") and int(d.split("=", 1)[1]) > 0 for d in directives)


def validators(headers: dict[str, str]) -> dict[str, str]:
    found = {}
    if "etag" in headers:
        found["If-None-Match"] = headers["etag"]
    if "last-modified" in headers:
        found["If-Modified-Since"] = headers["last-modified"]
    return found


class Browser:
    """A browser cache of one visitor: empty at first, kept for the repeat visit."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cache: dict[str, CacheEntry] = {}

    def get(self, path: str, page: bool = False) -> tuple[int, bytes, str]:
        """Fetch (or reuse) one URL: (bytes transferred, decoded body, how it was served)."""
        entry = self.cache.get(path)
        if entry and not page and fresh_for_browser(entry.headers):
            # Only files a page uses are reused unasked; the page itself is revalidated on
            # the repeat visit, the worst case a browser meets (a reload, or after max-age).
            return 0, entry.body, "cache"
        request_headers = validators(entry.headers) if entry else {}
        fetched = fetch(self.port, path, request_headers)
        if fetched.status == 304 and entry:
            return fetched.wire_bytes, entry.body, "304"
        if fetched.status != 200:
            raise RuntimeError(f"{path} gave {fetched.status}")
        body = decoded(fetched)
        if "no-store" not in fetched.headers.get("cache-control", ""):
            self.cache[path] = CacheEntry(fetched.headers, body)
        return fetched.wire_bytes, body, fetched.headers.get("content-encoding", "identity")

    def visit(self, path: str) -> tuple[int, list[tuple[str, int, str]]]:
        total, html_body, how = self.get(path, page=True)
        lines = [(path, total, how)]
        parser = References()
        parser.feed(html_body.decode("utf-8"))
        queue = [urljoin(path, url) for url in parser.urls]
        seen: set[str] = set()
        while queue:
            url = queue.pop(0)
            if url in seen or urlsplit(url).netloc:
                continue
            seen.add(url)
            sent, body, how = self.get(url)
            total += sent
            lines.append((url, sent, how))
            queue += asset_references(urlsplit(url).path, body)
        return total, lines


class QuietHandler(WSGIRequestHandler):
    """No request log: the checker's share link carries a date of birth in its query."""

    def log_request(self, *args: object, **kwargs: object) -> None:
        pass


def serve(port: int, tmp: Path) -> threading.Thread:
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp / 'weight.sqlite3'}"})
    server = make_server("127.0.0.1", port, app, threaded=True, request_handler=QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread


def main() -> None:
    verbose = "-v" in sys.argv
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="localoffer-weight-") as tmp:
        serve(port, Path(tmp))
        rows = []
        for name, path in PAGES.items():
            browser = Browser(port)
            first, first_lines = browser.visit(path)
            repeat, repeat_lines = browser.visit(path)
            rows.append((name, first, repeat))
            if verbose:
                for label, lines in (("first", first_lines), ("repeat", repeat_lines)):
                    for url, sent, how in lines:
                        print(f"  {name:<17} {label:<6} {sent:>8} B  {how:<8} {url[:70]}")
    print(f"{'page':<18}{'first view':>12}{'repeat view':>13}   target (first / repeat)")
    for name, first, repeat in rows:
        target = ""
        if name in TARGETS:
            t_first, t_repeat = TARGETS[name]
            verdict = "met" if first <= t_first and repeat <= t_repeat else "NOT MET"
            target = f"<= {t_first / 1000:.0f} KB / <= {t_repeat / 1000:.0f} KB: {verdict}"
        print(f"{name:<18}{first / 1000:>9.1f} KB{repeat / 1000:>10.1f} KB   {target}")
    print("Bytes received (status line, headers, body as sent); -v lists every file.")


if __name__ == "__main__":
    main()
