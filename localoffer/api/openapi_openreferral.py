"""The Open Referral UK part of the OpenAPI document: its paths, parameters and shapes.

Parameters and shapes follow the UK profile's own OpenAPI document (OpenReferralUK/uk-profile,
schema/openapi.json) and compiled schemas; the tests check every real response against them.
"""

from __future__ import annotations

from typing import Any

from localoffer.api.paging import DEFAULT_PER_PAGE, MAX_PAGE, MAX_PER_PAGE

PROFILE_DOCS = "https://github.com/OpenReferralUK/uk-profile"
PREFIX = "/api/v1/openreferral"
UUID = {"type": "string", "format": "uuid"}
TEXT = {"type": "string"}


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _query(name: str, description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "description": description,
            "schema": schema}  # fmt: skip


PAGE = _query(
    "page",
    "Page number of paginated result.",
    {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
)
PER_PAGE = _query(
    "per_page",
    "Number of results requested in a single page.",
    {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE, "default": DEFAULT_PER_PAGE},
)
SERVICE_FILTERS = [
    _query("search", "Full text search, in the language asked for.", TEXT),
    _query("taxonomy_term_id", "Only services with this taxonomy term.", TEXT),
    _query("taxonomy_id", "Only services with any term of this taxonomy.", TEXT),
    _query("minimum_age", "Only services whose minimum age is at least this.",
           {"type": "number", "minimum": 0}),
    _query("maximum_age", "Only services whose maximum age is at most this.",
           {"type": "number", "minimum": 0}),
    _query("modified_after", "Only services modified on or after this date or date-time.", TEXT),
]  # fmt: skip


def _id_parameter(what: str) -> dict[str, Any]:
    return {"name": "id", "in": "path", "required": True, "description": f"The {what}'s id.",
            "schema": TEXT}  # fmt: skip


def _list(item: str) -> dict[str, Any]:
    contents = {"type": "array", "items": ref(item)}
    return {"allOf": [ref("OpenReferralPage"),
                      {"type": "object", "properties": {"contents": contents}}]}  # fmt: skip


def _ok(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _get(operation: str, summary: str, parameters: list[dict[str, Any]],
         responses: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    return {"get": {"operationId": operation, "summary": summary, "tags": ["Open Referral UK"],
                    "externalDocs": {"url": PROFILE_DOCS}, "parameters": parameters,
                    "responses": responses}}  # fmt: skip


def paths(lang: dict[str, Any], error: Any) -> dict[str, Any]:
    bad = error("A bad parameter: each problem named by its parameter.")
    missing = error("There is nothing with this id.")
    return {
        f"{PREFIX}/": _get("getOpenReferralApiInformation", "Which HSDS profile this API follows",
                           [], {"200": _ok("The version, profile and OpenAPI document.",
                                           ref("OpenReferralApiInformation"))}),
        f"{PREFIX}/services": _get(
            "listOpenReferralServices", "A page of services (one-to-one fields)",
            [lang, PAGE, PER_PAGE, *SERVICE_FILTERS],
            {"200": _ok("A page of services.", _list("OpenReferralServiceSummary")), "400": bad}),
        f"{PREFIX}/services/{{id}}": _get(
            "getOpenReferralService", "One service with everything about it",
            [_id_parameter("service"), lang],
            {"200": _ok("The service.", ref("OpenReferralService")), "400": bad,
             "404": missing}),
        f"{PREFIX}/taxonomies": _get(
            "listOpenReferralTaxonomies", "A page of taxonomies", [lang, PAGE, PER_PAGE],
            {"200": _ok("A page of taxonomies.", _list("OpenReferralTaxonomy")), "400": bad}),
        f"{PREFIX}/taxonomies/{{id}}": _get(
            "getOpenReferralTaxonomy", "One taxonomy with its terms",
            [_id_parameter("taxonomy"), lang],
            {"200": _ok("The taxonomy.", ref("OpenReferralTaxonomy")), "400": bad,
             "404": missing}),
        f"{PREFIX}/taxonomy_terms": _get(
            "listOpenReferralTaxonomyTerms", "A page of taxonomy terms",
            [lang, PAGE, PER_PAGE, _query("taxonomy_id", "Only terms of this taxonomy.", TEXT)],
            {"200": _ok("A page of terms.", _list("OpenReferralTaxonomyTerm")), "400": bad}),
        f"{PREFIX}/taxonomy_terms/{{id}}": _get(
            "getOpenReferralTaxonomyTerm", "One taxonomy term",
            [_id_parameter("taxonomy term"), lang],
            {"200": _ok("The term.", ref("OpenReferralTaxonomyTerm")), "400": bad,
             "404": missing}),
        f"{PREFIX}/service_at_locations": _get(
            "listOpenReferralServiceAtLocations",
            "A page of services at the places their contacts can be visited",
            [lang, PAGE, PER_PAGE, *SERVICE_FILTERS],
            {"200": _ok("A page of services at locations.",
                        _list("OpenReferralServiceAtLocation")), "400": bad}),
        f"{PREFIX}/service_at_locations/{{id}}": _get(
            "getOpenReferralServiceAtLocation", "One service at a location, in full",
            [_id_parameter("service at location"), lang],
            {"200": _ok("The service at the location.", ref("OpenReferralServiceAtLocation")),
             "400": bad, "404": missing}),
    }  # fmt: skip


def _object(required: list[str], properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "required": required, "properties": properties}


def schemas() -> dict[str, Any]:
    term = _object(
        ["id", "name", "description"],
        {
            "id": UUID,
            "name": TEXT,
            "description": TEXT,
            "parent_id": UUID,
            "taxonomy": TEXT,
            "taxonomy_id": UUID,
            "term_uri": {"type": "string", "format": "uri"},
            "term": TEXT,
        },
    )
    organization = _object(
        ["id", "name", "description"],
        {
            "id": UUID,
            "name": TEXT,
            "description": TEXT,
            "email": {"type": "string", "format": "email"},
            "website": {"type": "string", "format": "uri"},
            "uri": {"type": "string", "format": "uri"},
        },
    )
    summary = _object(
        ["id", "name", "status"],
        {
            "id": UUID,
            "organization_id": UUID,
            "name": TEXT,
            "description": TEXT,
            "url": {"type": "string", "format": "uri"},
            "email": {"type": "string", "format": "email"},
            "status": {"enum": ["active", "inactive", "defunct", "temporarily closed"]},
            "minimum_age": {"type": "number"},
            "maximum_age": {"type": "number"},
            "eligibility_description": TEXT,
            "assured_date": TEXT,
            "last_modified": {"type": "string", "format": "date-time"},
            "organization": ref("OpenReferralOrganization"),
        },
    )
    linked = {
        "type": "array",
        "items": {"type": "object", "required": ["id"], "properties": {"id": UUID}},
    }
    full = {
        "allOf": [
            ref("OpenReferralServiceSummary"),
            {
                "type": "object",
                "properties": {
                    "contacts": linked,
                    "schedules": linked,
                    "languages": linked,
                    "attributes": {
                        "type": "array",
                        "items": _object(
                            ["id"],
                            {
                                "id": UUID,
                                "link_id": UUID,
                                "taxonomy_term_id": UUID,
                                "taxonomy_term": ref("OpenReferralTaxonomyTerm"),
                            },
                        ),
                    },
                },
            },
        ]
    }
    return {
        "OpenReferralApiInformation": _object(["version", "profile", "openapi_url"], {
            "version": {"const": "HSDS-UK-3.0"}, "profile": {"type": "string", "format": "uri"},
            "openapi_url": {"type": "string", "format": "uri"}}),
        "OpenReferralPage": {
            "type": "object",
            "description": "A page of a list, as the UK profile's Page schema defines it.",
            "required": ["total_items", "total_pages", "page_number", "size", "first_page",
                         "last_page", "empty", "contents"],
            "properties": {
                "total_items": {"type": "integer"}, "total_pages": {"type": "integer"},
                "page_number": {"type": "integer"}, "size": {"type": "integer"},
                "first_page": {"type": "boolean"}, "last_page": {"type": "boolean"},
                "empty": {"type": "boolean"}, "contents": {"type": "array"}}},
        "OpenReferralOrganization": organization,
        "OpenReferralServiceSummary": summary,
        "OpenReferralService": full,
        "OpenReferralTaxonomy": _object(["id", "name", "description"], {
            "id": UUID, "name": TEXT, "description": TEXT,
            "uri": {"type": "string", "format": "uri"}, "version": TEXT,
            "taxonomy_terms": {"type": "array", "items": ref("OpenReferralTaxonomyTerm")}}),
        "OpenReferralTaxonomyTerm": term,
        "OpenReferralServiceAtLocation": _object(["id", "service_id", "location_id", "location",
                                                  "service"], {
            "id": UUID, "service_id": UUID, "location_id": UUID,
            "location": _object(["id", "location_type"], {
                "id": UUID, "location_type": {"enum": ["physical", "postal", "virtual"]},
                "name": TEXT, "description": TEXT}),
            "service": ref("OpenReferralServiceSummary")}),
    }  # fmt: skip
