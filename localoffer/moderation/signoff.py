"""Fluent speakers signing translations off: what there is to check, and the record of checks.

A reviewer is given languages. For each translated file (a page, the glossary, the council's
contact names and hours, and the screens' catalogue for this release) they read the
translation beside its English, passage by passage, with what changed in the English since
the last check highlighted, and mark it checked. Each check keeps who, when, the hash and
text of the English checked, and the revision (the published content revision, or the
release for the catalogue). Public pages show a check only while the English still has its
hash (`content.signoff`); every worker learns of a new check within CONTENT_POLL_SECONDS,
as it does of published content.
"""

from __future__ import annotations

import difflib
import hashlib
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from importlib import metadata
from pathlib import Path

from babel.messages.pofile import read_po
from flask import Flask
from sqlalchemy import ForeignKey, String, Text, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Mapped, Session, mapped_column

from localoffer.clock import UK, now
from localoffer.config import TRANSLATIONS_DIR
from localoffer.content.exchange import passages, translatable_files
from localoffer.content.model import Offer
from localoffer.content.signoff import INTERFACE, Check
from localoffer.feedback.models import Base, Moderator, utc_now
from localoffer.moderation.revisions import Revision
from localoffer.web.localise import CHECKS

VERSION = "localoffer.translation_checks_version"


class TranslationCheck(Base):
    """One sign-off of one translated file; the newest for a file and language is the one
    that counts, the older ones are its history."""

    __tablename__ = "translation_checks"

    id: Mapped[int] = mapped_column(primary_key=True)
    lang: Mapped[str] = mapped_column(String(8), index=True)
    file: Mapped[str] = mapped_column(String(300))
    source_hash: Mapped[str] = mapped_column(String(64))
    # The English passages as they were checked, so the next reviewer sees what changed.
    source_text: Mapped[str] = mapped_column(Text)
    revision: Mapped[str | None] = mapped_column(String(40))
    checked_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("moderators.id", ondelete="SET NULL")
    )
    checked_by: Mapped[str] = mapped_column(String(254))  # kept if the account goes
    checked_at: Mapped[datetime] = mapped_column(default=utc_now)


@dataclass(frozen=True)
class Row:
    key: str  # where the passage sits: title, summary, paragraph 3, terms[care-leaver].term
    english: str
    translation: str


@dataclass(frozen=True)
class Item:
    """One file to check in one language."""

    file: str  # national/housing/staying-put.md, national/glossary.yaml, interface
    label: str
    kind: str  # page, glossary, council or interface
    state: str  # missing, stale or current: only a current translation can be signed off
    source_hash: str
    source: Path
    translation: Path

    def rows(self) -> list[Row]:
        """The English and the translation side by side, passage by passage."""
        if self.kind == INTERFACE:
            return _catalogue_rows(self.source, self.translation)
        translated = {p.key: p.text for p in passages(self.translation)} \
            if self.translation.exists() else {}  # fmt: skip
        return [Row(p.key, p.text, translated.get(p.key, "")) for p in passages(self.source)]


def source_text(rows: list[Row]) -> str:
    """The English as one text, passage by passage, as a check keeps it."""
    return "\n\n".join(f"[{row.key}]\n{row.english}" for row in rows)


def release() -> str:
    try:
        return metadata.version("localoffer")
    except metadata.PackageNotFoundError:
        return "unreleased"


def items(offer: Offer, content_dir: Path, council_dir: Path, lang: str) -> list[Item]:
    """Every file a reviewer of `lang` can check: pages, glossary, council words, catalogue."""
    titles = {item.path: item.title for item in offer.entitlements}
    found = []
    for file in translatable_files(content_dir, council_dir, lang, offer):
        kind = "page" if file.shown in titles else \
            "glossary" if file.source.name == "glossary.yaml" else "council"  # fmt: skip
        found.append(Item(file.shown, titles.get(file.shown, file.shown), kind, file.state,
                          file.source_hash, file.source, file.translation))  # fmt: skip
    found.append(_catalogue(lang))
    return found


