"""The OpenAPI document is valid and every real API response matches it.

Instead of generating random requests (schemathesis), each documented operation is called
with real good and bad requests, and each response body is validated with jsonschema against
the schema the document gives for that status code: the same guarantee, deterministic and
fast.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from jsonschema import Draft202012Validator, FormatChecker
from openapi_spec_validator import validate as validate_openapi
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

DOCUMENT_URI = "urn:localoffer:openapi"
GOOD_ANSWERS = {
    "date_of_birth": "2006-05-01",
    "as_of": "2026-11-23",
    "care_periods": [{"start": "2020-06-01", "end": "2024-04-30", "short_break": False}],
    "in_higher_education": True,
}

ORUK = "/api/v1/openreferral"
THEMES_ID = "b6663265-5777-5e87-9150-9279db522caf"  # Local offer themes, for Northwold Council
HEALTH_TERM_ID = "813a2194-f272-51aa-9772-24950897ddb6"  # its term "health"
SERVICE_ID = "de47982a-581d-53f6-8246-992be2d1d955"  # health-support, for Northwold Council
AT_ID = "27ee742e-b2b6-5d4d-bf86-661a8f924010"  # health-in-your-pathway-plan, at the civic centre
OPEN_REFERRAL_CALLS: list[tuple[str, str, str, Any, int]] = [
    ("get", f"{ORUK}/", f"{ORUK}/", None, 200),
    ("get", f"{ORUK}/services", f"{ORUK}/services", None, 200),
    ("get", f"{ORUK}/services", f"{ORUK}/services?lang=ar&page=2&per_page=5", None, 200),
    ("get", f"{ORUK}/services", f"{ORUK}/services?lang=x", None, 400),
    ("get", f"{ORUK}/services", f"{ORUK}/services?page=0", None, 400),
    ("get", f"{ORUK}/services/{{id}}", f"{ORUK}/services/{SERVICE_ID}", None, 200),
    ("get", f"{ORUK}/services/{{id}}", f"{ORUK}/services/{SERVICE_ID}?lang=zz", None, 400),
    ("get", f"{ORUK}/services/{{id}}", f"{ORUK}/services/staying-put", None, 404),
    ("get", f"{ORUK}/taxonomies", f"{ORUK}/taxonomies", None, 200),
    ("get", f"{ORUK}/taxonomies", f"{ORUK}/taxonomies?per_page=many", None, 400),
    ("get", f"{ORUK}/taxonomies/{{id}}", f"{ORUK}/taxonomies/{THEMES_ID}", None, 200),
    ("get", f"{ORUK}/taxonomies/{{id}}", f"{ORUK}/taxonomies/{THEMES_ID}?lang=q", None, 400),
    ("get", f"{ORUK}/taxonomies/{{id}}", f"{ORUK}/taxonomies/themes", None, 404),
    ("get", f"{ORUK}/taxonomy_terms", f"{ORUK}/taxonomy_terms?lang=fa", None, 200),
    ("get", f"{ORUK}/taxonomy_terms", f"{ORUK}/taxonomy_terms?page=-1", None, 400),
    ("get", f"{ORUK}/taxonomy_terms/{{id}}", f"{ORUK}/taxonomy_terms/{HEALTH_TERM_ID}", None, 200),
    ("get", f"{ORUK}/taxonomy_terms/{{id}}", f"{ORUK}/taxonomy_terms/{HEALTH_TERM_ID}?lang=q",
     None, 400),
    ("get", f"{ORUK}/taxonomy_terms/{{id}}", f"{ORUK}/taxonomy_terms/health", None, 404),
    ("get", f"{ORUK}/service_at_locations", f"{ORUK}/service_at_locations", None, 200),
    ("get", f"{ORUK}/service_at_locations", f"{ORUK}/service_at_locations?maximum_age=old",
     None, 400),
    ("get", f"{ORUK}/service_at_locations/{{id}}", f"{ORUK}/service_at_locations/{AT_ID}",
     None, 200),
    ("get", f"{ORUK}/service_at_locations/{{id}}", f"{ORUK}/service_at_locations/{AT_ID}?lang=q",
     None, 400),
    ("get", f"{ORUK}/service_at_locations/{{id}}", f"{ORUK}/service_at_locations/{SERVICE_ID}",
     None, 404),
]  # fmt: skip

# (method, path template, concrete URL, JSON body or None, expected status)
CALLS: list[tuple[str, str, str, Any, int]] = [
    ("post", "/api/v1/eligibility", "/api/v1/eligibility", GOOD_ANSWERS, 200),
    ("post", "/api/v1/eligibility", "/api/v1/eligibility",
     {"date_of_birth": "2010-01-01", "care_periods": [{"start": "2024-01-01", "end": None}]}, 200),
    ("post", "/api/v1/eligibility", "/api/v1/eligibility", {"date_of_birth": "1-2-3"}, 400),
    ("post", "/api/v1/eligibility", "/api/v1/eligibility", {"unknown": 1}, 400),
    ("post", "/api/v1/eligibility", "/api/v1/eligibility", [], 400),
    ("get", "/api/v1/offer", "/api/v1/offer", None, 200),
    ("get", "/api/v1/offer", "/api/v1/offer?lang=ar", None, 200),
    ("get", "/api/v1/offer", "/api/v1/offer?lang=xx", None, 400),
    ("get", "/api/v1/offer/{id}", "/api/v1/offer/staying-put", None, 200),
    ("get", "/api/v1/offer/{id}", "/api/v1/offer/higher-education-bursary?lang=fa", None, 200),
    ("get", "/api/v1/offer/{id}", "/api/v1/offer/nothing-here", None, 404),
    ("get", "/api/v1/offer/{id}", "/api/v1/offer/staying-put?lang=klingon", None, 400),
    *OPEN_REFERRAL_CALLS,
    ("get", "/api/v1/openapi.json", "/api/v1/openapi.json", None, 200),
    ("get", "/api/v1/schema/entitlement.json", "/api/v1/schema/entitlement.json", None, 200),
]  # fmt: skip


@pytest.fixture
def document(client: FlaskClient) -> dict[str, Any]:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def response_validator(document: dict[str, Any], path: str, method: str, status: int):
    """A jsonschema validator for one documented response, resolving the document's $refs."""
    registry = Registry().with_resource(
        DOCUMENT_URI, Resource.from_contents(document, default_specification=DRAFT202012)
    )
    pointer = "/".join(
        part.replace("~", "~0").replace("/", "~1")
        for part in ("paths", path, method, "responses", str(status), "content",
                     "application/json", "schema")
    )  # fmt: skip
    return Draft202012Validator(
        {"$ref": f"{DOCUMENT_URI}#/{pointer}"}, registry=registry, format_checker=FormatChecker()
    )


