"""`GET /api/v1/openreferral/services`: the offer as Open Referral UK (HSDS 3.0) services.

Each entitlement is one HSDS `service`, so council directories and service finders can list
the offer beside other local services. HSDS 3.0 keeps ages and eligibility on the service
itself (its separate `eligibility` object was removed in 3.0), requires every `id` to be a
UUID, and wraps list responses in a page (`total_items`, `contents`, ...). Identifiers are
UUIDv5 names, so the same entitlement keeps the same id on every export.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time
from typing import Any

from flask import Response, current_app, jsonify, url_for
from flask_babel import force_locale, gettext
from flask_babel import lazy_gettext as _l

from localoffer.api.offer import cacheable, requested_language, unknown_language
from localoffer.api.routes import bp
from localoffer.clock import uk_today
from localoffer.content import Council, Entitlement, Offer
from localoffer.i18n import DEFAULT_LANGUAGE, KNOWN_LANGUAGES
from localoffer.rules.vocabulary import STATUSES
from localoffer.web import words
from localoffer.web.formatting import ages_phrase
from localoffer.web.localise import localise

# Fixed for ever: every identifier in the export is a name in this namespace.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:localoffer:openreferral")

KIND_DESCRIPTIONS = {
    "statutory": _l("A legal duty: every council in England must give this to care leavers."),
    "national": _l("A national scheme run by another public body, such as the DWP or the NHS."),
    "council": _l("Extra support that this council chooses to give its care leavers."),
}


def stable_id(council: Council, *parts: str) -> str:
    """A UUID that names the same thing in the same council's export every time."""
    return str(uuid.uuid5(NAMESPACE, "/".join((council.name, *parts))))


def last_modified(day: date) -> str:
    """HSDS wants a date-time; the content records the day it was last checked."""
    return datetime.combine(day, time(0), tzinfo=UTC).isoformat(timespec="milliseconds")


def eligibility_description(item: Entitlement) -> str:
    criteria = item.criteria
    who = "; ".join(str(words.STATUS_DESCRIPTIONS[s]) for s in STATUSES if s in criteria.who)
    parts = [
        gettext("For %(who)s.", who=who),
        ages_phrase(criteria.age_from, criteria.age_to) + ".",
    ]
    parts += [
        gettext("Only if %(condition)s.", condition=words.CONDITION_DESCRIPTIONS[c])
        for c in sorted(criteria.conditions)
    ]
    return " ".join(parts)


def status(item: Entitlement, today: date) -> str:
    """Law not yet in force is listed, but not as a service anyone can use yet."""
    criteria = item.criteria
    pending = criteria.commencement_pending or (
        criteria.in_force_from is not None and criteria.in_force_from > today
    )
    return "inactive" if pending else "active"


def attribute(council: Council, service_id: str, taxonomy: str, code: str) -> dict[str, Any]:
    """A link from the service to one term of the offer's own theme or kind taxonomy."""
    if taxonomy == "themes":
        name = str(words.THEME_TITLES[code])
        description = str(words.THEME_DESCRIPTIONS[code])
        taxonomy_name = gettext("Local offer themes")
        taxonomy_description = gettext("What the support is about, as the local offer groups it.")
    else:
        name = words.kind_label(code, council.name)
        description = str(KIND_DESCRIPTIONS[code])
        taxonomy_name = gettext("Local offer kinds")
        taxonomy_description = gettext("Who gives the support, and whether the law requires it.")
    taxonomy_id = stable_id(council, "taxonomy", taxonomy)
    term_id = stable_id(council, "taxonomy", taxonomy, code)
    return {
        "id": stable_id(council, "attribute", service_id, taxonomy),
        "link_id": service_id,
        "link_entity": "service",
        "taxonomy_term_id": term_id,
        "value": code,
        "taxonomy_term": {
            "id": term_id,
            "code": code,
            "name": name,
            "description": description,
            "taxonomy": taxonomy_name,
            "taxonomy_id": taxonomy_id,
            "taxonomy_detail": {
                "id": taxonomy_id,
                "name": taxonomy_name,
                "description": taxonomy_description,
            },
        },
    }


def languages(item: Entitlement, council: Council, service_id: str) -> list[dict[str, Any]]:
    """The published languages this entitlement's information can be read in."""
    found = []
    for code in current_app.config["LANGUAGES"]:
        if code != DEFAULT_LANGUAGE and code not in item.translations:
            continue
        language = KNOWN_LANGUAGES[code]
        page = url_for(
            "pages.entitlement",
            theme=item.theme,
            entitlement_id=item.id,
            lang=code,
            _external=True,
        )
        found.append(
            {
                "id": stable_id(council, "language", item.id, code),
                "service_id": service_id,
                "name": language.english_name,
                "code": code,
                "note": gettext(
                    "Information about this is published in %(language)s at %(url)s",
                    language=language.english_name,
                    url=page,
                ),
            }
        )
    return found


def service(item: Entitlement, offer: Offer, lang: str, today: date) -> dict[str, Any]:
    council = offer.council
    service_id = stable_id(council, "service", item.id)
    text = localise(item, lang)
    body = text.body_html.striptags()
    data: dict[str, Any] = {
        "id": service_id,
        "name": text.title,
        "description": f"{text.summary}\n\n{body}" if body else text.summary,
        "url": url_for(
            "pages.entitlement",
            theme=item.theme,
            entitlement_id=item.id,
            lang=lang,
            _external=True,
        ),
        "status": status(item, today),
        "eligibility_description": eligibility_description(item),
        "minimum_age": item.criteria.age_from,
        # Ages run to the day before the `to` birthday, so the oldest who qualifies is one less.
        "maximum_age": item.criteria.age_to - 1,
        "assured_date": item.last_reviewed.isoformat(),
        "last_modified": last_modified(item.last_reviewed),
        "languages": languages(item, council, service_id),
        "attributes": [
            attribute(council, service_id, "themes", item.theme),
            attribute(council, service_id, "kinds", item.kind),
        ],
    }
    if item.kind != "national":
        # National schemes are run by other bodies (DWP, NHS...), not by this council.
        data["organization_id"] = stable_id(council, "organization")
    return data


@bp.get("/openreferral/services")
def openreferral_services() -> Response | tuple[Response, int]:
    lang = requested_language()
    if lang is None:
        return unknown_language()
    offer: Offer = current_app.extensions["localoffer.offer"]
    today = uk_today()
    with force_locale(KNOWN_LANGUAGES[lang].locale):
        contents = [service(item, offer, lang, today) for item in offer.entitlements]
    # One page holds the whole offer: it is a few dozen services.
    page = {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "contents": contents,
    }
    response = cacheable(jsonify(page))
    return response
