"""`/sitemap.xml` (every public page in every language, with its translations linked) and
`/robots.txt` (which keeps crawlers out of moderation, the API and search results)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import quoteattr

from flask import Blueprint, Flask, Response, current_app, url_for
from werkzeug.exceptions import HTTPException

from localoffer.content import THEMES, Offer
from localoffer.i18n import DEFAULT_LANGUAGE

bp = Blueprint("sitemap", __name__)

# Pages that are not for search engines: staff-only, machine-readable or endless.
PRIVATE_PREFIXES: tuple[str, ...] = ("/moderation/", "/api/", "/search")
# The public pages (docs/architecture.md, URLs) that take no argument but the language, listed
# when the app serves them. Not the checker's later steps, nor feedback on one page: those are
# one person's answers or forms, never meant to be found.
FIXED_PATHS: tuple[str, ...] = (
    "/", "/check/", "/walkthrough/", "/glossary/", "/contacts/", "/feedback/",
    "/you-said-we-did/", "/changes/", "/accessibility/", "/privacy/", "/leaflet/", "/languages/",
)  # fmt: skip


@dataclass(frozen=True)
class Page:
    endpoint: str
    args: dict[str, str]
    lastmod: date | None = None


def fixed_pages(app: Flask) -> list[str]:
    """The endpoints of the fixed public pages this app serves, in FIXED_PATHS order."""
    adapter = app.url_map.bind("localhost")
    endpoints = []
    for path in FIXED_PATHS:
        try:
            endpoint, _ = adapter.match(path, method="GET")
        except HTTPException:
            continue  # a feature this council's portal does not have
        endpoints.append(str(endpoint))
    return endpoints


def public_pages(app: Flask, offer: Offer) -> list[Page]:
    pages = [Page(endpoint, {}) for endpoint in fixed_pages(app)]
    pages += [Page("pages.theme", {"theme": theme}) for theme in THEMES]
    pages += [
        Page("pages.entitlement", {"theme": e.theme, "entitlement_id": e.id}, e.last_reviewed)
        for e in offer.entitlements
    ]
    return pages


def url_entry(page: Page, lang: str, languages: list[str]) -> str:
    def at(code: str) -> str:
        return url_for(page.endpoint, **page.args, lang=code, _external=True)

    lines = ["  <url>", f"    <loc>{_text(at(lang))}</loc>"]
    if page.lastmod:
        lines.append(f"    <lastmod>{page.lastmod.isoformat()}</lastmod>")
    alternates: list[tuple[str, str]] = [(code, at(code)) for code in languages]
    alternates.append(("x-default", at(DEFAULT_LANGUAGE)))
    lines += [
        f'    <xhtml:link rel="alternate" hreflang="{code}" href={quoteattr(href)}/>'
        for code, href in alternates
    ]
    lines.append("  </url>")
    return "\n".join(lines)


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@bp.get("/sitemap.xml")
def sitemap() -> Response:
    offer: Offer = current_app.extensions["localoffer.offer"]
    languages = list(current_app.config["LANGUAGES"])
    entries = [
        url_entry(page, lang, languages)
        for page in public_pages(current_app, offer)
        for lang in languages
    ]
    body = "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
            ' xmlns:xhtml="http://www.w3.org/1999/xhtml">',
            *entries,
            "</urlset>",
            "",
        ]
    )
    return Response(body, mimetype="application/xml")


@bp.get("/robots.txt")
def robots() -> Response:
    languages = [code for code in current_app.config["LANGUAGES"] if code != DEFAULT_LANGUAGE]
    disallowed = [*PRIVATE_PREFIXES]
    disallowed += [
        f"/{code}{prefix}" for code in languages for prefix in PRIVATE_PREFIXES if prefix != "/api/"
    ]
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in disallowed)]
    lines += ["", f"Sitemap: {url_for('sitemap.sitemap', _external=True)}", ""]
    return Response("\n".join(lines), mimetype="text/plain")


__all__ = ["bp", "public_pages"]