def test_openapi_document_is_valid_openapi_3_1(document: dict[str, Any]) -> None:
    """The document passes the OpenAPI 3.1 specification's own validator."""
    assert document["openapi"].startswith("3.1")
    validate_openapi(document)


def test_every_api_route_is_documented_and_nothing_more(
    app: Flask, document: dict[str, Any]
) -> None:
    """Each route under /api/v1 and its methods appear in the document, and only those."""
    routes = {
        (re.sub(r"<[a-z_]+>", "{id}", rule.rule), method.lower())
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/api/v1/")
        for method in (rule.methods or set()) - {"HEAD", "OPTIONS"}
    }
    documented = {(path, method) for path, ops in document["paths"].items() for method in ops}
    assert routes == documented


@pytest.mark.parametrize(("method", "path", "url", "body", "status"), CALLS)
def test_real_responses_match_the_document(
    client: FlaskClient,
    document: dict[str, Any],
    method: str,
    path: str,
    url: str,
    body: Any,
    status: int,
) -> None:
    """Each call gets the documented status, and its JSON body fits that status's schema."""
    assert str(status) in document["paths"][path][method]["responses"]
    response = client.open(url, method=method.upper(), json=body)
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    validator = response_validator(document, path, method, status)
    problems = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(
        response.get_json())]  # fmt: skip
    assert not problems, problems[:5]


def test_every_documented_response_status_is_exercised(document: dict[str, Any]) -> None:
    """No documented status goes untested, except the size and media-type refusals."""
    called = {(path, method, str(status)) for method, path, _, _, status in CALLS}
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for status in operation["responses"]:
                if status in {"413", "415"}:
                    continue  # exercised by the checker's API tests, shape checked below
                assert (path, method, status) in called, (path, method, status)


def test_refusals_by_size_and_media_type_match_the_document(
    client: FlaskClient, document: dict[str, Any]
) -> None:
    """A form-encoded body (415) and an oversized one (413) get the documented error shape."""
    wrong_type = client.post("/api/v1/eligibility", data={"date_of_birth": "2006-05-01"})
    too_big = client.post("/api/v1/eligibility", data="x" * 20_000, content_type="application/json")
    for response, status in ((wrong_type, 415), (too_big, 413)):
        assert response.status_code == status
        validator = response_validator(document, "/api/v1/eligibility", "post", status)
        assert validator.is_valid(response.get_json())


def test_the_check_catches_a_response_that_drifts(document: dict[str, Any]) -> None:
    """The validation can fail: an undocumented field or a wrong type is reported."""
    validator = response_validator(document, "/api/v1/offer/{id}", "get", 404)
    assert validator.is_valid({"errors": {"id": "There is no entitlement"}})
    assert not validator.is_valid({"errors": {}})
    assert not validator.is_valid({"errors": {"id": 1}})
    assert not validator.is_valid({"error": "x"})


def test_request_schema_agrees_with_the_api_on_malformed_answers(
    client: FlaskClient, document: dict[str, Any]
) -> None:
    """Bodies the documented request schema rejects are refused by the API too."""
    registry = Registry().with_resource(
        DOCUMENT_URI, Resource.from_contents(document, default_specification=DRAFT202012)
    )
    answers = Draft202012Validator(
        {"$ref": f"{DOCUMENT_URI}#/components/schemas/Answers"}, registry=registry,
        format_checker=FormatChecker(),
    )  # fmt: skip
    assert answers.is_valid(GOOD_ANSWERS)
    # The optional questions take true, false or null, and nothing else, in both.
    optional = {"parent_or_expecting": True, "came_to_uk_alone": False, "in_custody": None,
                "disabled_or_special_educational_needs": None,
                "lives_outside_council_area": False}  # fmt: skip
    assert answers.is_valid({**GOOD_ANSWERS, **optional})
    assert client.post("/api/v1/eligibility", json={**GOOD_ANSWERS, **optional}).status_code == 200
    for bad in ({}, {"date_of_birth": "2006-5-1"}, {**GOOD_ANSWERS, "in_care": True},
                {**GOOD_ANSWERS, "in_higher_education": "yes"},
                {**GOOD_ANSWERS, "in_custody": "no"},
                {**GOOD_ANSWERS, "parent_or_expecting": 1},
                {**GOOD_ANSWERS, "care_periods": [{"start": "2020-06-01"}]}):  # fmt: skip
        assert not answers.is_valid(bad), bad
        assert client.post("/api/v1/eligibility", json=bad).status_code == 400, bad
