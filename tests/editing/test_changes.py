"""What changed (issue 21, point 8): /changes/ in every language, the Atom feed, and the
last change with its note on the entitlement's page."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime

import pytest
from bs4 import BeautifulSoup
from flask import Flask

from localoffer.clock import UK
from localoffer.languages import SHIPPED_LANGUAGES

from .conftest import ITEM, PUBLIC
from .test_publishing import publish

NOTE = "Graduation help now covers a meal out"
ATOM = "{http://www.w3.org/2005/Atom}"
TITLE = "Help with graduation costs"


def test_before_any_change_the_page_says_so_and_the_feed_is_empty(editing_app: Flask) -> None:
    client = editing_app.test_client()
    html = client.get("/changes/").get_data(as_text=True)
    assert "No changes yet." in html
    feed = ET.fromstring(client.get("/changes.atom").data)
    assert feed.findall(f"{ATOM}entry") == []
    assert "Last changed" not in client.get(PUBLIC).get_data(as_text=True)


@pytest.mark.parametrize("lang", SHIPPED_LANGUAGES)
def test_changes_lists_a_published_change_by_date_with_its_note(
    editing_app: Flask, lang: str
) -> None:
    publish(editing_app, NOTE)
    prefix = "" if lang == "en" else f"/{lang}"
    response = editing_app.test_client().get(f"{prefix}/changes/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    day = soup.select_one("main h2")
    assert day is not None and day.select_one("bdi") is not None  # a date, isolated
    if lang == "en":
        published = datetime.now(UK).date()
        assert day.get_text() == f"{published.day} {published:%B %Y}"
    entry = soup.select_one(".app-changes li")
    assert entry is not None
    assert NOTE in entry.get_text()
    link = entry.select_one("a")
    assert link is not None and link["href"] == f"{prefix}{PUBLIC}"
    # The note is staff's English; in another language it is marked as English.
    note = entry.select_one("p")
    assert note is not None and note.get("lang") == (None if lang == "en" else "en")


def test_the_atom_feed_carries_each_change_with_its_page_and_note(editing_app: Flask) -> None:
    publish(editing_app, "First change")
    publish(editing_app, NOTE)
    response = editing_app.test_client().get("/changes.atom")
    assert response.mimetype == "application/atom+xml"
    feed = ET.fromstring(response.data)
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}summary") for e in entries] == [NOTE, "First change"]
    first = entries[0]
    assert first.findtext(f"{ATOM}title") == TITLE
    link = first.find(f"{ATOM}link")
    assert link is not None and link.get("href", "").endswith(PUBLIC)
    assert feed.findtext(f"{ATOM}updated") == first.findtext(f"{ATOM}updated")
    ids = {e.findtext(f"{ATOM}id") for e in entries}
    assert len(ids) == 2  # every entry its own id, so readers see both


def test_the_entitlement_page_shows_when_it_last_changed_and_why(editing_app: Flask) -> None:
    client = editing_app.test_client()
    client.get(PUBLIC)  # now in the page cache: publishing must replace it
    publish(editing_app, NOTE)
    soup = BeautifulSoup(client.get(PUBLIC).get_data(as_text=True), "html.parser")
    changed = soup.select_one(".app-last-change")
    assert changed is not None
    assert NOTE in changed.get_text()
    arabic = BeautifulSoup(client.get(f"/ar{PUBLIC}").get_data(as_text=True), "html.parser")
    note = arabic.select_one(".app-last-change span[lang=en]")
    assert note is not None and note.get_text() == NOTE


def test_changes_is_in_the_sitemap(editing_app: Flask) -> None:
    sitemap = editing_app.test_client().get("/sitemap.xml").get_data(as_text=True)
    assert "/changes/</loc>" in sitemap
    assert "/ar/changes/</loc>" in sitemap
    assert ITEM in sitemap
