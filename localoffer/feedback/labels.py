"""The words for feedback's fixed values, in the reader's language."""

from __future__ import annotations

from datetime import datetime

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l

from localoffer.clock import UK

STATUS_LABELS: dict[str, LazyString] = {
    "new": _l("New"),
    "in_review": _l("In review"),
    "accepted": _l("Accepted"),
    "declined": _l("Declined"),
    "done": _l("Done"),
}

KIND_LABELS: dict[str, LazyString] = {
    "useful": _l("Was this page useful?"),
    "suggestion": _l("Suggested change"),
    "general": _l("General feedback"),
}

ROLE_LABELS: dict[str, LazyString] = {
    "care_leaver": _l("Care leaver"),
    "adviser": _l("Personal adviser"),
    "forum": _l("Forum member"),
    "other": _l("Other"),
}


def status_label(status: str) -> str:
    return str(STATUS_LABELS.get(status, status))


def kind_label(kind: str) -> str:
    return str(KIND_LABELS.get(kind, kind))


def role_label(role: str) -> str:
    return str(ROLE_LABELS.get(role, role))


def uk_date(moment: datetime) -> datetime:
    """A stored UTC time as the time in England, where the council works."""
    return moment.astimezone(UK)
