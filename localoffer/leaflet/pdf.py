"""The leaflet as a PDF: its HTML laid out by WeasyPrint (Pango and HarfBuzz shape Arabic
script and Ethiopic), with the OFL fonts shipped in `fonts/`, never fetched from the web.

A PDF takes seconds to make and is the same for everyone, so each is kept in memory under
its language and a digest of the HTML it was made from. That HTML is rendered from the
loaded offer, so publishing a revision (which moves the content version and swaps the
offer), a new translation, or a dated amount coming into force changes the digest and the
next request makes a new PDF; until then every request is answered from memory.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FONTS = Path(__file__).resolve().parent / "fonts"
STYLESHEET = Path(__file__).resolve().parent / "leaflet.css"
KEPT = 16  # two versions of each of the eight languages
_BDI_START = re.compile(r"(<bdi\b[^>]*>)")


class PdfUnavailable(RuntimeError):
    """WeasyPrint cannot load Pango (libpango-1.0-0 and libpangoft2-1.0-0 on Debian)."""


@dataclass(frozen=True)
class Pdf:
    body: bytes
    etag: str


def _local_fetcher() -> Any:
    """A fetcher that opens the shipped fonts and stylesheet and nothing else: no request
    ever leaves the server, whatever a content file links to."""
    try:
        from weasyprint.urls import URLFetcher
    except OSError as error:  # pragma: no cover - depends on the machine
        raise PdfUnavailable(str(error)) from error

    allowed = {path.resolve().as_uri() for path in (*FONTS.iterdir(), STYLESHEET)}

    class LocalFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url not in allowed:
                raise ValueError(f"the leaflet loads only its own files, not {url}")
            return super().fetch(url, headers)

    return LocalFetcher()


def with_isolates(html: str) -> str:
    """Each <bdi> also as Unicode isolate characters (FSI ... PDI) around its text.

    WeasyPrint gives <bdi> no direction of its own, so in a right-to-left paragraph a phone
    number came out as "960700 01632" and a link's last "/" moved to its front. Pango's
    bidi algorithm honours the characters: the words inside take their own direction (a
    number or address left to right, an Arabic date right to left) as in a browser.
    """
    return _BDI_START.sub("\\1\u2068", html).replace("</bdi>", "\u2069</bdi>")


def make_pdf(html: str) -> bytes:
    """Lay out the leaflet's HTML on A4 pages and return the PDF."""
    try:
        from weasyprint import CSS, HTML
        from weasyprint.text.fonts import FontConfiguration
    except OSError as error:  # pragma: no cover - depends on the machine
        raise PdfUnavailable(str(error)) from error
    fetcher = _local_fetcher()
    fonts = FontConfiguration()
    style = CSS(filename=str(STYLESHEET), url_fetcher=fetcher, font_config=fonts)
    document = HTML(string=with_isolates(html), base_url=FONTS.as_uri() + "/", url_fetcher=fetcher)
    # pdf/ua-1: a tagged PDF whose headings, lists and language a screen reader can follow.
    pdf: bytes = document.write_pdf(stylesheets=[style], font_config=fonts,
                                    pdf_variant="pdf/ua-1")  # fmt: skip
    return pdf


_kept: OrderedDict[tuple[str, str], Pdf] = OrderedDict()
_lock = threading.Lock()


def cached_pdf(lang: str, html: str) -> Pdf:
    """The PDF of `html`, made once per language and version of the leaflet."""
    digest = hashlib.sha256(html.encode()).hexdigest()[:20]
    key = (lang, digest)
    # One at a time: a crowd asking for a new version waits for one copy, not a copy each.
    with _lock:
        if key not in _kept:
            _kept[key] = Pdf(make_pdf(html), f"{lang}-{digest}")
            while len(_kept) > KEPT:
                _kept.popitem(last=False)
        _kept.move_to_end(key)
        return _kept[key]
