"""Retiring an entitlement (issue 21, point 4): its address answers 410 with a page that
points to its theme, and it leaves the sitemap, search, the API and the Open Referral feed,
on this portal and on another machine sharing the database."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from staff.conftest import add_staff

from localoffer.api.classification import stable_id
from localoffer.content import Offer
from localoffer.moderation.revisions import Revision

from .conftest import EDITOR, PUBLISHER, portal, signed_in

ITEM = "guarantor-scheme"
TITLE = "Rent guarantor scheme"
PUBLIC = f"/housing/{ITEM}/"
FILE = Path("council/housing/guarantor-scheme.md")
RETIRE = f"/moderation/content/{ITEM}/retire"
WHY = "The guarantor scheme has closed; the deposit scheme replaces it"


def retire(client: FlaskClient, note: str = WHY) -> int:
    page = client.get(RETIRE)
    assert page.status_code == 200
    return client.post(RETIRE, data={"note": note}).status_code


def test_a_retired_entitlement_answers_410_and_leaves_every_list(editing_app: Flask) -> None:
    reader = editing_app.test_client()
    assert reader.get(PUBLIC).status_code == 200  # and now in the page cache
    service = stable_id(editing_app.extensions["localoffer.offer"].council, "service", ITEM)
    assert retire(signed_in(editing_app, PUBLISHER)) == 302

    for lang in ("", "/ar"):
        gone = reader.get(f"{lang}{PUBLIC}")
        assert gone.status_code == 410
        link = BeautifulSoup(gone.get_data(as_text=True), "html.parser").select_one(
            ".app-retired a"
        )
        assert link is not None and link["href"] == f"{lang}/themes/housing/"
    assert reader.get(f"/education-employment-training/{ITEM}/").status_code == 404
    assert f"/{ITEM}/" not in reader.get("/sitemap.xml").get_data(as_text=True)
    assert f"/{ITEM}/" not in reader.get("/themes/housing/").get_data(as_text=True)
    assert f"/{ITEM}/" not in reader.get("/search?q=guarantor").get_data(as_text=True)
    assert reader.get(f"/api/v1/offer/{ITEM}").status_code == 404
    assert ITEM not in reader.get("/api/v1/offer").get_data(as_text=True)
    assert reader.get(f"/api/v1/openreferral/services/{service}").status_code == 404
    feed = reader.get("/api/v1/openreferral/services?per_page=100").get_data(as_text=True)
    assert service not in feed and TITLE not in feed

    content = Path(editing_app.config["CONTENT_DIR"])
    assert not (content / FILE).exists()
    assert list((content / FILE.parent).glob(f"{ITEM}.*.md")) == []  # translations too
    staff = signed_in(editing_app, PUBLISHER)
    assert staff.get(f"/moderation/content/{ITEM}/").status_code == 404
    assert f"/moderation/content/{ITEM}/" not in staff.get("/moderation/content/").get_data(
        as_text=True
    )


def test_another_machine_retires_it_too(
    editing_app: Flask, tmp_path: Path, database_file: str, shipped_offer: Offer
) -> None:
    other_folder = tmp_path / "other-machine"
    shutil.copytree(Path(editing_app.config["CONTENT_DIR"]), other_folder)
    other = portal(other_folder, database_file, shipped_offer)
    reader = other.test_client()
    assert reader.get(PUBLIC).status_code == 200
    assert retire(signed_in(editing_app, PUBLISHER)) == 302
    assert reader.get(PUBLIC).status_code == 410
    assert not (other_folder / FILE).exists()
    # And a machine started later from files that still hold it.
    late_folder = tmp_path / "late"
    shutil.copytree(Path(__file__).parents[2] / "content", late_folder)
    late = portal(late_folder, database_file, shipped_offer)
    assert late.test_client().get(PUBLIC).status_code == 410
    assert not (late_folder / FILE).exists()


def test_retiring_needs_a_note_and_a_publisher_and_only_the_council_s_own(
    editing_app: Flask,
) -> None:
    publisher = signed_in(editing_app, PUBLISHER)
    for note, error in (("", "Say why it is retired, in plain words"),
                        ("x" * 501, "Keep it to 500 characters or fewer")):  # fmt: skip
        response = publisher.post(RETIRE, data={"note": note})
        assert response.status_code == 400
        assert error in response.get_data(as_text=True)
    assert signed_in(editing_app, EDITOR).post(RETIRE, data={"note": WHY}).status_code == 403
    add_staff(editing_app, "mod@council.example", "moderator")
    assert signed_in(editing_app, "mod@council.example").get(RETIRE).status_code == 403
    # The law's entitlements are not the council's to retire.
    assert publisher.get("/moderation/content/personal-adviser/retire").status_code == 404
    with editing_app.extensions["localoffer.db"].sessions() as session:
        assert session.query(Revision).count() == 0  # nothing half-saved
    assert editing_app.test_client().get(PUBLIC).status_code == 200


def test_retiring_in_a_git_folder_commits_the_removal_with_the_note(
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
    assert retire(signed_in(app, PUBLISHER)) == 302
    assert git("log", "-1", "--format=%s %ae") == f"{WHY} {PUBLISHER}\n"
    lines = git("show", "--name-status", "--format=", "HEAD").splitlines()
    changes = [tuple(line.split("\t")) for line in lines if line]
    assert ("D", str(FILE)) in changes
    assert len(changes) > 1 and all(status == "D" for status, _path in changes)  # translations
    assert git("status", "--porcelain") == ""
