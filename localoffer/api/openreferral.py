"""`/api/v1/openreferral/...`: the offer as an Open Referral UK (HSDS-UK 3.0) publisher.

The read-only endpoints of the UK profile's OpenAPI: `/` (which profile this is), services,
taxonomies and taxonomy terms (lists and by id), and service_at_locations: an entitlement at
each place one of its contacts can be visited. Every response, errors included,
carries `Access-Control-Allow-Origin: *`, as the profile requires, so a directory can read
the feed from a browser. Each entitlement is one service; identifiers are UUIDv5 names, so
the same entitlement keeps the same id on every export.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from flask import Response, current_app, jsonify, request, url_for
from flask_babel import force_locale

from localoffer.api import hsds
from localoffer.api.classification import Taxonomy, stable_id, taxonomies, terms_for
from localoffer.api.offer import cacheable, requested_language, unknown_language
from localoffer.api.paging import BadQuery, page_numbers, page_of, service_filters
from localoffer.api.routes import bp, errors
from localoffer.clock import today
from localoffer.content import Entitlement, Offer
from localoffer.i18n import KNOWN_LANGUAGES

PREFIX = "/openreferral"
VERSION = "HSDS-UK-3.0"
PROFILE_URL = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md"
Answer = Response | tuple[Response, int]


def _offer() -> Offer:
    return current_app.extensions["localoffer.offer"]


@bp.after_app_request
def allow_any_origin(response: Response) -> Response:
    """The profile: every response of the feed is readable from any web page."""
    feed = f"{bp.url_prefix}{PREFIX}"
    if request.path == feed or request.path.startswith(f"{feed}/"):
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        response.headers["Access-Control-Allow-Headers"] = "Accept, Accept-Language"
        response.headers["Access-Control-Max-Age"] = "86400"
    return response


def _json(data: Any) -> Response:
    return cacheable(jsonify(data))


def _in_language(build: Callable[[str], Answer]) -> Answer:
    """Run `build(lang)` in the requested language, or answer 400 for an unknown one."""
    lang = requested_language()
    if lang is None:
        return unknown_language()
    with force_locale(KNOWN_LANGUAGES[lang].locale):
        try:
            return build(lang)
        except BadQuery as bad:
            return errors(400, bad.problems)


def _checked(problems: dict[str, str]) -> None:
    if problems:
        raise BadQuery(problems)


@bp.get(f"{PREFIX}/")
def openreferral_root() -> Response:
    return _json({
        "version": VERSION,
        "profile": PROFILE_URL,
        "openapi_url": url_for("api.openapi_document", _external=True),
    })  # fmt: skip


def _matches(item: Entitlement, data: dict[str, Any], filters: dict[str, Any],
             all_taxonomies: tuple[Taxonomy, ...]) -> bool:  # fmt: skip
    """The UK profile's filters; ages compare as its parameter descriptions say."""
    if filters["minimum_age"] is not None and data["minimum_age"] < filters["minimum_age"]:
        return False
    if filters["maximum_age"] is not None and data["maximum_age"] > filters["maximum_age"]:
        return False
    if filters["modified_after"] is not None:
        modified = datetime.fromisoformat(data["last_modified"])
        if modified < filters["modified_after"]:
            return False
    wanted_term, wanted_taxonomy = filters["taxonomy_term_id"], filters["taxonomy_id"]
    if wanted_term or wanted_taxonomy:
        terms = terms_for(item, all_taxonomies)
        if wanted_term and all(term.id != wanted_term for term in terms):
            return False
        if wanted_taxonomy and all(term.taxonomy_id != wanted_taxonomy for term in terms):
            return False
    return True


def _searched(offer: Offer, lang: str, query: str | None) -> list[Entitlement]:
    if query is None:
        return list(offer.entitlements)
    index = current_app.extensions["localoffer.search"][lang]
    return [hit.entitlement for hit in index.search(query)]


def _filtered(lang: str) -> list[tuple[Entitlement, dict[str, Any]]]:
    """Entitlements and their service summaries that pass the request's filters."""
    problems: dict[str, str] = {}
    filters = service_filters(request.args, problems)
    _checked(problems)
    offer, on = _offer(), today()
    all_taxonomies = taxonomies(offer.council)
    found = []
    for item in _searched(offer, lang, filters["search"]):
        data = hsds.service_summary(item, offer.council, lang, on)
        if _matches(item, data, filters, all_taxonomies):
            found.append((item, data))
    return found


