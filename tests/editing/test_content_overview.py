"""The state of the offer at /moderation/content/: for editors and publishers only."""

from __future__ import annotations

from bs4 import BeautifulSoup
from flask import Flask
from staff.conftest import add_staff

from localoffer.feedback import service

from .conftest import EDITOR, ITEM, signed_in


def test_the_overview_lists_every_entitlement_with_its_state(editing_app: Flask) -> None:
    """Each entitlement appears once with its kind, review date and each language's state."""
    page = signed_in(editing_app, EDITOR).get("/moderation/content/")
    assert page.status_code == 200
    soup = BeautifulSoup(page.get_data(as_text=True), "html.parser")
    rows = soup.select("tr.app-content-row")
    offer = editing_app.extensions["localoffer.offer"]
    assert sorted(row["data-id"] for row in rows) == sorted(e.id for e in offer.entitlements)
    row = soup.select_one(f'tr[data-id="{ITEM}"]')
    assert row is not None
    assert "Extra from" in row.get_text() and "6 December 2027" in row.get_text()
    assert len(row.select("li[class^=app-translation-]")) == 7
    assert row.select_one(".app-translation-up_to_date") is not None


def test_overdue_and_due_soon_reviews_come_first_in_their_theme(editing_app: Flask) -> None:
    """Within a theme, no entry with a later-or-no-urgency review precedes an overdue one."""
    soup = BeautifulSoup(
        signed_in(editing_app, EDITOR).get("/moderation/content/").get_data(as_text=True),
        "html.parser",
    )
    for table in soup.select("table.app-content-table"):
        levels = [
            0 if row.select_one(".app-review-overdue") else
            1 if row.select_one(".app-review-soon") else 2
            for row in table.select("tr.app-content-row")
        ]  # fmt: skip
        assert levels == sorted(levels)


def test_open_suggestions_are_counted_against_their_entitlement(editing_app: Flask) -> None:
    """A new suggestion about a page shows as one open suggestion on its row."""
    with editing_app.extensions["localoffer.db"].sessions() as session:
        suggestion = service.new_submission(
            kind="suggestion", language="en", message="It should be more", entitlement_id=ITEM
        )
        service.save(session, suggestion, None)
    soup = BeautifulSoup(
        signed_in(editing_app, EDITOR).get("/moderation/content/").get_data(as_text=True),
        "html.parser",
    )
    row = soup.select_one(f'tr[data-id="{ITEM}"] .app-open-suggestions')
    assert row is not None and row.get_text(strip=True) == "1"


def test_a_moderator_alone_cannot_open_the_content_pages(editing_app: Flask) -> None:
    """Feedback moderators are refused the offer's editing pages with 403."""
    add_staff(editing_app, "mod@council.example", "moderator")
    client = signed_in(editing_app, "mod@council.example")
    assert client.get("/moderation/content/").status_code == 403
    assert client.get(f"/moderation/content/{ITEM}/").status_code == 403


def test_a_suggestion_links_staff_who_edit_to_its_entitlement(editing_app: Flask) -> None:
    """A moderator who is also an editor goes from the suggestion to the edit form."""
    with editing_app.extensions["localoffer.db"].sessions() as session:
        suggestion = service.new_submission(
            kind="suggestion", language="en", message="It should be more", entitlement_id=ITEM
        )
        service.save(session, suggestion, None)
        submission_id = suggestion.id
    add_staff(editing_app, "both@council.example", "moderator", "editor")
    add_staff(editing_app, "mod@council.example", "moderator")
    link = f'href="/moderation/content/{ITEM}/"'
    both = signed_in(editing_app, "both@council.example")
    assert link in both.get(f"/moderation/items/{submission_id}/").get_data(as_text=True)
    moderator = signed_in(editing_app, "mod@council.example")
    assert link not in moderator.get(f"/moderation/items/{submission_id}/").get_data(as_text=True)
