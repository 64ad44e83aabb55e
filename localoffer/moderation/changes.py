"""What changed in the offer: `/changes/` in every language, the Atom feed `/changes.atom`,
and the last change shown on each entitlement's page.

A change is a published revision: its date and the publisher's note, read from the audit
record (`content_events`). Who published it stays on the staff pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from xml.sax.saxutils import escape

from flask import Blueprint, Flask, Response, current_app, g, render_template, url_for
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from localoffer.clock import UK
from localoffer.content import Entitlement, Offer
from localoffer.feedback import db
from localoffer.i18n import DEFAULT_LANGUAGE, localised_route
from localoffer.moderation.revisions import ContentEvent
from localoffer.web.localise import localise

bp = Blueprint("changes", __name__)

# Enough for a year or more of changes on one page; the feed carries the newest only.
PAGE_LIMIT = 200
FEED_LIMIT = 50


@dataclass(frozen=True)
class Change:
    """One published change to an entitlement still in the offer."""

    id: int
    item: Entitlement
    at: datetime
    note: str

    @property
    def day(self) -> date:
        return self.at.astimezone(UK).date()


def _offer() -> Offer:
    return current_app.extensions["localoffer.offer"]


def published_changes(
    limit: int, entitlement_id: str | None = None, since: datetime | None = None
) -> list[Change]:
    """The newest published changes first, for entitlements the offer still holds."""
    query = select(ContentEvent).where(ContentEvent.action == "published")
    if entitlement_id is not None:
        query = query.where(ContentEvent.entitlement_id == entitlement_id)
    if since is not None:
        query = query.where(ContentEvent.at >= since)
    events = db.session().scalars(query.order_by(ContentEvent.id.desc()).limit(limit))
    offer = _offer()
    changes = []
    for event in events:
        item = offer.get(event.entitlement_id)
        if item is not None:
            changes.append(Change(event.id, item, event.at, event.note or ""))
    return changes


def last_change(entitlement_id: str) -> Change | None:
    """The entitlement's newest published change, or None when it has not changed here."""
    try:
        found = published_changes(1, entitlement_id)
    except SQLAlchemyError:
        # The page must still show the offer when the database is away.
        db.session().rollback()
        return None
    return found[0] if found else None


def published_change(change_id: int | None) -> Change | None:
    """One published change by its id, for "You said, we did"; None if there is none."""
    if change_id is None:
        return None
    event = db.session().get(ContentEvent, change_id)
    if event is None or event.action != "published":
        return None
    item = _offer().get(event.entitlement_id)
    return Change(event.id, item, event.at, event.note or "") if item else None


def by_day(changes: list[Change]) -> list[tuple[date, list[Change]]]:
    """Changes grouped by their day in England, newest day first."""
    days: dict[date, list[Change]] = {}
    for change in changes:
        days.setdefault(change.day, []).append(change)
    return list(days.items())


@localised_route(bp, "/changes/")
def changes_page() -> str:
    return render_template("changes/changes.html", days=by_day(published_changes(PAGE_LIMIT)))


@localised_route(bp, "/changes.atom")
def changes_feed() -> Response:
    """An Atom feed (RFC 4287) of the newest changes, for PAs and forum members to follow."""
    changes = published_changes(FEED_LIMIT)
    home = url_for("changes.changes_page", _external=True)
    self_url = url_for("changes.changes_feed", _external=True)
    updated = changes[0].at if changes else _offer_loaded()
    council = _offer().council.name
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{g.get("lang", DEFAULT_LANGUAGE)}">',
        f"  <title>{escape(council)}: {escape(_('What changed'))}</title>",
        f"  <id>{escape(home)}</id>",
        f'  <link rel="alternate" type="text/html" href="{escape(home)}"/>',
        f'  <link rel="self" type="application/atom+xml" href="{escape(self_url)}"/>',
        f"  <updated>{updated.isoformat()}</updated>",
        f"  <author><name>{escape(council)}</name></author>",
    ]
    for change in changes:
        page = url_for("pages.entitlement", theme=change.item.theme,
                       entitlement_id=change.item.id, _external=True)  # fmt: skip
        lines += [
            "  <entry>",
            f"    <title>{escape(localise(change.item).title)}</title>",
            f"    <id>{escape(home)}#change-{change.id}</id>",
            f'    <link rel="alternate" type="text/html" href="{escape(page)}"/>',
            f"    <updated>{change.at.isoformat()}</updated>",
            # Staff write the notes in English.
            f'    <summary type="text" xml:lang="en">{escape(change.note)}</summary>',
            "  </entry>",
        ]
    lines += ["</feed>", ""]
    return Response("\n".join(lines), mimetype="application/atom+xml")


def _offer_loaded() -> datetime:
    return current_app.extensions["localoffer.caching"].loaded_at


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    # The entitlement page (shared web, which may not import this feature) asks for it.
    app.jinja_env.globals["last_change"] = last_change
    app.jinja_env.globals["published_change"] = published_change
