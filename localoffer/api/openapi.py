"""`GET /api/v1/openapi.json`: the OpenAPI 3.1 description of every route of the JSON API.

Built from the same vocabularies the API uses (themes, kinds, statuses, conditions, the
published languages), so the document cannot drift from them; the tests check every real
response against it.
"""

from __future__ import annotations

from typing import Any

from flask import Response, current_app, jsonify, request

from localoffer.api import openapi_openreferral
from localoffer.api.routes import MAX_BODY_BYTES, bp
from localoffer.content.model import (
    AMOUNT_PERIODS,
    AMOUNT_QUALIFIERS,
    KINDS,
    REVIEW_CADENCES,
    THEMES,
)
from localoffer.rules.answers import FLAGS, MAX_CARE_PERIODS
from localoffer.rules.vocabulary import CONDITIONS, PERSONAL_QUESTIONS, STATUSES

DATE = {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
NULLABLE_DATE = {"oneOf": [DATE, {"type": "null"}]}


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def json_response(description: str, schema: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": ref(schema)}}}


def error(description: str) -> dict[str, Any]:
    return json_response(description, "Errors")


# What each yes/no answer means, the same for every age and on every route.
FLAG_MEANINGS: dict[str, str] = {
    "detained_or_in_hospital_on_16th_birthday": "In custody or in hospital on the 16th birthday.",
    "special_guardianship_order": "On a special guardianship order made when looked after "
    "(or on one when turning 18); needs the care periods before it.",
    "lived_with_parent_6_months": "After leaving care at 16 or 17, lived with a parent (or "
    "someone with parental responsibility) for six months or more in a row, and still does, "
    "or still did on the 18th birthday.",
    "in_education_or_training": "In education or training now.",
    "in_higher_education": "On a higher education course now.",
}
# The optional personalising questions: true, false, or null (not answered, or "prefer not
# to say"; the default). Null never hides anything: what needs the fact is in may_also_apply.
PERSONAL_MEANINGS: dict[str, str] = {
    "parent_or_expecting": "A parent, or expecting a baby (either parent).",
    "came_to_uk_alone": "Came to the UK alone as a child (for example as an unaccompanied "
    "asylum-seeking child), whatever the immigration status now.",
    "disabled_or_special_educational_needs": "Disabled, or has special educational needs.",
    "lives_outside_council_area": "Lives outside the area of the council that looked after "
    "them. false settles lives_in_council_area (support only in the council's area).",
    "in_custody": "In custody (including on remand), or leaving custody.",
}


def schemas(languages: list[str]) -> dict[str, Any]:
    amount_properties = {
        "gbp": {"type": "number", "minimum": 0},
        "per": {"enum": list(AMOUNT_PERIODS)},
        "qualifier": {"enum": list(AMOUNT_QUALIFIERS)},
    }
    care_period = {
        "type": "object",
        "additionalProperties": False,
        "required": ["start", "end"],
        "properties": {
            "start": {**DATE, "description": "The first day looked after."},
            "end": {
                **NULLABLE_DATE,
                "description": "The last day looked after; null while still looked after.",
            },
            "short_break": {
                "type": "boolean",
                "default": False,
                "description": "Part of a pre-planned series of short breaks (17 days or fewer "
                "each). The child is looked after during a break, but the days do not count "
                "towards the 13 weeks; breaks adding up to more than 75 days in any 12 months "
                "are not such a series and are counted as ordinary care.",
            },
        },
    }
    matched = {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "title", "kind", "theme", "from", "until", "url"],
        "properties": {
            "id": {"type": "string"},
            "title": {"type": "string"},
            "kind": {"enum": list(KINDS)},
            "theme": {"enum": list(THEMES)},
            "from": {**NULLABLE_DATE, "description": "The first day it applies."},
            "until": {**NULLABLE_DATE, "description": "The last day it applies; null: no end."},
            "url": {"type": "string"},
            "depends_on": {
                "type": "array",
                "items": {"enum": list(CONDITIONS)},
                "description": "Facts the answers cannot tell, which decide whether it applies.",
            },
        },
    }
    entitlement = {
        "type": "object",
        "additionalProperties": False,
        "required": [
            "id",
            "title",
            "summary",
            "language",
            "translation",
            "theme",
            "kind",
            "who",
            "ages",
            "conditions",
            "amount",
            "amounts",
            "legal_basis",
            "sources",
            "in_force",
            "url",
            "last_reviewed",
            "review_due",
            "review_cadence",
        ],
        "properties": {
            "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
            "title": {"type": "string"},
            "summary": {"type": "string"},
            "language": {
                "enum": languages,
                "description": "The language the title and summary are in: English where "
                "there is no translation yet.",
            },
            "translation": {
                "oneOf": [
                    {"type": "null"},
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["stale", "reviewed"],
                        "properties": {
                            "stale": {"type": "boolean"},
                            "reviewed": {"type": "boolean"},
                        },
                    },
                ]
            },
            "theme": {"enum": list(THEMES)},
            "kind": {"enum": list(KINDS)},
            "who": {"type": "array", "items": {"enum": list(STATUSES)}},
            "ages": {
                "type": "object",
                "additionalProperties": False,
                "required": ["from", "to"],
                "properties": {
                    "from": {"type": "integer", "description": "From this birthday."},
                    "to": {"type": "integer", "description": "Until the day before this one."},
                },
            },
            "conditions": {"type": "array", "items": {"enum": list(CONDITIONS)}},
            "amount": {
                "description": "The amount in force today (null if none is in force yet).",
                "oneOf": [
                    {"type": "null"},
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["gbp", "per", "qualifier"],
                        "properties": amount_properties,
                    },
                ],
            },
            "amounts": {
                "description": "Every amount with the day it took effect, oldest first; the "
                "one in force on a day is the last whose `from` is on or before it.",
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["gbp", "per", "qualifier", "from", "source"],
                    "properties": {
                        **amount_properties,
                        "from": DATE,
                        "source": {
                            "type": "string",
                            "description": "The url or title of the entry in `sources` it "
                            "comes from.",
                        },
                    },
                },
            },
            "legal_basis": {"type": ["string", "null"]},
            "sources": {
                "description": "Changed in this version: each source is an object with a link "
                "(null for a council's own unpublished policy) and the day it was last checked, "
                "where it used to be a line of text.",
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["title", "url", "checked"],
                    "properties": {
                        "title": {"type": "string"},
                        "url": {"type": ["string", "null"], "format": "uri"},
                        "checked": DATE,
                    },
                },
            },
            "in_force": {
                "type": "object",
                "additionalProperties": False,
                "required": ["from", "commencement_pending"],
                "properties": {
                    "from": NULLABLE_DATE,
                    "commencement_pending": {"type": "boolean"},
                },
            },
            "url": {"type": "string", "description": "The entitlement's page in the language."},
            "last_reviewed": DATE,
            "review_due": DATE,
            "review_cadence": {
                "enum": list(REVIEW_CADENCES),
                "description": "How often it is checked: monthly (announced or coming-in law), "
                "april (benefit figures), august (education funding) or yearly.",
            },
        },
    }
    return {
        "Errors": {
            "type": "object",
            "additionalProperties": False,
            "required": ["errors"],
            "properties": {
                "errors": {
                    "type": "object",
                    "minProperties": 1,
                    "additionalProperties": {"type": "string"},
                    "description": "What to fix, by the field (or part of the request) at fault.",
                }
            },
        },
        "Answers": {
            "type": "object",
            "additionalProperties": False,
            "required": ["date_of_birth"],
            "properties": {
                "date_of_birth": DATE,
                "as_of": {
                    **DATE,
                    "description": "The day to check on; today in the UK if absent. The law "
                    "as it stood on that day is applied, from 1 April 2011 onwards.",
                },
                "care_periods": {
                    "type": "array",
                    "maxItems": MAX_CARE_PERIODS,
                    "items": ref("CarePeriod"),
                },
                **{
                    flag: {"type": "boolean", "default": False, "description": FLAG_MEANINGS[flag]}
                    for flag in FLAGS
                },
                **{
                    name: {
                        "type": ["boolean", "null"],
                        "default": None,
                        "description": PERSONAL_MEANINGS[name] + " Optional: null (the "
                        "default) means not answered, and never hides anything.",
                    }
                    for name in PERSONAL_QUESTIONS
                },
            },
        },
        "CarePeriod": care_period,
        "MatchedEntitlement": matched,
        "Eligibility": {
            "type": "object",
            "additionalProperties": False,
            "required": [
                "status",
                "as_of",
                "status_since",
                "status_until",
                "days_looked_after_since_14",
                "reasons",
                "legal_basis",
                "entitlements",
                "may_also_apply",
                "coming_in",
            ],
            "properties": {
                "status": {"enum": list(STATUSES)},
                "as_of": DATE,
                "status_since": NULLABLE_DATE,
                "status_until": NULLABLE_DATE,
                "days_looked_after_since_14": {"type": "integer", "minimum": 0},
                "reasons": {"type": "array", "items": {"type": "string"}},
                "legal_basis": {"type": "array", "items": {"type": "string"}},
                "entitlements": {"type": "array", "items": ref("MatchedEntitlement")},
                "may_also_apply": {"type": "array", "items": ref("MatchedEntitlement")},
                "coming_in": {"type": "array", "items": ref("MatchedEntitlement")},
            },
        },
        "Entitlement": entitlement,
        "Offer": {
            "type": "object",
            "additionalProperties": False,
            "required": ["lang", "council", "entitlements"],
            "properties": {
                "lang": {"enum": languages},
                "council": {"type": "string"},
                "entitlements": {"type": "array", "items": ref("Entitlement")},
            },
        },
    }


