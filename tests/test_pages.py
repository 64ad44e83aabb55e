"""Every page of the shipped site renders properly and every link inside it works."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from localoffer import create_app
from localoffer.content import THEMES
from localoffer.i18n import KNOWN_LANGUAGES


def crawl(client: FlaskClient, start: str = "/") -> dict[str, BeautifulSoup]:
    """Fetch every internal page reachable from `start`; fail on any broken link."""
    pages: dict[str, BeautifulSoup] = {}
    queue, seen = [start], {start}
    anchors: list[tuple[str, str, str]] = []
    while queue:
        url = queue.pop()
        response = client.get(url)
        response.close()
        assert response.status_code == 200, f"{url} gave {response.status_code}"
        if response.mimetype != "text/html":
            continue
        soup = BeautifulSoup(response.get_data(), "html.parser")
        pages[url] = soup
        for link in soup.select("a[href], link[href]"):
            target = urljoin(url, link["href"])
            parsed = urlparse(target)
            if parsed.scheme or parsed.netloc:
                continue
            path, fragment = urldefrag(target)
            if fragment:
                anchors.append((url, path, fragment))
            if path not in seen:
                seen.add(path)
                queue.append(path)
    for source, path, fragment in anchors:
        if path in pages:
            assert pages[path].find(id=fragment), f"{source} links to missing {path}#{fragment}"
    return pages


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BeautifulSoup]:
    """Every page reachable from the home page, in every language (crawled once)."""
    app = create_app({"TESTING": True, "DATABASE_URL": "sqlite:///"
                      f"{tmp_path_factory.mktemp('site') / 'site.sqlite3'}"})  # fmt: skip
    return crawl(app.test_client())


def language_of(url: str) -> str:
    first = url.strip("/").split("/")[0]
    return first if first in KNOWN_LANGUAGES and first != "en" else "en"


@pytest.mark.crawl
def test_crawl_reaches_every_theme_and_entitlement_in_every_language(
    app: Flask, site: dict
) -> None:
    """The crawler finds every theme and entitlement, in every published language."""
    offer = app.extensions["localoffer.offer"]
    for lang in app.config["LANGUAGES"]:
        prefix = "" if lang == "en" else f"/{lang}"
        for theme in THEMES:
            assert f"{prefix}/themes/{theme}/" in site
        for item in offer.entitlements:
            assert f"{prefix}{item.url}" in site, item.url


@pytest.mark.crawl
def test_every_page_has_a_unique_title_one_h1_and_a_language(site: dict) -> None:
    """Titles tell pages apart in each language; one h1 per page; lang and dir are right."""
    titles: dict[tuple[str, str], str] = {}
    for url, soup in site.items():
        lang = language_of(url)
        key = (lang, soup.title.get_text(strip=True))
        assert key not in titles, f"{url} and {titles.get(key)} share the title {key[1]!r}"
        titles[key] = url
        assert len(soup.find_all("h1")) == 1, url
        assert soup.html.get("lang") == lang, url
        assert soup.html.get("dir") == KNOWN_LANGUAGES[lang].direction, url


@pytest.mark.crawl
def test_every_page_has_a_skip_link_to_main_content(site: dict) -> None:
    """Keyboard users can jump past the header on every page."""
    for url, soup in site.items():
        skip = soup.select_one("a.govuk-skip-link")
        assert skip is not None and skip["href"] == "#main-content", url
        assert soup.find(id="main-content") is not None, url


def test_entitlement_page_shows_everything_a_reader_needs(page: Callable) -> None:
    """The law tag, who, ages, contacts, legal basis, sources and review date are all there."""
    soup = page("/housing/suitable-accommodation/")
    text = soup.get_text(" ", strip=True)
    assert soup.select_one("main strong.govuk-tag").get_text(strip=True) == "The law says"
    assert "Who it is for" in text and "Ages" in text
    assert "From age 16 until you turn 18" in text
    assert "Children Act 1989" in text
    assert "Last checked" in text
    assert "Leaving care team" in text


def test_council_entitlement_is_tagged_as_extra_from_the_council(app: Flask, page) -> None:
    """Discretionary support is clearly marked as the council's own."""
    offer = app.extensions["localoffer.offer"]
    item = next(e for e in offer.entitlements if e.kind == "council")
    tag = page(item.url).select_one("main strong.govuk-tag").get_text(strip=True)
    assert tag == f"Extra from {offer.council.name}"


@pytest.mark.crawl
def test_demo_banner_shows_on_every_page_of_demo_content(site: dict) -> None:
    """The shipped council is a demonstration and every page says so."""
    for url, soup in site.items():
        banner = soup.select_one(".app-demo-banner")
        assert banner is not None and "Northwold Council" in banner.get_text(), url
        if language_of(url) == "en":
            assert "not a real council" in banner.get_text(), url


def test_no_demo_banner_for_a_real_council(fixture_content: Path, tmp_path: Path) -> None:
    """A council that turns demo off gets no banner."""
    council = fixture_content / "council" / "council.yaml"
    council.write_text(council.read_text().replace("demo: true", "demo: false"))
    app = create_app({"TESTING": True, "CONTENT_DIR": fixture_content,
                      "COUNCIL_DIR": fixture_content / "council"})  # fmt: skip
    soup = BeautifulSoup(app.test_client().get("/").data, "html.parser")
    assert soup.select_one(".app-demo-banner") is None
    assert "Testshire Council" in soup.get_text()


@pytest.mark.parametrize(
    "url",
    [
        "/themes/not-a-theme/",
        "/housing/not-an-entitlement/",
        "/not-a-theme/suitable-accommodation/",  # a real id under no theme
        "/no-such-page/",
    ],
)
def test_unknown_pages_give_a_styled_404(page: Callable, url: str) -> None:
    """Unknown themes and entitlements get the portal's own 404 page."""
    soup = page(url, status=404)
    assert soup.h1.get_text(strip=True) == "Page not found"
    assert soup.select_one(".govuk-generic-header") is not None


def test_unexpected_error_gives_a_styled_500_without_details(app: Flask) -> None:
    """A crash shows a kind page, never a stack trace."""
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/boom-for-test")
    def boom() -> str:
        raise RuntimeError("secret internals")

    response = app.test_client().get("/boom-for-test")
    assert response.status_code == 500
    assert b"secret internals" not in response.data
    assert b"Sorry, there is a problem with the service" in response.data
