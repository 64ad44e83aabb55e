"""Creating a council entitlement (issue 21, point 4): its id is fixed at creation and never
given twice; the draft goes through review and publishing like any edit, and once published
its page, the sitemap, search, the API and the Open Referral feed show it on every machine."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from staff.conftest import add_staff

from localoffer.api.classification import stable_id
from localoffer.content import Offer
from localoffer.feedback.models import utc_now
from localoffer.moderation.revisions import ContentEvent, Revision

from .conftest import EDITOR, PUBLISHER, form_of, portal, signed_in
from .test_editing import errors_by_field, rows
from .test_retiring import retire

NEW = "/moderation/content/new"
ITEM = "bike-repairs"
THEME = "education-employment-training"
EDIT = f"/moderation/content/{ITEM}/"
PUBLIC = f"/{THEME}/{ITEM}/"
TITLE = "Help to keep your bike on the road"
SUMMARY = "We pay for a bicycle service and new lights once a year."
NOTE = "New: help with bike repairs"


def new_fields(client: FlaskClient, **changes: str) -> dict[str, str]:
    """A whole new entitlement, built on an existing council one's fields."""
    fields = form_of(client, "/moderation/content/graduation-costs/")
    fields |= {"theme": THEME, "entitlement_id": ITEM, "title": TITLE, "summary": SUMMARY,
               "body": f"This is for you if you ride a bicycle to work.\n\n{fields['body']}",
               "action": "save"}  # fmt: skip
    return fields | changes


def test_a_new_entitlement_is_drafted_reviewed_published_and_shown_everywhere(
    editing_app: Flask, tmp_path: Path, database_file: str, shipped_offer: Offer
) -> None:
    other_folder = tmp_path / "other-machine"
    shutil.copytree(Path(editing_app.config["CONTENT_DIR"]), other_folder)
    other = portal(other_folder, database_file, shipped_offer)
    reader, far_reader = editing_app.test_client(), other.test_client()
    editor = signed_in(editing_app, EDITOR)
    overview = editor.get("/moderation/content/").get_data(as_text=True)
    assert f'href="{NEW}"' in overview

    # A statutory kind sent with the form is ignored: only the council's own can be made.
    saved = editor.post(NEW, data=new_fields(editor, kind="statutory"))
    assert saved.status_code == 302 and saved.headers["Location"] == EDIT
    assert reader.get(PUBLIC).status_code == 404  # a draft is for staff only
    assert f"/{ITEM}/" not in reader.get("/sitemap.xml").get_data(as_text=True)
    assert reader.get(f"/api/v1/offer/{ITEM}").status_code == 404
    unpublished = BeautifulSoup(editor.get("/moderation/content/").get_data(as_text=True),
                                "html.parser").select_one(".app-unpublished")  # fmt: skip
    assert unpublished is not None and TITLE in unpublished.get_text()
    assert form_of(editor, EDIT)["summary"] == SUMMARY

    review = form_of(editor, EDIT) | {"action": "review", "note": NOTE}
    assert editor.post(EDIT, data=review).status_code == 302
    assert editor.post(EDIT, data=review | {"action": "publish"}).status_code == 403
    publisher = signed_in(editing_app, PUBLISHER)
    retire_link = 'class="govuk-link app-retire"'
    assert retire_link not in publisher.get(EDIT).get_data(as_text=True)  # nothing to retire
    published = publisher.post(EDIT, data=form_of(publisher, EDIT) | {"action": "publish",
                                                                  "note": NOTE})
    assert published.status_code == 302

    file = Path(editing_app.config["CONTENT_DIR"]) / f"council/{THEME}/{ITEM}.md"
    assert f"id: {ITEM}" in file.read_text("utf-8")
    assert "kind: council" in file.read_text("utf-8")
    service = stable_id(editing_app.extensions["localoffer.offer"].council, "service", ITEM)
    for client in (reader, far_reader):
        page = client.get(PUBLIC)
        assert page.status_code == 200 and SUMMARY in page.get_data(as_text=True)
        assert f"/{ITEM}/" in client.get("/sitemap.xml").get_data(as_text=True)
        assert f"/{ITEM}/" in client.get("/search?q=bicycle").get_data(as_text=True)
        assert client.get(f"/api/v1/offer/{ITEM}").get_json()["title"] == TITLE
        assert client.get(f"/api/v1/openreferral/services/{service}").status_code == 200
    assert (other_folder / f"council/{THEME}/{ITEM}.md").read_text("utf-8") == file.read_text(
        "utf-8"
    )
    assert [(e.action, e.actor_email) for e in rows(editing_app, ContentEvent)] == [
        ("saved", EDITOR), ("sent_for_review", EDITOR), ("published", PUBLISHER)
    ]  # fmt: skip
    assert f"+id: {ITEM}" in rows(editing_app, ContentEvent)[0].diff
    # Now it is an entitlement like any other, and its id is taken.
    assert editor.get(EDIT).status_code == 200
    assert retire_link in publisher.get(EDIT).get_data(as_text=True)
    again = editor.post(NEW, data=new_fields(editor, title="Bikes again"))
    assert again.status_code == 400


