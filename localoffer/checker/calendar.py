"""The turning points of a result as an iCalendar file (RFC 5545), made on the fly.

Built from the answers in the request (the session cookie or a shared link's query) each time
it is asked for, sent `no-store`, and never written anywhere: the same stateless way as the
result page itself (docs/adr/0005-answers-never-stored.md).
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from flask_babel import gettext as _
from flask_babel import ngettext
from icalendar import Calendar, Event

from localoffer.checker.service import CheckResult
from localoffer.checker.turning import TurningPoint, turning_points
from localoffer.content import Entitlement
from localoffer.rules import Match
from localoffer.web.localise import localise

PRODUCT = "-//Local Offer//Care leaver turning points//EN"


def _titles(matches: tuple[Match[Entitlement], ...], language: str) -> list[str]:
    return [localise(match.item, language).title for match in matches]


def _summary(point: TurningPoint) -> str:
    return _("At %(age)d: your support changes", age=point.age)


def _description(point: TurningPoint, language: str) -> str:
    lines = []
    if point.starts:
        lines.append(ngettext("%(num)d kind of support starts:", "%(num)d kinds of support start:",
                              len(point.starts)))  # fmt: skip
        lines += [f"- {title}" for title in _titles(point.starts, language)]
    if point.ends:
        lines.append(ngettext("%(num)d kind of support ends:", "%(num)d kinds of support end:",
                              len(point.ends)))  # fmt: skip
        lines += [f"- {title}" for title in _titles(point.ends, language)]
    return "\n".join(lines)


def _uid(result: CheckResult, point: TurningPoint, host: str) -> str:
    """Stable for the same answers, so importing the file again updates the same events, and
    different for another date of birth, so an adviser importing two young people's files
    keeps both."""
    seed = f"{result.answers.date_of_birth.isoformat()}|{point.day.isoformat()}"
    return f"{hashlib.sha256(seed.encode()).hexdigest()[:24]}@{host}"


def turning_points_calendar(
    result: CheckResult, language: str, host: str, stamped: datetime
) -> bytes:
    """One all-day event per turning point after the day checked."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Your support as a care leaver: what changes"))
    for point in turning_points(result):
        event = Event()
        event.add("uid", _uid(result, point, host))
        event.add("dtstamp", stamped)
        event.add("dtstart", point.day)
        event.add("summary", _summary(point))
        event.add("description", _description(point, language))
        event.add("transp", "TRANSPARENT")  # a reminder, not a busy appointment
        calendar.add_component(event)
    return calendar.to_ical()
