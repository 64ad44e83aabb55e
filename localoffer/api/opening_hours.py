"""Opening hours as council.yaml writes them, read into HSDS weekly schedules where possible.

council.yaml gives each contact's hours as words ("Monday to Friday, 9am to 5pm; Saturday,
11am to 3pm") because people read them. A directory can filter and show "open now" only
from structured days and times, so each part that is plainly a day range and a time range
becomes one weekly schedule. Anything else ("all day at weekends and on bank holidays",
"every other Wednesday") is not guessed at: the words are kept as the schedule's
description, so nothing the council wrote is lost or misread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY = "(" + "|".join(DAYS) + ")"
_TIME = r"(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)"
_PART = re.compile(rf"^{_DAY}(?:\s+to\s+{_DAY})?,?\s+{_TIME}\s+to\s+{_TIME}$", re.IGNORECASE)


@dataclass(frozen=True)
class WeeklyHours:
    """Open on `days` (RRULE codes, e.g. "MO,TU") from `opens_at` to `closes_at` (HH:MM)."""

    days: str
    opens_at: str
    closes_at: str


def _clock(hour: str, minute: str | None, half: str) -> str | None:
    value = int(hour)
    if not 1 <= value <= 12:
        return None
    value = value % 12 + (12 if half.lower() == "pm" else 0)
    return f"{value:02d}:{minute or '00'}"


def _part(text: str) -> WeeklyHours | None:
    match = _PART.match(text.strip())
    if match is None:
        return None
    first, last, hour1, minute1, half1, hour2, minute2, half2 = match.groups()
    start = DAYS.index(first.lower())
    end = DAYS.index(last.lower()) if last else start
    opens, closes = _clock(hour1, minute1, half1), _clock(hour2, minute2, half2)
    if end < start or opens is None or closes is None or closes <= opens:
        return None  # overnight or wrapping ranges are left as words
    return WeeklyHours(",".join(RRULE_DAYS[start : end + 1]), opens, closes)


def weekly_hours(text: str | None) -> tuple[WeeklyHours, ...] | None:
    """Every part of `text` (split at ';') as weekly hours, or None if any part is not plain."""
    if not text:
        return None
    parts = [_part(part) for part in text.split(";")]
    if not parts or any(part is None for part in parts):
        return None
    return tuple(part for part in parts if part is not None)