def _page_numbers() -> tuple[int, int]:
    problems: dict[str, str] = {}
    numbers = page_numbers(request.args, problems)
    service_filters(request.args, problems)  # every bad value is named at once
    _checked(problems)
    return numbers


@bp.get(f"{PREFIX}/services")
def openreferral_services() -> Answer:
    def build(lang: str) -> Response:
        page, per_page = _page_numbers()
        return _json(page_of([data for _, data in _filtered(lang)], page, per_page))

    return _in_language(build)


@bp.get(f"{PREFIX}/services/<service_id>")
def openreferral_service(service_id: str) -> Answer:
    def build(lang: str) -> Answer:
        offer = _offer()
        for item in offer.entitlements:
            if stable_id(offer.council, "service", item.id) == service_id:
                return _json(hsds.service_full(
                    item, offer.council, lang, today(), taxonomies(offer.council)
                ))  # fmt: skip
        return errors(404, {"id": f"There is no service with the id {service_id[:80]!r}"})

    return _in_language(build)


@bp.get(f"{PREFIX}/taxonomies")
def openreferral_taxonomies() -> Answer:
    def build(lang: str) -> Response:
        problems: dict[str, str] = {}
        page, per_page = page_numbers(request.args, problems)
        _checked(problems)
        found = [hsds.taxonomy(t) for t in taxonomies(_offer().council)]
        return _json(page_of(found, page, per_page))

    return _in_language(build)


@bp.get(f"{PREFIX}/taxonomies/<taxonomy_id>")
def openreferral_taxonomy(taxonomy_id: str) -> Answer:
    def build(lang: str) -> Answer:
        for found in taxonomies(_offer().council):
            if found.id == taxonomy_id:
                return _json(hsds.taxonomy(found, with_terms=True))
        return errors(404, {"id": f"There is no taxonomy with the id {taxonomy_id[:80]!r}"})

    return _in_language(build)


@bp.get(f"{PREFIX}/taxonomy_terms")
def openreferral_taxonomy_terms() -> Answer:
    def build(lang: str) -> Response:
        problems: dict[str, str] = {}
        page, per_page = page_numbers(request.args, problems)
        wanted = request.args.get("taxonomy_id") or None
        _checked(problems)
        found = [hsds.taxonomy_term(term) for t in taxonomies(_offer().council)
                 if wanted is None or t.id == wanted for term in t.terms]  # fmt: skip
        return _json(page_of(found, page, per_page))

    return _in_language(build)


@bp.get(f"{PREFIX}/taxonomy_terms/<term_id>")
def openreferral_taxonomy_term(term_id: str) -> Answer:
    def build(lang: str) -> Answer:
        for found in taxonomies(_offer().council):
            for term in found.terms:
                if term.id == term_id:
                    return _json(hsds.taxonomy_term(term))
        return errors(404, {"id": f"There is no taxonomy term with the id {term_id[:80]!r}"})

    return _in_language(build)


@bp.get(f"{PREFIX}/service_at_locations")
def openreferral_service_at_locations() -> Answer:
    def build(lang: str) -> Response:
        page, per_page = _page_numbers()
        council = _offer().council
        found = [
            hsds.service_at_location(item, person, data, council, lang)
            for item, data in _filtered(lang)
            for person in hsds.places(item, council)
        ]
        return _json(page_of(found, page, per_page))

    return _in_language(build)


@bp.get(f"{PREFIX}/service_at_locations/<location_id>")
def openreferral_service_at_location(location_id: str) -> Answer:
    def build(lang: str) -> Answer:
        offer = _offer()
        council = offer.council
        for item in offer.entitlements:
            for person in hsds.places(item, council):
                if hsds.service_at_location_id(council, item, person) == location_id:
                    full = hsds.service_full(item, council, lang, today(), taxonomies(council))
                    return _json(hsds.service_at_location(item, person, full, council, lang))
        return errors(404, {"id": f"There is no service at a location with the id "
                                  f"{location_id[:80]!r}"})  # fmt: skip

    return _in_language(build)