def add_history(app: Flask, entitlement_id: str) -> None:
    """A revision of an entitlement long gone: the files no longer hold it, the history does."""
    with app.extensions["localoffer.db"].sessions() as session:
        session.add(Revision(entitlement_id=entitlement_id, state="superseded",
                             path=f"council/housing/{entitlement_id}.md", document="",
                             created_at=utc_now(), updated_at=utc_now()))  # fmt: skip
        session.commit()


def add_translation_only(app: Flask, entitlement_id: str) -> None:
    folder = Path(app.config["COUNCIL_DIR"]) / "housing"
    (folder / f"{entitlement_id}.ar.md").write_text("---\n---\n", encoding="utf-8")


TAKEN = "This id is used, or was used before: choose another"
KEBAB = "Use lowercase words and hyphens only, like staying-put"


@pytest.mark.parametrize(
    ("entitlement_id", "before", "error"),
    [
        ("", None, "Enter an id"),
        ("Bike-Repairs", None, KEBAB),
        ("bike repairs", None, KEBAB),
        ("bike_repairs", None, KEBAB),
        ("-bike", None, KEBAB),
        ("bike--repairs", None, KEBAB),
        ("../housing/bike", None, KEBAB),
        ("driving-lessons", None, TAKEN),  # a council entitlement has it, in another theme
        ("graduation-costs", None, TAKEN),  # a council entitlement has it
        ("personal-adviser", None, TAKEN),  # the law's entitlement has it
        ("guarantor-scheme", "retire", TAKEN),  # retired: never used again
        ("old-scheme", "history", TAKEN),  # only the revision history remembers it
        ("lonely-page", "translation", TAKEN),  # a translation file carries it
        (ITEM, "draft", TAKEN),  # someone else's new draft has it
    ],
)
def test_an_id_is_refused_when_bad_or_ever_used_and_nothing_is_saved(
    editing_app: Flask, entitlement_id: str, before: str | None, error: str
) -> None:
    editor = signed_in(editing_app, EDITOR)
    if before == "retire":
        assert retire(signed_in(editing_app, PUBLISHER)) == 302
    elif before == "history":
        add_history(editing_app, entitlement_id)
    elif before == "translation":
        add_translation_only(editing_app, entitlement_id)
    elif before == "draft":
        assert editor.post(NEW, data=new_fields(editor)).status_code == 302
    kept = len(rows(editing_app, Revision)), len(rows(editing_app, ContentEvent))
    for action in ("save", "preview"):
        response = editor.post(NEW, data=new_fields(editor, entitlement_id=entitlement_id,
                                                    action=action))  # fmt: skip
        assert response.status_code == 400
        assert errors_by_field(response.get_data(as_text=True))["entitlement_id"] == (
            f"Error: {error}"
        )
    assert (len(rows(editing_app, Revision)), len(rows(editing_app, ContentEvent))) == kept


