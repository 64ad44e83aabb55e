"""`/sitemap.xml` lists every public page in every language; `/robots.txt` keeps the rest out."""

from __future__ import annotations

from urllib.parse import urlparse
from xml.etree import ElementTree

import pytest
from flask import Flask
from flask.testing import FlaskClient

from localoffer.content import THEMES

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def entries(client: FlaskClient) -> dict[str, dict[str, str]]:
    """Each <loc> path, with its hreflang alternates (code -> path)."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200 and response.mimetype == "application/xml"
    root = ElementTree.fromstring(response.data)
    found = {}
    for url in root.findall("s:url", NS):
        loc = urlparse(url.findtext("s:loc", namespaces=NS)).path
        alternates = {
            link.get("hreflang"): urlparse(link.get("href")).path
            for link in url.findall("x:link", NS)
        }
        found[loc] = alternates
    return found


def test_sitemap_lists_every_theme_and_entitlement_in_every_language(
    app: Flask, entries: dict[str, dict[str, str]]
) -> None:
    """Home, themes, entitlements and the fixed pages, in all published languages."""
    offer = app.extensions["localoffer.offer"]
    for lang in app.config["LANGUAGES"]:
        prefix = "" if lang == "en" else f"/{lang}"
        fixed = ("/", "/glossary/", "/contacts/", "/privacy/", "/accessibility/", "/check/")
        expected = [f"{prefix}{path}" for path in fixed]
        expected += [f"{prefix}/themes/{theme}/" for theme in THEMES]
        expected += [f"{prefix}{item.url}" for item in offer.entitlements]
        missing = [path for path in expected if path not in entries]
        assert not missing, missing[:5]


def test_every_entry_links_all_its_translations_and_a_default(
    app: Flask, entries: dict[str, dict[str, str]]
) -> None:
    """Each URL names itself and every other language with hreflang, plus x-default (English)."""
    languages = set(app.config["LANGUAGES"])
    for loc, alternates in entries.items():
        assert set(alternates) == languages | {"x-default"}, loc
        assert loc in alternates.values()
        assert alternates["x-default"] == alternates["en"]
    assert entries["/"]["ar"] == "/ar/"


def test_every_sitemap_page_exists_and_nothing_private_is_listed(
    client: FlaskClient, entries: dict[str, dict[str, str]]
) -> None:
    """Every listed page answers 200; no API, moderation, search or per-person checker page."""
    for loc in entries:
        assert client.get(loc).status_code == 200, loc
        parts = loc.strip("/").split("/")
        assert not {"api", "moderation", "search"} & set(parts), loc
        assert "result" not in parts and "answers" not in parts, loc


def test_robots_keeps_moderation_the_api_and_search_out_and_names_the_sitemap(
    app: Flask, client: FlaskClient
) -> None:
    """Crawlers are kept out of staff pages, the API and search results, in every language."""
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    lines = response.get_data(as_text=True).splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/moderation/", "/api/", "/search", "/ar/moderation/", "/ar/search"):
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://localhost/sitemap.xml" in lines
    assert "Disallow: /" not in lines  # the offer itself stays open to search engines
