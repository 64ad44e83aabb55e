"""`GET /api/v1/offer` and `/api/v1/offer/<id>`: the whole offer, or one entitlement, as JSON.

The fields are those of the contract in docs/architecture.md, plus the sources, when the law
comes into force, the conditions, and which language the words are really in (an entitlement
not yet translated is given in English, and says so).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from flask import Response, current_app, jsonify, request, url_for

from localoffer.api.routes import bp, errors
from localoffer.clock import today
from localoffer.content import Amount, DatedAmount, Entitlement, Offer, Source
from localoffer.i18n import DEFAULT_LANGUAGE
from localoffer.rules.vocabulary import STATUSES
from localoffer.web.localise import localise

# The offer changes only when the council publishes new content, which restarts the app.
CACHE_CONTROL = "public, max-age=300"


def offer() -> Offer:
    return current_app.extensions["localoffer.offer"]


def requested_language() -> str | None:
    """The `lang` query parameter if it names a published language (English if absent)."""
    lang = request.args.get("lang", DEFAULT_LANGUAGE)
    return lang if lang in current_app.config["LANGUAGES"] else None


def unknown_language() -> tuple[Response, int]:
    published = ", ".join(current_app.config["LANGUAGES"])
    return errors(400, {"lang": f"Enter a published language code: one of {published}"})


def money(value: Decimal) -> int | float:
    """Pounds as a JSON number: whole pounds as an integer, pence kept exactly otherwise."""
    return int(value) if value == value.to_integral_value() else float(value)


def amount_json(amount: Amount | None) -> dict[str, Any] | None:
    if amount is None:
        return None
    return {"gbp": money(amount.gbp), "per": amount.per, "qualifier": amount.qualifier}


def dated_amount_json(amount: DatedAmount) -> dict[str, Any]:
    return {
        **(amount_json(amount) or {}),
        "from": amount.starts.isoformat(),
        "source": amount.source,
    }


def source_json(source: Source) -> dict[str, Any]:
    return {"title": source.title, "url": source.url, "checked": source.checked.isoformat()}


def entitlement_json(item: Entitlement, lang: str, on: date | None = None) -> dict[str, Any]:
    """One entitlement in `lang` where translated, otherwise in English (`language` says which).

    `amount` is the figure in force on `on` (today by default); `amounts` is its whole history.
    """
    text = localise(item, lang)
    criteria = item.criteria
    return {
        "id": item.id,
        "title": text.title,
        "summary": text.summary,
        "language": text.lang,
        "translation": None
        if text.lang == DEFAULT_LANGUAGE
        else {"stale": text.stale, "reviewed": not text.unreviewed},
        "theme": item.theme,
        "kind": item.kind,
        "who": [status for status in STATUSES if status in criteria.who],
        "ages": {"from": criteria.age_from, "to": criteria.age_to},
        "conditions": sorted(criteria.conditions),
        "amount": amount_json(item.amount_on(on or today())),
        "amounts": [dated_amount_json(amount) for amount in item.amounts],
        "legal_basis": item.legal_basis,
        "sources": [source_json(source) for source in item.sources],
        "in_force": {
            "from": criteria.in_force_from.isoformat() if criteria.in_force_from else None,
            "commencement_pending": criteria.commencement_pending,
        },
        "url": url_for("pages.entitlement", theme=item.theme, entitlement_id=item.id, lang=lang),
        "last_reviewed": item.last_reviewed.isoformat(),
        "review_due": item.review_due.isoformat(),
        "review_cadence": item.review_cadence,
    }


def cacheable(response: Response) -> Response:
    response.headers["Cache-Control"] = CACHE_CONTROL
    return response


@bp.get("/offer")
def offer_list() -> Response | tuple[Response, int]:
    lang = requested_language()
    if lang is None:
        return unknown_language()
    return cacheable(
        jsonify(
            lang=lang,
            council=offer().council.name,
            entitlements=[entitlement_json(item, lang) for item in offer().entitlements],
        )
    )


@bp.get("/offer/<entitlement_id>")
def offer_item(entitlement_id: str) -> Response | tuple[Response, int]:
    lang = requested_language()
    if lang is None:
        return unknown_language()
    item = offer().get(entitlement_id)
    if item is None:
        return errors(404, {"id": f"There is no entitlement with the id {entitlement_id!r}"})
    return cacheable(jsonify(entitlement_json(item, lang)))
