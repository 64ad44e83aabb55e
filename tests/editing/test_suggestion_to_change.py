"""From suggestion to change (issue 21, point 5): a suggestion is marked done with a link to
the change published about it, and "You said, we did" shows what changed."""

from __future__ import annotations

from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from staff.conftest import add_staff

from localoffer.feedback import service
from localoffer.feedback.models import Submission

from .conftest import EDIT, ITEM, signed_in
from .test_publishing import publish

NOTE = "Graduation help now covers a meal out"
BOTH = "both@council.example"


def suggest(app: Flask, entitlement_id: str = ITEM) -> int:
    with app.extensions["localoffer.db"].sessions() as session:
        suggestion = service.new_submission(kind="suggestion", language="en",
                                            message="Pay for a meal out too",
                                            entitlement_id=entitlement_id)  # fmt: skip
        service.save(session, suggestion, None)
        return suggestion.id


def moderator(app: Flask) -> FlaskClient:
    add_staff(app, BOTH, "moderator", "editor")
    return signed_in(app, BOTH)


def change_options(client: FlaskClient, url: str) -> dict[str, str]:
    soup = BeautifulSoup(client.get(url).get_data(as_text=True), "html.parser")
    return {o["value"]: o.get_text() for o in soup.select("select[name=change] option")}


def decision(**fields: str) -> dict[str, str]:
    return {"status": "done", "public_message": "Pay for a meal out too",
            "public_response": "We now pay for a meal out.", "change": ""} | fields  # fmt: skip


def stored(app: Flask, submission_id: int) -> Submission:
    with app.extensions["localoffer.db"].sessions() as session:
        found = session.get(Submission, submission_id)
        assert found is not None
        return found


def test_from_suggestion_to_edit_to_done_with_a_link_to_the_change(editing_app: Flask) -> None:
    submission_id = suggest(editing_app)
    client = moderator(editing_app)
    url = f"/moderation/items/{submission_id}/"
    page = client.get(url).get_data(as_text=True)
    assert f'href="{EDIT}"' in page  # the way to edit the entitlement
    assert "select" not in BeautifulSoup(page, "html.parser").select_one("main form").decode()
    publish(editing_app, NOTE)
    options = change_options(client, url)
    [(change_id, label)] = [(v, t) for v, t in options.items() if v]
    assert label.endswith(f": {NOTE}")
    response = client.post(url, data=decision(change=change_id))
    assert response.status_code == 302
    assert stored(editing_app, submission_id).change_id == int(change_id)
    assert change_options(client, url)  # and the form shows the choice again
    soup = BeautifulSoup(client.get(url).get_data(as_text=True), "html.parser")
    chosen = soup.select_one("select[name=change] option[selected]")
    assert chosen is not None and chosen["value"] == change_id

    public = BeautifulSoup(
        editing_app.test_client().get("/you-said-we-did/").get_data(as_text=True), "html.parser"
    )
    changed = public.select_one(".app-what-changed")
    assert changed is not None and NOTE in changed.get_text()
    link = changed.select_one("a")
    assert link is not None and link["href"] == f"/changes/#change-{change_id}"
    assert editing_app.test_client().get("/changes/").get_data(as_text=True).count(
        f'id="change-{change_id}"'
    ) == 1


def test_a_change_is_linked_only_to_a_suggestion_marked_done(editing_app: Flask) -> None:
    submission_id = suggest(editing_app)
    client = moderator(editing_app)
    publish(editing_app, NOTE)
    url = f"/moderation/items/{submission_id}/"
    [change_id] = [v for v in change_options(client, url) if v]
    response = client.post(url, data=decision(status="accepted", change=change_id))
    assert response.status_code == 200
    assert "Mark it done to link it to a change" in response.get_data(as_text=True)
    unchanged = stored(editing_app, submission_id)
    assert (unchanged.status, unchanged.change_id, unchanged.public_response) == ("new", None, None)


def test_only_a_change_about_the_suggestion_s_entitlement_can_be_linked(
    editing_app: Flask,
) -> None:
    """Another entitlement's change, an unknown id or a change from before the suggestion are
    refused, and nothing is saved."""
    publish(editing_app, "An earlier change")
    other = suggest(editing_app, "guarantor-scheme")
    submission_id = suggest(editing_app)
    client = moderator(editing_app)
    url = f"/moderation/items/{submission_id}/"
    assert [v for v in change_options(client, url) if v] == []  # published before it came in
    publish(editing_app, NOTE)
    [change_id] = [v for v in change_options(client, url) if v]
    for bad in ("999999", "not-a-number", str(int(change_id) - 1)):
        response = client.post(f"/moderation/items/{other}/", data=decision(change=bad))
        assert response.status_code == 200
        assert "Choose a change published about this entitlement" in response.get_data(
            as_text=True
        )
    response = client.post(f"/moderation/items/{other}/", data=decision(change=change_id))
    assert "Choose a change published about this entitlement" in response.get_data(as_text=True)
    assert stored(editing_app, other).status == "new"
