"""Editing an entitlement: the validator refuses bad fields one by one, preview shows the
public page, drafts go for review, and a publisher publishes or sends them back."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from flask import Flask
from flask_babel import force_locale, gettext
from sqlalchemy import select

from localoffer.moderation.revisions import ContentEvent, Revision

from .conftest import EDIT, EDITOR, ITEM, PUBLIC, PUBLISHER, form_of, portal, signed_in

NEW_SUMMARY = "When you graduate, we help pay for your gown, photos, travel and a meal out."


def rows(app: Flask, model: type) -> list:
    with app.extensions["localoffer.db"].sessions() as session:
        return list(session.scalars(select(model).order_by(model.id)))


def errors_by_field(html: str) -> dict[str, str]:
    soup = BeautifulSoup(html, "html.parser")
    return {
        message["id"].removesuffix("-error"): message.get_text(" ", strip=True)
        for message in soup.select(".govuk-error-message[id]")
    }


def test_the_edit_form_labels_every_front_matter_field_by_its_name(editing_app: Flask) -> None:
    """Title, Summary, Who, Ages, Amounts, Sources, review dates and the Markdown body."""
    client = signed_in(editing_app, EDITOR)
    soup = BeautifulSoup(client.get(EDIT).get_data(as_text=True), "html.parser")
    labels = {label.get_text(strip=True) for label in soup.select("label.govuk-label")}
    assert {"Title", "Summary", "Who", "Ages", "Conditions", "Amounts", "Legal basis",
            "Sources", "Contacts", "Last reviewed", "Review due", "Review cadence",
            "Body"} <= labels  # fmt: skip
    fields = form_of(client)
    assert fields["title"] == "Help with graduation costs"
    assert "gbp: 150" in fields["amounts"] and fields["who"] == "former_relevant"
    assert fields["body"].startswith("This is for you if you are finishing a degree")


def test_invalid_front_matter_is_refused_field_by_field_and_nothing_is_saved(
    editing_app: Flask, content_copy: Path
) -> None:
    """Each problem the content check finds is shown beside its own field; no draft is kept."""
    client = signed_in(editing_app, EDITOR)
    before = (content_copy / "council/education-employment-training/graduation-costs.md")
    shipped = before.read_text(encoding="utf-8")
    fields = form_of(client) | {
        "title": "",
        "who": "orphan",
        "ages": "from: 30\nto: 25",
        "review_due": "next year",
        "summary": "Now £175 towards the day.",
        "amounts": "- {gbp: [",
        "action": "save",
    }
    response = client.post(EDIT, data=fields)
    assert response.status_code == 400
    errors = errors_by_field(response.get_data(as_text=True))
    assert "title" in errors and "who" in errors and "orphan" in errors["who"]
    assert "ages" in errors and "30" in errors["ages"]
    assert "review_due" in errors
    assert "amounts" in errors and "YAML" in errors["amounts"]
    assert rows(editing_app, Revision) == [] and rows(editing_app, ContentEvent) == []
    assert before.read_text(encoding="utf-8") == shipped


def test_a_figure_the_amounts_do_not_carry_is_named_in_the_summary(editing_app: Flask) -> None:
    """The cross-check of money in prose against amounts runs on save, as in content check."""
    client = signed_in(editing_app, EDITOR)
    fields = form_of(client) | {"summary": "We give £175 for the day.", "action": "save"}
    errors = errors_by_field(client.post(EDIT, data=fields).get_data(as_text=True))
    assert "£175" in errors["summary"]


def test_preview_shows_the_public_page_marked_as_a_preview_and_saves_nothing(
    editing_app: Flask,
) -> None:
    """Markdown is rendered and sanitised as on the public page: a script never gets through."""
    client = signed_in(editing_app, EDITOR)
    body = "## What you can get\n\nA *new* paragraph.\n\n<script>alert(1)</script>"
    fields = form_of(client) | {"summary": NEW_SUMMARY, "body": body, "action": "preview"}
    response = client.post(EDIT, data=fields)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    soup = BeautifulSoup(html, "html.parser")
    assert "This is a preview" in soup.select_one(".app-preview-banner").get_text()
    assert NEW_SUMMARY in html and "<em>new</em>" in html and "<script>alert" not in html
    assert rows(editing_app, Revision) == []


def test_a_draft_goes_for_review_and_a_publisher_publishes_it(
    editing_app: Flask, content_copy: Path
) -> None:
    """The public still sees the old text until publishing; then the file and page change."""
    editor = signed_in(editing_app, EDITOR)
    fields = form_of(editor) | {"summary": NEW_SUMMARY}
    assert editor.post(EDIT, data=fields | {"action": "save"}).status_code == 302
    assert "meal out" not in editing_app.test_client().get(PUBLIC).get_data(as_text=True)
    assert form_of(editor)["summary"] == NEW_SUMMARY  # the draft is what the form shows now

    refused = editor.post(EDIT, data=fields | {"action": "review", "note": ""})
    assert "Say what has changed" in errors_by_field(refused.get_data(as_text=True))["note"]
    note = "Graduation help now covers a meal out"
    assert editor.post(EDIT, data=fields | {"action": "review", "note": note}).status_code == 302
    assert editor.post(EDIT, data=fields | {"action": "publish", "note": note}).status_code == 403

    publisher = signed_in(editing_app, PUBLISHER)
    response = publisher.post(EDIT, data=form_of(publisher) | {"action": "publish", "note": note})
    assert response.status_code == 302
    path = content_copy / "council/education-employment-training/graduation-costs.md"
    assert NEW_SUMMARY in path.read_text(encoding="utf-8")
    assert NEW_SUMMARY in editing_app.test_client().get(PUBLIC).get_data(as_text=True)
    assert editing_app.extensions["localoffer.offer"].get(ITEM).translations["ar"].stale
    arabic = editing_app.test_client().get(f"/ar{PUBLIC}").get_data(as_text=True)
    with editing_app.test_request_context(), force_locale("ar"):
        notice = gettext("This translation may be out of date: the English page has changed "
                         "since it was translated.")  # fmt: skip
    assert notice != "" and notice in arabic

    events = rows(editing_app, ContentEvent)
    assert [(e.action, e.actor_email) for e in events] == [
        ("saved", EDITOR), ("sent_for_review", EDITOR), ("published", PUBLISHER)
    ]
    assert events[-1].note == note
    assert f"+summary: {NEW_SUMMARY}" in events[-1].diff
    assert "-summary: When you graduate" in events[-1].diff


def test_a_publisher_sends_a_draft_back_with_a_comment(editing_app: Flask) -> None:
    """The editor sees the comment; a send-back without one is refused."""
    editor = signed_in(editing_app, EDITOR)
    fields = form_of(editor) | {"summary": NEW_SUMMARY, "note": "Meal out"}
    editor.post(EDIT, data=fields | {"action": "review"})
    publisher = signed_in(editing_app, PUBLISHER)
    empty = publisher.post(EDIT, data=form_of(publisher) | {"action": "send_back"})
    assert "Say what needs to change" in errors_by_field(empty.get_data(as_text=True))["comment"]
    comment = "Which meals? Say up to how much."
    publisher.post(EDIT, data=form_of(publisher) | {"action": "send_back", "comment": comment})
    page = editor.get(EDIT).get_data(as_text=True)
    assert "A draft was sent back" in page and comment in page
    assert [r.state for r in rows(editing_app, Revision)] == ["sent_back"]


def test_the_two_person_rule_stops_a_publisher_publishing_their_own_words(
    content_copy: Path, database_file: str, shipped_offer: object
) -> None:
    """With the rule on, a publisher's own edit is refused; an editor's draft is published."""
    from staff.conftest import add_staff

    app = portal(content_copy, database_file, shipped_offer, CONTENT_TWO_PERSON_RULE=True)
    add_staff(app, EDITOR, "editor")
    add_staff(app, PUBLISHER, "publisher")
    publisher = signed_in(app, PUBLISHER)
    own = form_of(publisher) | {"summary": NEW_SUMMARY, "note": "Meal", "action": "publish"}
    refused = publisher.post(EDIT, data=own)
    assert refused.status_code == 400
    assert "two-person rule" in errors_by_field(refused.get_data(as_text=True))["note"]
    editor = signed_in(app, EDITOR)
    editor.post(EDIT, data=form_of(editor) | {"summary": NEW_SUMMARY, "note": "Meal",
                                              "action": "review"})  # fmt: skip
    done = publisher.post(EDIT, data=form_of(publisher) | {"note": "Meal", "action": "publish"})
    assert done.status_code == 302
    assert NEW_SUMMARY in app.test_client().get(PUBLIC).get_data(as_text=True)
