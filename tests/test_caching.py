"""Pages rendered once and revalidated cheaply; assets hashed; nothing private kept."""

from __future__ import annotations

import gzip
import re

import brotli
import pytest
from bs4 import BeautifulSoup
from flask import Flask, template_rendered

PAGE = "/relationships/personal-adviser/"


def rendered_templates(app: Flask, url: str, **headers: str) -> list[str]:
    names: list[str] = []

    def record(sender: Flask, template, context, **extra) -> None:  # type: ignore[no-untyped-def]
        names.append(template.name)

    with template_rendered.connected_to(record, app):
        response = app.test_client().get(url, headers=headers)
        assert response.status_code == 200
    return names


def test_a_content_page_is_rendered_once_then_served_from_memory(app: Flask) -> None:
    """The second visit to a page does no template (or Markdown) work at all."""
    assert rendered_templates(app, PAGE)
    assert rendered_templates(app, PAGE) == []


def test_each_language_and_suggestion_is_its_own_copy(app: Flask) -> None:
    """Arabic, English, and English with an Arabic suggestion are kept apart."""
    client = app.test_client()
    english = client.get("/").get_data(as_text=True)
    suggested = client.get("/", headers={"Accept-Language": "ar"}).get_data(as_text=True)
    arabic = client.get("/ar/").get_data(as_text=True)
    assert "app-language-suggestion" not in english and "app-language-suggestion" in suggested
    assert 'lang="ar"' in arabic and arabic != suggested


def test_repeat_visit_with_the_etag_gets_304(client) -> None:
    """A phone that already has the page downloads nothing but headers."""
    first = client.get(PAGE)
    assert first.headers["Cache-Control"] == "public, max-age=300"
    again = client.get(PAGE, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    since = client.get(PAGE, headers={"If-Modified-Since": first.headers["Last-Modified"]})
    assert since.status_code == 304


@pytest.mark.parametrize(
    ("encoding", "decode"), [("gzip", gzip.decompress), ("br", brotli.decompress)]
)
def test_pages_are_compressed_when_the_browser_accepts_it(client, encoding: str, decode) -> None:
    """Compressed and plain copies say the same thing, with their own validators."""
    plain = client.get(PAGE)
    packed = client.get(PAGE, headers={"Accept-Encoding": encoding})
    assert packed.headers["Content-Encoding"] == encoding
    assert "Accept-Encoding" in packed.headers["Vary"]
    assert decode(packed.data) == plain.data
    assert len(packed.data) < len(plain.data) / 3
    assert packed.headers["ETag"] != plain.headers["ETag"]
    again = client.get(PAGE, headers={"Accept-Encoding": encoding,
                                      "If-None-Match": packed.headers["ETag"]})  # fmt: skip
    assert again.status_code == 304


def test_stylesheet_has_a_hashed_name_and_is_cached_for_a_year(client) -> None:
    """Static files change name when they change, so browsers may keep them for good."""
    soup = BeautifulSoup(client.get("/").data, "html.parser")
    href = soup.select_one("link[rel=stylesheet]")["href"]
    assert re.fullmatch(r"/static/css/app\.[0-9a-f]{10}\.css", href)
    response = client.get(href, headers={"Accept-Encoding": "gzip"})
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.headers["Content-Encoding"] == "gzip"
    assert response.mimetype == "text/css"
    assert b"govuk" in gzip.decompress(response.data)


def test_plain_static_names_still_work_but_are_revalidated(client) -> None:
    """An old bookmark to /static/css/app.css works, without being cached blindly."""
    response = client.get("/static/css/app.css")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-cache"
    assert client.get("/static/css/nothing.css").status_code == 404


def test_checker_pages_are_never_stored(client) -> None:
    """Pages with a young person's answers tell every cache not to keep them."""
    assert client.get("/check/route/").headers["Cache-Control"] == "no-store"


def test_form_pages_are_not_shared(client) -> None:
    """A page with a form token is never marked public."""
    response = client.get("/feedback/")
    assert response.status_code == 200
    assert "public" not in response.headers.get("Cache-Control", "")
