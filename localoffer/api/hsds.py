"""The offer as Open Referral UK (HSDS-UK 3.0) objects: organization, services, taxonomy.

Shapes follow the UK profile's compiled schemas (OpenReferralUK/uk-profile). The profile
drops some HSDS 3.0 fields that a care leaver needs; where the offer has them, the export
keeps them under their HSDS 3.0 names, as the profile allows extra fields that do not
conflict: a contact's `email` and `phones`, a service's `eligibility_description`, and
each language's `name`, `code` and `note`. docs/open-referral.md lists every choice.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from flask import current_app, url_for
from flask_babel import gettext

from localoffer.api.classification import Taxonomy, Term, stable_id, terms_for
from localoffer.api.offer import money
from localoffer.api.opening_hours import weekly_hours
from localoffer.api.plain_text import plain_description
from localoffer.content import Council, Entitlement
from localoffer.content.model import Contact
from localoffer.i18n import DEFAULT_LANGUAGE, KNOWN_LANGUAGES
from localoffer.rules.vocabulary import STATUSES
from localoffer.web import words
from localoffer.web.formatting import ages_phrase, amount_phrase
from localoffer.web.localise import localise, localise_contact


def last_modified(day: date) -> str:
    """HSDS wants a date-time; the content records the day it was last checked."""
    return datetime.combine(day, time(0), tzinfo=UTC).isoformat(timespec="milliseconds")


def organization(council: Council) -> dict[str, Any]:
    """The council, which publishes the offer and answers every question about it."""
    data: dict[str, Any] = {
        "id": stable_id(council, "organization"),
        "name": council.name,
        "description": plain_description(
            gettext("Support for care leavers from %(council)s", council=council.name) + ".",
            gettext(
                "This is our local offer. Some of it is the law: every council in England "
                "must give it to you. Some of it is extra help that we choose to give."
            ),
        ),
    }
    main = council.contacts.get("leaving_care_team")
    if main and main.email:
        data["email"] = main.email
    if council.website:
        data["website"] = council.website
        data["uri"] = council.website
    return data


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


def entitlement_url(item: Entitlement, lang: str) -> str:
    return url_for("pages.entitlement", theme=item.theme, entitlement_id=item.id, lang=lang,
                   _external=True)  # fmt: skip


def service_summary(item: Entitlement, council: Council, lang: str, today: date) -> dict[str, Any]:
    """The one-to-one fields of a service, with its organization: a `/services` list item."""
    text = localise(item, lang)
    data: dict[str, Any] = {
        "id": stable_id(council, "service", item.id),
        "organization_id": stable_id(council, "organization"),
        "name": text.title,
        "description": plain_description(text.summary, html=str(text.body_html)),
        "url": entitlement_url(item, lang),
        "status": status(item, today),
        "minimum_age": item.criteria.age_from,
        # Ages run to the day before the `to` birthday, so the oldest who qualifies is one less.
        "maximum_age": item.criteria.age_to - 1,
        "eligibility_description": eligibility_description(item),
        "assured_date": item.last_reviewed.isoformat(),
        "last_modified": last_modified(item.last_reviewed),
        "organization": organization(council),
    }
    email = next((c.email for c in _contacts(item, council) if c.email), None)
    if email:
        data["email"] = email
    return data


def service_full(
    item: Entitlement, council: Council, lang: str, today: date, found: tuple[Taxonomy, ...]
) -> dict[str, Any]:
    """Everything about one service: `/services/{id}`."""
    data = service_summary(item, council, lang, today)
    service_id = data["id"]
    contacts = _contacts(item, council)
    data["contacts"] = [contact(c, council, service_id, lang) for c in contacts]
    data["schedules"] = [s for c in contacts for s in schedules(c, council, service_id, lang)]
    data["languages"] = languages(item, council, service_id)
    options = cost_options(item, council, service_id, today)
    if options:
        data["cost_options"] = options
    data["attributes"] = [attribute(term, council, service_id)
                          for term in terms_for(item, found)]  # fmt: skip
    return data


def cost_options(
    item: Entitlement, council: Council, service_id: str, today: date
) -> list[dict[str, Any]]:
    """The amount in force today and any already set for later, each with its dates.

    The money is paid to the young person, so the profile's "cost" here is what the service
    gives; amounts already replaced stay in the content's history, not in a directory listing.
    """
    current = item.amount_on(today)
    options = []
    for index, amount in enumerate(item.amounts):
        if amount is not current and amount.starts <= today:
            continue
        later = item.amounts[index + 1] if index + 1 < len(item.amounts) else None
        option: dict[str, Any] = {
            "id": stable_id(council, "cost", item.id, amount.starts.isoformat()),
            "service_id": service_id,
            "valid_from": amount.starts.isoformat(),
            "option": amount_phrase(amount),
            "amount": money(amount.gbp),
            "amount_description": amount_phrase(amount),
        }
        if later is not None:
            option["valid_to"] = (later.starts - timedelta(days=1)).isoformat()
        options.append(option)
    return options


def _contacts(item: Entitlement, council: Council) -> list[Contact]:
    return [council.contacts[key] for key in item.contacts if key in council.contacts]


def contact(person: Contact, council: Council, service_id: str, lang: str) -> dict[str, Any]:
    contact_id = stable_id(council, "contact", service_id, person.key)
    data: dict[str, Any] = {
        "id": contact_id,
        "service_id": service_id,
        "name": localise_contact(person, lang).name,
    }
    if person.email:
        data["email"] = person.email
    if person.phone:
        data["phones"] = [{
            "id": stable_id(council, "phone", service_id, person.key),
            "contact_id": contact_id,
            "number": person.phone,
        }]  # fmt: skip
    return data


def schedules(person: Contact, council: Council, service_id: str, lang: str) -> list[dict]:
    """When this contact answers: weekly days and times where the words are plain."""
    if not person.hours:
        return []
    words_here = localise_contact(person, lang)
    description = f"{words_here.name}: {words_here.hours}"
    base = {"service_id": service_id, "description": description}
    weekly = weekly_hours(person.hours)
    if weekly is None:
        return [{"id": stable_id(council, "schedule", service_id, person.key), **base}]
    return [
        {
            "id": stable_id(council, "schedule", service_id, person.key, str(number)),
            **base,
            "freq": "WEEKLY",
            "interval": 1,
            "byday": hours.days,
            "opens_at": hours.opens_at,
            "closes_at": hours.closes_at,
        }
        for number, hours in enumerate(weekly)
    ]


def languages(item: Entitlement, council: Council, service_id: str) -> list[dict[str, Any]]:
    """The published languages this entitlement's information can be read in."""
    found = []
    for code in current_app.config["LANGUAGES"]:
        if code != DEFAULT_LANGUAGE and code not in item.translations:
            continue
        language = KNOWN_LANGUAGES[code]
        found.append(
            {
                "id": stable_id(council, "language", item.id, code),
                "service_id": service_id,
                "name": language.english_name,
                "code": code,
                "note": gettext(
                    "Information about this is published in %(language)s at %(url)s",
                    language=language.english_name,
                    url=entitlement_url(item, code),
                ),
            }
        )
    return found


