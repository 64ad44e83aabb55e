"""The queue as CSV for the corporate parenting board: no contact details, no formulas."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from localoffer.feedback.models import Submission

# A cell starting with one of these is run as a formula by spreadsheet programs, which
# lets a message typed into a public form run code on a council officer's computer.
# Full-width forms are included because some spreadsheets treat them the same.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")

COLUMNS = (
    "id", "received", "type", "status", "theme", "entitlement", "page", "language", "useful",
    "role", "message", "why", "reply wanted", "public message", "public response",
    "responded",
)  # fmt: skip


def safe_cell(value: object) -> str:
    """The value as text, made inert if a spreadsheet would read it as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def row(submission: Submission) -> list[str]:
    values: list[object] = [
        submission.id,
        submission.created_at.isoformat(timespec="seconds"),
        submission.kind,
        submission.status,
        submission.theme,
        submission.entitlement_id,
        submission.page,
        submission.language,
        submission.useful,
        submission.role,
        submission.message,
        submission.reason,
        submission.wants_reply,
        submission.public_message,
        submission.public_response,
        submission.responded_at.isoformat(timespec="seconds") if submission.responded_at else None,
    ]
    return [safe_cell(value) for value in values]


def to_csv(submissions: Iterable[Submission]) -> str:
    buffer = io.StringIO()
    # The byte-order mark makes Excel read the file as UTF-8, so Arabic or Tigrinya survive.
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for submission in submissions:
        writer.writerow(row(submission))
    return buffer.getvalue()