@pytest.mark.parametrize("theme", ["", "nowhere", "national"])
def test_a_theme_must_be_chosen_from_the_list(editing_app: Flask, theme: str) -> None:
    editor = signed_in(editing_app, EDITOR)
    response = editor.post(NEW, data=new_fields(editor, theme=theme))
    assert response.status_code == 400
    assert errors_by_field(response.get_data(as_text=True))["theme"] == "Error: Choose a theme"
    assert rows(editing_app, Revision) == []


def test_every_field_is_checked_at_once_and_nothing_is_half_saved(editing_app: Flask) -> None:
    """A wrong id does not hide the fields' own problems; none of it is stored."""
    editor = signed_in(editing_app, EDITOR)
    fields = new_fields(editor, entitlement_id="Bad Id", title="", ages="from: 30\nto: 25",
                        review_due="next year")  # fmt: skip
    response = editor.post(NEW, data=fields)
    assert response.status_code == 400
    errors = errors_by_field(response.get_data(as_text=True))
    assert {"entitlement_id", "title", "ages", "review_due"} <= set(errors)
    assert rows(editing_app, Revision) == [] and rows(editing_app, ContentEvent) == []
    assert editing_app.test_client().get(f"/{THEME}/bad-id/").status_code == 404


def test_preview_shows_the_new_page_and_saves_nothing(editing_app: Flask) -> None:
    editor = signed_in(editing_app, EDITOR)
    response = editor.post(NEW, data=new_fields(editor, action="preview"))
    assert response.status_code == 200
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert "This is a preview" in soup.select_one(".app-preview-banner").get_text()
    assert TITLE in soup.select_one("h1").get_text()
    assert rows(editing_app, Revision) == []


def test_only_editors_and_publishers_may_create(editing_app: Flask) -> None:
    add_staff(editing_app, "mod@council.example", "moderator")
    moderator = signed_in(editing_app, "mod@council.example")
    assert moderator.get(NEW).status_code == 403
    editor = signed_in(editing_app, EDITOR)
    assert moderator.post(NEW, data=new_fields(editor)).status_code == 403
    assert editing_app.test_client().get(NEW).status_code in (302, 401, 403)
    assert rows(editing_app, Revision) == []
    assert signed_in(editing_app, PUBLISHER).get(NEW).status_code == 200
    assert editor.get(f"/moderation/content/{ITEM}/").status_code == 404  # nothing made


def test_publishing_a_new_entitlement_in_a_git_folder_commits_the_new_file(
    content_copy: Path, database_file: str, shipped_offer: Offer
) -> None:
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(content_copy), *args], check=True,
                              capture_output=True, text=True).stdout  # fmt: skip

    git("init", "-q")
    git("-c", "user.email=t@example.org", "-c", "user.name=T", "add", "-A")
    git("-c", "user.email=t@example.org", "-c", "user.name=T", "commit", "-qm", "start")
    app = portal(content_copy, database_file, shipped_offer)
    add_staff(app, PUBLISHER, "publisher")
    publisher = signed_in(app, PUBLISHER)
    assert publisher.post(NEW, data=new_fields(publisher)).status_code == 302
    assert git("status", "--porcelain") == ""  # a draft is not a file
    done = publisher.post(EDIT, data=form_of(publisher, EDIT) | {"action": "publish",
                                                                  "note": NOTE})  # fmt: skip
    assert done.status_code == 302
    assert git("log", "-1", "--format=%s %ae") == f"{NOTE} {PUBLISHER}\n"
    assert git("show", "--name-status", "--format=", "HEAD") == f"A\tcouncil/{THEME}/{ITEM}.md\n"