def taxonomy_term(term: Term) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": term.id,
        "name": term.name,
        "description": term.description,
        "taxonomy": term.taxonomy_name,
        "taxonomy_id": term.taxonomy_id,
    }
    if term.code is not None:
        data["term"] = term.code
    if term.uri is not None:
        data["term_uri"] = term.uri
    return data


def taxonomy(item: Taxonomy, with_terms: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {"id": item.id, "name": item.name, "description": item.description}
    if item.uri:
        data["uri"] = item.uri
    if with_terms:
        data["taxonomy_terms"] = [taxonomy_term(term) for term in item.terms]
    return data


def attribute(term: Term, council: Council, service_id: str) -> dict[str, Any]:
    """A link from the service to one taxonomy term."""
    return {
        "id": stable_id(council, "attribute", service_id, term.taxonomy_id, term.key),
        "link_id": service_id,
        "taxonomy_term_id": term.id,
        "taxonomy_term": taxonomy_term(term),
    }


def places(item: Entitlement, council: Council) -> list[Contact]:
    """The entitlement's contacts that have an address: where a young person can go to ask."""
    return [person for person in _contacts(item, council) if person.address]


def service_at_location_id(council: Council, item: Entitlement, person: Contact) -> str:
    return stable_id(council, "service_at_location", item.id, person.key)


def location(person: Contact, council: Council, lang: str) -> dict[str, Any]:
    """A contact's place. council.yaml writes its address as one line without a postcode, so
    it is the description; the profile's structured address needs a postcode."""
    return {
        "id": stable_id(council, "location", person.key),
        "location_type": "physical",
        "name": localise_contact(person, lang).name,
        "description": person.address,
    }


def service_at_location(
    item: Entitlement, person: Contact, service: dict[str, Any], council: Council, lang: str
) -> dict[str, Any]:
    """The service as it is offered at one contact's place; `service` is summary or full."""
    place = location(person, council, lang)
    return {
        "id": service_at_location_id(council, item, person),
        "service_id": service["id"],
        "location_id": place["id"],
        "location": place,
        "service": service,
    }
