"""Publishing a revision, and every worker picking up the new offer without a restart.

Publishing writes the revision's document into the content folder (and commits it when that
folder is a git repository), then bumps the content version: the newest published
revision's id. Each worker compares that number with its own at most every
`CONTENT_POLL_SECONDS`; when it has moved, the worker writes any newer published documents
into its own content folder (another machine may have published), reads just those
entitlements again (the whole offer takes seconds to load, one file milliseconds), and
empties its page cache and rebuilds its search indexes. The files stay the truth that
`content check` reads.

Retiring an entitlement publishes an empty revision: every worker then deletes the file and
its translations (where still there), drops the entitlement from its offer, and answers its
address with 410 (`app.extensions[RETIRED]`: each retired id and its theme).
"""

from __future__ import annotations

import dataclasses
import logging
import subprocess
import threading
import time
from datetime import datetime
from pathlib import Path

from flask import Flask
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from localoffer.content import ContentError
from localoffer.content.documents import file_for, write_atomically
from localoffer.content.loader import refresh_entitlements
from localoffer.feedback.models import utc_now
from localoffer.moderation.revisions import Revision, content_version, latest_published

log = logging.getLogger(__name__)
VERSION = "localoffer.content_version"
RETIRED = "localoffer.retired"


class ContentVersion:
    """What this worker has loaded, and when it last asked the database."""

    def __init__(self) -> None:
        self.version: int | None = None
        self.checked_at = float("-inf")
        # The offer was loaded from the files just before this, when the app was built.
        self.started_at = utc_now()
        self.lock = threading.Lock()


def folders(app: Flask) -> tuple[Path, Path]:
    return Path(app.config["CONTENT_DIR"]), Path(app.config["COUNCIL_DIR"])


def family(path: Path) -> list[Path]:
    """An entitlement's file and its translations beside it."""
    return [path, *sorted(path.parent.glob(f"{path.stem}.*.md"))]


def commit_to_git(path: Path, note: str, author_email: str, also: list[Path] | None = None) -> bool:
    """Commit one published file (and `also`, e.g. deleted translations) when its folder is in
    a git repository; False otherwise."""
    folder = path.parent
    names = [path.name, *(other.name for other in also or [])]

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["git", "-C", str(folder), "-c", "user.name=Local Offer",
             "-c", "user.email=local-offer@localhost", *args],
            capture_output=True, text=True, check=False,
        )  # fmt: skip

    if git("rev-parse", "--is-inside-work-tree").returncode != 0:
        return False
    git("add", "--", *names)  # a deleted file's removal is staged the same way
    result = git("commit", "-m", note, f"--author={author_email} <{author_email}>", "--",
                 *names)  # fmt: skip
    if result.returncode != 0:
        log.warning("Published %s but could not commit it: %s", path, result.stderr.strip())
    return result.returncode == 0


def write_published(app: Flask, revision: Revision, note: str, author_email: str) -> Path:
    """Write a just-published revision into the content folder (and git); a retirement
    deletes the file and its translations."""
    path = file_for(revision.path, *folders(app))
    if retires(revision):
        gone = [file for file in family(path) if file.exists()]
        for file in gone:
            file.unlink()
        commit_to_git(path, note, author_email, gone[1:])
        return path
    write_atomically(path, revision.document)
    commit_to_git(path, note, author_email)
    return path


def retires(revision: Revision) -> bool:
    """A published revision with no document retires its entitlement."""
    return revision.document == ""


def theme_of(revision: Revision) -> str:
    """The theme folder in a revision's path, `<national|council>/<theme>/<id>.md`."""
    return revision.path.split("/")[-2]


def _write_newer(app: Flask, revisions: list[Revision]) -> list[Revision]:
    """Write each published revision newer than its file on this machine; those written."""
    written = []
    for revision in revisions:
        path = file_for(revision.path, *folders(app))
        if path.exists() and path.read_text(encoding="utf-8") == revision.document:
            continue
        if path.exists() and _newer_than(path, revision):
            log.warning("%s is newer than its last published revision; keeping the file",
                        path)  # fmt: skip
            continue
        if retires(revision):
            if path.exists():
                for file in family(path):
                    file.unlink()
                written.append(revision)
            continue
        write_atomically(path, revision.document)
        written.append(revision)
    return written


def _newer_than(path: Path, revision: Revision) -> bool:
    file_time = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    return revision.published_at is not None and file_time > revision.published_at


def reload_entitlements(app: Flask, revisions: list[Revision]) -> None:
    """Read the revisions' files again and serve only the new offer from now on."""
    from localoffer import search

    files = [(file_for(r.path, *folders(app)), r.path) for r in revisions if not retires(r)]
    retired = {r.entitlement_id for r in revisions if retires(r)}
    try:
        offer = refresh_entitlements(app.extensions["localoffer.offer"], files)
    except ContentError as error:
        # Every published document was validated; a hand edit on disk must not take the
        # offer down, so the portal keeps serving what it had and says why.
        log.error("Kept the loaded offer; the content folder has problems: %s", error)
        return
    if retired:
        kept = tuple(item for item in offer.entitlements if item.id not in retired)
        offer = dataclasses.replace(offer, entitlements=kept)
    app.extensions["localoffer.offer"] = offer
    search.init_app(app)
    cache = app.extensions["localoffer.caching"]
    cache.pages.clear()
    cache.loaded_at = utc_now()


def catch_up(app: Flask, session: Session, force: bool = False) -> bool:
    """Reload what was published since this worker last looked; True if anything was."""
    state: ContentVersion = app.extensions[VERSION]
    now = time.monotonic()
    if not force and now - state.checked_at < app.config["CONTENT_POLL_SECONDS"]:
        return False
    with state.lock:
        state.checked_at = now
        try:
            version = content_version(session)
        except SQLAlchemyError:
            session.rollback()
            return False
        if version == state.version:
            return False
        known, state.version = state.version, version
        published = latest_published(session) if version else []
        app.extensions[RETIRED] = {r.entitlement_id: theme_of(r) for r in published
                                   if retires(r)}  # fmt: skip
        written = _write_newer(app, published)
        if known is None:
            # The offer in memory came from the files when the app was built: what this
            # worker wrote since, and what another worker here wrote since, is new to it.
            changed = [r for r in published
                       if r in written or (r.published_at and r.published_at > state.started_at)]
            if written:
                log.warning("Took %d published revision(s) newer than the content folder",
                            len(written))  # fmt: skip
        else:
            # Another worker on this machine may already have written the file.
            changed = [r for r in published if r.id > known]
        if changed:
            reload_entitlements(app, changed)
        return bool(changed)


def publish(app: Flask, session: Session, revision: Revision, note: str, email: str) -> None:
    """Make `revision` the entitlement's published text, on disk and for every worker."""
    now = utc_now()
    for older in session.query(Revision).filter(
        Revision.entitlement_id == revision.entitlement_id,
        Revision.state == "published",
        Revision.id != revision.id,
    ):
        older.state = "superseded"
    revision.state = "published"
    revision.published_at = now
    revision.updated_at = now
    session.flush()
    write_published(app, revision, note, email)
    session.commit()
    catch_up(app, session, force=True)


def init_app(app: Flask) -> None:
    app.config.setdefault("CONTENT_POLL_SECONDS", 3.0)
    app.extensions[VERSION] = ContentVersion()
    app.extensions[RETIRED] = {}
