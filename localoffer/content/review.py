"""How late a page's next review may be, by how fast its source changes."""

from __future__ import annotations

import calendar
from datetime import date

from localoffer.content.fields import FieldReader
from localoffer.content.model import REVIEW_CADENCES


def latest_review(last_reviewed: date, cadence: str) -> date:
    """The last day the next review may fall on after a review on `last_reviewed`.

    monthly: a calendar month later; yearly: a year later; april and august: by the end of the
    first April (benefit uprating) or August (new academic year) that starts after the review.
    """
    if cadence == "monthly":
        return _add_months(last_reviewed, 1)
    if cadence == "yearly":
        return _add_months(last_reviewed, 12)
    month = {"april": 4, "august": 8}[cadence]
    year = last_reviewed.year if last_reviewed.month < month else last_reviewed.year + 1
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def read_review_dates(read: FieldReader) -> tuple[date | None, date | None, str | None]:
    """`last_reviewed`, `review_due` and `review_cadence`, checked against each other."""
    last_reviewed = read.day("last_reviewed")
    review_due = read.day("review_due")
    cadence = read.choice("review_cadence", REVIEW_CADENCES)
    if last_reviewed and review_due:
        if review_due <= last_reviewed:
            read.problem("review_due", f"{review_due} must be after last_reviewed {last_reviewed}")
        elif cadence is not None and review_due > latest_review(last_reviewed, cadence):
            latest = latest_review(last_reviewed, cadence)
            read.problem(
                "review_due",
                f"{review_due} is later than a {cadence} review allows: after last_reviewed "
                f"{last_reviewed}, the next review is due by {latest}",
            )
    return last_reviewed, review_due, cadence