def document(languages: list[str], server: str = "/") -> dict[str, Any]:
    """The whole OpenAPI document for an app publishing `languages`, served at `server`."""
    lang_parameter = {
        "name": "lang",
        "in": "query",
        "required": False,
        "description": "A published language code; English if absent.",
        "schema": {"enum": languages, "default": "en"},
    }
    bad_lang = error("The language is not published (`errors.lang` says which are).")
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "info": {
            "title": "Local offer for care leavers",
            "version": "1",
            "description": "What care leavers can get, who gets it and until when; and a "
            "checker that works out which of it applies to one young person. Answers sent "
            "to the checker are never stored or logged.",
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "servers": [{"url": server, "description": "This council's local offer"}],
        "paths": {
            "/api/v1/eligibility": {
                "post": {
                    "operationId": "checkEligibility",
                    "summary": "Work out care-leaver status and what applies, on a date",
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": ref("Answers")}},
                    },
                    "responses": {
                        "200": json_response("The status and what applies.", "Eligibility"),
                        "400": error(
                            "Bad input: every problem named by its field, including a field "
                            "given more than once and a special guardianship order with no "
                            "care periods before it."
                        ),
                        "413": error(f"The body is over {MAX_BODY_BYTES} bytes."),
                        "415": error("The body was not sent as application/json."),
                    },
                }
            },
            "/api/v1/offer": {
                "get": {
                    "operationId": "listOffer",
                    "summary": "The whole offer, in a language",
                    "parameters": [lang_parameter],
                    "responses": {
                        "200": json_response("Every entitlement.", "Offer"),
                        "400": bad_lang,
                    },
                }
            },
            "/api/v1/offer/{id}": {
                "get": {
                    "operationId": "getEntitlement",
                    "summary": "One entitlement, in a language",
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        },
                        lang_parameter,
                    ],
                    "responses": {
                        "200": json_response("The entitlement.", "Entitlement"),
                        "400": bad_lang,
                        "404": error("There is no entitlement with this id."),
                    },
                }
            },
            **openapi_openreferral.paths(lang_parameter, error),
            "/api/v1/schema/entitlement.json": {
                "get": {
                    "operationId": "getEntitlementSchema",
                    "summary": "The JSON Schema (2020-12) of an entitlement file's front matter",
                    "responses": {
                        "200": {
                            "description": "Generated from the rules the portal checks "
                            "content with, for this council's contacts.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["$schema", "properties"],
                                    }
                                }
                            },
                        }
                    },
                }
            },
            "/api/v1/openapi.json": {
                "get": {
                    "operationId": "getOpenApiDocument",
                    "summary": "This document",
                    "responses": {
                        "200": {
                            "description": "The OpenAPI 3.1 document.",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        }
                    },
                }
            },
        },
        "components": {"schemas": {**schemas(languages), **openapi_openreferral.schemas()}},
    }


@bp.get("/openapi.json")
def openapi_document() -> Response:
    return jsonify(document(list(current_app.config["LANGUAGES"]), request.url_root))