def _catalogue(lang: str) -> Item:
    """The screens' and messages' catalogue: checked per release, so its hash has the release."""
    template = TRANSLATIONS_DIR / "messages.pot"
    catalogue = TRANSLATIONS_DIR / lang / "LC_MESSAGES" / "messages.po"
    rows = _catalogue_rows(template, catalogue)
    english = "\n".join(row.english for row in rows)
    digest = hashlib.sha256(f"{release()}\n\0{english}".encode()).hexdigest()[:12]
    state = "missing" if not catalogue.exists() else \
        "current" if all(row.translation for row in rows) else "stale"  # fmt: skip
    return Item(INTERFACE, f"Screens and messages, release {release()}", INTERFACE, state,
                digest, template, catalogue)  # fmt: skip


def _catalogue_rows(template: Path, catalogue: Path) -> list[Row]:
    def text(value: object) -> str:
        return " | ".join(value) if isinstance(value, tuple | list) else str(value or "")

    with template.open("rb") as handle:
        english = [m for m in read_po(handle) if m.id]
    translated: dict[str, str] = {}
    if catalogue.exists():
        with catalogue.open("rb") as handle:
            translated = {text(m.id): text(m.string) for m in read_po(handle)
                          if m.id and not m.fuzzy}  # fmt: skip
    rows = []
    for message in english:
        key = text(message.id)
        target = translated.get(key, "")
        rows.append(Row(message.context or "", key, "" if not target.strip(" |") else target))
    return rows


def latest(session: Session) -> dict[tuple[str, str], TranslationCheck]:
    """The newest check of each file in each language."""
    newest = select(func.max(TranslationCheck.id)).group_by(
        TranslationCheck.file, TranslationCheck.lang
    )
    rows = session.scalars(select(TranslationCheck).where(TranslationCheck.id.in_(newest)))
    return {(row.file, row.lang): row for row in rows}


def changes_since(check: TranslationCheck | None, now: str) -> list[tuple[str, str]]:
    """What changed in the English since `check`, as (kind, line): kind is "added",
    "removed", "same" (a line of context) or "gap" (unchanged lines left out)."""
    if check is None or check.source_text == now:
        return []
    lines = []
    diff = difflib.unified_diff(check.source_text.splitlines(), now.splitlines(), n=1,
                                lineterm="")  # fmt: skip
    for line in list(diff)[2:]:
        if line.startswith("@@"):
            lines.append(("gap", ""))
        elif line.startswith("+"):
            lines.append(("added", line[1:]))
        elif line.startswith("-"):
            lines.append(("removed", line[1:]))
        else:
            lines.append(("same", line[1:]))
    return lines[1:] if lines and lines[0][0] == "gap" else lines


def record(session: Session, item: Item, lang: str, reviewer: Moderator) -> TranslationCheck:
    """Keep a sign-off of `item` as it is now; the caller commits."""
    revision: str | None = None
    if item.kind == INTERFACE:
        revision = release()
    elif item.kind == "page":
        newest = session.scalar(select(func.max(Revision.id)).where(
            Revision.path == item.file, Revision.state == "published"))  # fmt: skip
        revision = str(newest) if newest else None
    check = TranslationCheck(
        lang=lang, file=item.file, source_hash=item.source_hash,
        source_text=source_text(item.rows()), revision=revision,
        checked_by_id=reviewer.id, checked_by=reviewer.email, checked_at=now(),
    )  # fmt: skip
    session.add(check)
    return check


class ChecksVersion:
    """The newest check this worker has read, and when it last asked the database."""

    def __init__(self) -> None:
        self.version: int | None = None
        self.checked_at = float("-inf")
        self.lock = threading.Lock()


def catch_up(app: Flask, session: Session, force: bool = False) -> bool:
    """Read the checks again if any were made since this worker last looked."""
    state: ChecksVersion = app.extensions[VERSION]
    moment = time.monotonic()
    if not force and moment - state.checked_at < app.config["CONTENT_POLL_SECONDS"]:
        return False
    with state.lock:
        state.checked_at = moment
        try:
            version = session.scalar(select(func.max(TranslationCheck.id))) or 0
            if version == state.version:
                return False
            found = latest(session)
        except SQLAlchemyError:
            session.rollback()
            return False
        state.version = version
        app.extensions[CHECKS] = {
            key: Check(row.file, row.lang, row.source_hash, row.checked_at.astimezone(UK).date())
            for key, row in found.items()
        }
        cache = app.extensions["localoffer.caching"]
        cache.pages.clear()  # pages say who checked them: none may be served from before
        cache.loaded_at = utc_now()
        return True


def init_app(app: Flask) -> None:
    app.extensions[VERSION] = ChecksVersion()
    app.extensions[CHECKS] = {}
