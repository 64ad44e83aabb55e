"""A published change reaches every worker and machine sharing the database, without a
restart, and a content folder kept in git gets a commit with the note and the author."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

from flask import Flask

from localoffer.content import Offer
from localoffer.feedback import migrate
from localoffer.feedback.db import Database

from .conftest import EDIT, EDITOR, ITEM, PUBLIC, PUBLISHER, form_of, portal, signed_in

NEW_SUMMARY = "When you graduate, we help pay for your gown, photos, travel and a meal out."
FILE = "council/education-employment-training/graduation-costs.md"


def publish(app: Flask, note: str = "Graduation help now covers a meal out") -> None:
    editor = signed_in(app, EDITOR)
    editor.post(EDIT, data=form_of(editor) | {"summary": NEW_SUMMARY, "action": "review",
                                              "note": note})  # fmt: skip
    publisher = signed_in(app, PUBLISHER)
    response = publisher.post(EDIT, data=form_of(publisher) | {"action": "publish", "note": note})
    assert response.status_code == 302


def test_a_second_machine_serves_the_change_within_ten_seconds(
    content_copy: Path, tmp_path: Path, database_url: str, shipped_offer: Offer
) -> None:
    """Two portals, each with its own content folder and page cache, on one database of
    each backend: a change published through one is served by the other within seconds."""
    from staff.conftest import add_staff

    migrated = Database(database_url)
    migrate.upgrade(migrated.engine)
    migrated.engine.dispose()
    first = portal(content_copy, database_url, shipped_offer)
    add_staff(first, EDITOR, "editor")
    add_staff(first, PUBLISHER, "publisher")
    other_folder = tmp_path / "other-machine"
    shutil.copytree(content_copy, other_folder)
    other = portal(other_folder, database_url, shipped_offer, CONTENT_POLL_SECONDS=2)
    try:
        reader = other.test_client()
        assert NEW_SUMMARY not in reader.get(PUBLIC).get_data(as_text=True)  # now cached
        publish(first)
        published = time.monotonic()
        while NEW_SUMMARY not in reader.get(PUBLIC).get_data(as_text=True):
            assert time.monotonic() - published < 10, "not served within 10 seconds"
            time.sleep(0.2)
        assert NEW_SUMMARY in (other_folder / FILE).read_text(encoding="utf-8")
        assert other.extensions["localoffer.offer"].get(ITEM).translations["ar"].stale
        found = reader.get("/search?q=meal+out").get_data(as_text=True)
        assert f"/{ITEM}/" in found
    finally:
        for app in (first, other):
            app.extensions["localoffer.db"].engine.dispose()


def test_a_portal_started_on_older_files_takes_the_published_revision(
    editing_app: Flask, tmp_path: Path, database_file: str, shipped_offer: Offer
) -> None:
    """A machine whose folder was never written to catches up on its first request."""
    stale_folder = tmp_path / "stale"
    shutil.copytree(Path(editing_app.config["CONTENT_DIR"]), stale_folder)
    publish(editing_app)
    late = portal(stale_folder, database_file, shipped_offer)
    assert NEW_SUMMARY in late.test_client().get(PUBLIC).get_data(as_text=True)


def test_publishing_commits_the_file_with_the_note_and_author_in_a_git_folder(
    content_copy: Path, database_file: str, shipped_offer: Offer
) -> None:
    """The council's git history shows who published what and why."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(content_copy), "-c", "user.name=t",
                               "-c", "user.email=t@example.org", *args],
                              capture_output=True, text=True, check=True).stdout  # fmt: skip

    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "The offer as shipped")
    from staff.conftest import add_staff

    app = portal(content_copy, database_file, shipped_offer)
    add_staff(app, EDITOR, "editor")
    add_staff(app, PUBLISHER, "publisher")
    publish(app, note="Setting-up-home style note: meal out added")
    log = git("log", "-1", "--format=%an <%ae>|%s", "--name-only")
    assert log.startswith(f"{PUBLISHER} <{PUBLISHER}>|Setting-up-home style note: meal out added")
    assert FILE in log
    assert git("status", "--porcelain") == ""


def test_another_worker_on_the_same_folder_serves_the_change_on_its_first_request(
    editing_app: Flask, database_file: str, shipped_offer: Offer
) -> None:
    """A worker started before the publish, whose file another worker already wrote."""
    same_folder = Path(editing_app.config["CONTENT_DIR"])
    worker = portal(same_folder, database_file, shipped_offer)
    publish(editing_app)
    assert NEW_SUMMARY in worker.test_client().get(PUBLIC).get_data(as_text=True)
