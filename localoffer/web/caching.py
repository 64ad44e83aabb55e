"""Fast answers for cheap phones: pages rendered once, validators, compression, hashed assets.

- A content page (same for everyone) is rendered once per address and language and kept
  in memory, with its compressed forms, so a request does no Markdown, YAML or template work.
- Every page gets an ETag and Last-Modified, and a repeat visit gets 304 Not Modified.
- Static files are served under content-hashed names (app.3f9c2a1b0d.css) with far-future
  caching, precompressed once at start-up.
- Only pages that are the same for everyone are kept (SHARED_ENDPOINTS: they never read
  the session, so nothing personal can leak into the copy); checker pages, which show a
  young person's answers, are marked no-store.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from flask import Flask, Response, abort, g, request
from werkzeug.wrappers import Response as BaseResponse

from localoffer.clock import today
from localoffer.web.private import private

try:  # brotli is optional: gzip alone still meets the page weight targets.
    import brotli
except ImportError:  # pragma: no cover - depends on the machine
    brotli = None

EXTENSION = "localoffer.caching"
PAGE_MAX_AGE = 300  # content pages: five minutes at a CDN or in a browser, then revalidate
ASSET_MAX_AGE = 31_536_000  # hashed static files never change under the same name
COMPRESSIBLE = frozenset({
    "text/html", "text/css", "text/plain", "text/xml", "application/xml", "application/json",
    "application/javascript", "text/javascript", "image/svg+xml",
})  # fmt: skip
MIN_COMPRESS_BYTES = 512
MAX_CACHED_PAGES = 2000  # every page in every language fits; a flood of odd URLs does not
# Endpoints whose pages are the same for everyone (given the address and language).
SHARED_ENDPOINTS = frozenset({
    "pages.home", "pages.theme", "pages.entitlement", "pages.glossary", "pages.contacts",
    "pages.accessibility", "pages.privacy", "leaflet.page",
})  # fmt: skip
# Pages showing a young person's answers: no cache anywhere may keep them.
PRIVATE_PREFIXES = ("checker.",)


@dataclass
class Variant:
    body: bytes
    etag: str


@dataclass
class CachedBody:
    """One response body and its compressed forms, each with its own validator."""

    mimetype: str
    variants: dict[str, Variant] = field(default_factory=dict)

    @classmethod
    def of(
        cls, body: bytes, mimetype: str, only: str | None = None, kept: bool = True
    ) -> CachedBody:
        """The body and its compressed forms: all of them for a copy that is kept, only
        the one asked for (`only`), made quickly, for a response sent once."""
        cached = cls(mimetype)
        tag = _etag(body)
        cached.variants["identity"] = Variant(body, tag)
        if mimetype not in COMPRESSIBLE or len(body) < MIN_COMPRESS_BYTES:
            return cached
        if only in (None, "gzip"):
            gz = gzip.compress(body, compresslevel=9 if kept else 6, mtime=0)
            cached.variants["gzip"] = Variant(gz, tag + "-gz")
        if brotli is not None and only in (None, "br"):
            # Quality 11 costs a tenth of a second per page for a few per cent: not worth it.
            packed = brotli.compress(body, quality=9 if kept else 5)
            cached.variants["br"] = Variant(packed, tag + "-br")
        return cached

    def best_for(self, accept_encoding: str) -> str:
        preferred = _preferred_encoding(accept_encoding)
        if preferred in self.variants:
            return preferred
        return "gzip" if preferred == "br" and "gzip" in self.variants else "identity"


def _preferred_encoding(accept_encoding: str) -> str:
    offered = {part.split(";")[0].strip().lower() for part in accept_encoding.split(",")}
    if "br" in offered and brotli is not None:
        return "br"
    return "gzip" if "gzip" in offered else "identity"


def _etag(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()[:20]


@dataclass
class Assets:
    """The static folder: each file's hashed name, and its bytes ready to send."""

    by_plain: dict[str, str] = field(default_factory=dict)  # css/app.css -> css/app.<h>.css
    by_hashed: dict[str, str] = field(default_factory=dict)
    bodies: dict[str, CachedBody] = field(default_factory=dict)

    @classmethod
    def scan(cls, folder: Path) -> Assets:
        assets = cls()
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            plain = path.relative_to(folder).as_posix()
            data = path.read_bytes()
            digest = hashlib.sha256(data).hexdigest()[:10]
            hashed = f"{plain[: -len(path.suffix)]}.{digest}{path.suffix}" if path.suffix else (
                f"{plain}.{digest}")  # fmt: skip
            assets.by_plain[plain] = hashed
            assets.by_hashed[hashed] = plain
            mimetype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            if path.suffix == ".mjs":
                mimetype = "text/javascript"
            assets.bodies[plain] = CachedBody.of(data, mimetype)
        return assets


# Apps on one static folder (workers forked after a preload, or the test suite's many apps)
# share one scan, made again only when a file changes.
_SCANNED: dict[tuple[Path, tuple[tuple[str, int, int], ...]], Assets] = {}
_MAX_SCANNED = 4


def _scanned(folder: Path) -> Assets:
    files = tuple(
        (path.as_posix(), stat.st_mtime_ns, stat.st_size)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
        for stat in (path.stat(),)
    )
    key = (folder, files)
    if key not in _SCANNED:
        if len(_SCANNED) >= _MAX_SCANNED:
            _SCANNED.pop(next(iter(_SCANNED)))
        _SCANNED[key] = Assets.scan(folder)
    return _SCANNED[key]


@dataclass
class PageCache:
    pages: dict[tuple[str, ...], CachedBody] = field(default_factory=dict)
    loaded_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    day: str = ""  # the day the kept pages were rendered on; a new day starts afresh


def _send(cached: CachedBody, max_age: str, loaded_at: datetime | None = None) -> Response:
    encoding = cached.best_for(request.headers.get("Accept-Encoding", ""))
    variant = cached.variants[encoding]
    # Werkzeug adds "; charset=utf-8" to the text types itself.
    response = Response(variant.body, mimetype=cached.mimetype)
    if encoding != "identity":
        response.headers["Content-Encoding"] = encoding
    if len(cached.variants) > 1:
        response.vary.add("Accept-Encoding")
    response.set_etag(variant.etag)
    if loaded_at is not None:
        response.last_modified = loaded_at
    response.headers["Cache-Control"] = max_age
    response.make_conditional(request)
    return response


def _page_key() -> tuple[str, ...] | None:
    if request.method not in ("GET", "HEAD") or request.endpoint not in SHARED_ENDPOINTS:
        return None
    if request.query_string:
        return None
    from localoffer.i18n import suggested_language

    suggestion = suggested_language(tuple(_app().config["LANGUAGES"]))
    # Keyed by the day too: an amount that changes on a date shows from that morning.
    day = today().isoformat()
    return (request.host_url, request.path, suggestion.language.code if suggestion else "", day)


def _app() -> Flask:
    from flask import current_app

    return current_app


def init_app(app: Flask) -> None:
    static_folder = Path(app.static_folder or "static")
    assets = _scanned(static_folder)
    cache = PageCache()
    app.extensions[EXTENSION] = cache

    @app.url_defaults
    def hashed_static_names(endpoint: str, values: dict[str, Any]) -> None:
        if endpoint == "static" and values.get("filename") in assets.by_plain:
            values["filename"] = assets.by_plain[values["filename"]]

    def serve_static(filename: str) -> BaseResponse:
        if filename in assets.by_hashed:
            return _send(assets.bodies[assets.by_hashed[filename]],
                         f"public, max-age={ASSET_MAX_AGE}, immutable")  # fmt: skip
        if filename in assets.bodies:
            # An old or hand-written plain name still works, but must be revalidated.
            return _send(assets.bodies[filename], "no-cache")
        abort(404)

    app.view_functions["static"] = serve_static

    @app.before_request
    def serve_cached_page() -> Response | None:
        key = _page_key()
        g.page_cache_key = key
        if key is not None and key[-1] != cache.day:
            cache.pages.clear()
            cache.day = key[-1]
        if key is not None and key in cache.pages:
            g.page_from_cache = True
            return _send(cache.pages[key], f"public, max-age={PAGE_MAX_AGE}", cache.loaded_at)
        return None

    @app.after_request
    def finish_page(response: Response) -> Response:
        if g.get("page_from_cache") or request.endpoint == "static":
            return response
        endpoint = request.endpoint or ""
        if endpoint.startswith(PRIVATE_PREFIXES):
            private(response)
        key = g.get("page_cache_key")
        cacheable = (
            key is not None
            and response.status_code == 200
            and not response.direct_passthrough
            and "Set-Cookie" not in response.headers
        )
        if cacheable:
            cached = CachedBody.of(response.get_data(), response.mimetype or "text/html")
            if len(cache.pages) < MAX_CACHED_PAGES:
                cache.pages[key] = cached
            fresh = _send(cached, f"public, max-age={PAGE_MAX_AGE}", cache.loaded_at)
            for name, value in response.headers.items():
                if name.lower() not in {
                    "content-type",
                    "content-length",
                    "etag",
                    "last-modified",
                    "cache-control",
                    "content-encoding",
                }:
                    fresh.headers.add(name, value)  # fmt: skip
            return fresh
        return _compress(response)


def _compress(response: Response) -> Response:
    """Compress a one-off response (a form page, an API answer) and make it conditional."""
    if (
        response.direct_passthrough
        or response.is_streamed
        or response.status_code < 200
        or response.status_code in (204, 304)
        or "Content-Encoding" in response.headers
    ):
        return response
    body = response.get_data()
    offered = request.headers.get("Accept-Encoding", "")
    preferred = _preferred_encoding(offered)
    cached = CachedBody.of(body, response.mimetype or "", only=preferred, kept=False)
    encoding = cached.best_for(offered)
    if len(cached.variants) > 1:
        response.vary.add("Accept-Encoding")
    if encoding != "identity":
        response.set_data(cached.variants[encoding].body)
        response.headers["Content-Encoding"] = encoding
    no_store = "no-store" in response.headers.get("Cache-Control", "")
    if request.method in ("GET", "HEAD") and response.status_code == 200 and not no_store:
        response.set_etag(cached.variants[encoding].etag)
        response.make_conditional(request)
    return response
