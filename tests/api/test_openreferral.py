"""The Open Referral UK (HSDS 3.0) export validates against the HSDS service schema."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from jsonschema import Draft202012Validator, FormatChecker

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "service.json").read_text("utf-8"))


@pytest.fixture
def services(client: FlaskClient) -> list[dict[str, Any]]:
    response = client.get("/api/v1/openreferral/services")
    assert response.status_code == 200
    page = response.get_json()
    assert page["total_items"] == len(page["contents"]) and page["total_pages"] == 1
    return page["contents"]


def test_schema_shipped_with_the_tests_is_itself_valid() -> None:
    """The HSDS service schema is a well-formed JSON Schema (2020-12)."""
    Draft202012Validator.check_schema(SCHEMA)


def test_every_service_validates_against_the_hsds_service_schema(
    services: list[dict[str, Any]],
) -> None:
    """Types, formats (uuid, uri, date-time), the status list and required fields all hold."""
    validator = Draft202012Validator(SCHEMA, format_checker=FormatChecker())
    for service in services:
        problems = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(service)]
        assert not problems, (service["name"], problems)


def test_services_use_only_fields_hsds_defines(services: list[dict[str, Any]]) -> None:
    """No made-up or misplaced field: every key is one the schema names at that level."""
    defs = SCHEMA["$defs"]
    for service in services:
        assert set(service) <= set(SCHEMA["properties"]), set(service) - set(SCHEMA["properties"])
        for language in service["languages"]:
            assert set(language) <= set(defs["language"]["properties"])
        for attribute in service["attributes"]:
            assert set(attribute) <= set(defs["attribute"]["properties"])
            term = attribute["taxonomy_term"]
            assert set(term) <= set(defs["taxonomy_term"]["properties"])
            assert set(term["taxonomy_detail"]) <= set(defs["taxonomy"]["properties"])


def test_a_wrong_export_would_fail_the_schema() -> None:
    """The check can fail: a non-uuid id, an unknown status or a text age are all caught."""
    validator = Draft202012Validator(SCHEMA, format_checker=FormatChecker())
    good = {"id": str(uuid.uuid4()), "name": "A", "status": "active"}
    assert validator.is_valid(good)
    for bad in ({"id": "staying-put"}, {"status": "open"}, {"minimum_age": "18"},
                {"last_modified": "2026-11-01"}, {"url": "not a uri"}):  # fmt: skip
        assert not validator.is_valid({**good, **bad}), bad
    assert not validator.is_valid({"id": good["id"], "name": "A"})


def test_each_entitlement_is_one_service_with_its_ages_and_eligibility(
    app: Flask, services: list[dict[str, Any]]
) -> None:
    """Staying put: 18 to 20 (until the 21st birthday), its eligibility in words, and active."""
    offer = app.extensions["localoffer.offer"]
    assert len(services) == len(offer.entitlements)
    assert len({s["id"] for s in services}) == len(services)
    item = offer.get("staying-put")
    staying_put = next(s for s in services if s["name"] == item.title)
    assert staying_put["minimum_age"] == 18 and staying_put["maximum_age"] == 20
    assert "From age 18 until you turn 21" in staying_put["eligibility_description"]
    assert (
        "Only if you were living with foster carers when you turned 18."
        in (staying_put["eligibility_description"])
    )
    assert staying_put["status"] == "active"
    assert staying_put["url"] == "http://localhost/relationships/staying-put/"
    assert staying_put["last_modified"].startswith(item.last_reviewed.isoformat())


def test_theme_and_kind_are_attributes_with_taxonomy_terms(services: list[dict[str, Any]]) -> None:
    """Every service links to one theme term and one kind term, each in its own taxonomy."""
    for service in services:
        codes = {a["taxonomy_term"]["taxonomy"]: a["value"] for a in service["attributes"]}
        assert set(codes) == {"Local offer themes", "Local offer kinds"}
        for attribute in service["attributes"]:
            assert attribute["link_id"] == service["id"]
            assert attribute["taxonomy_term_id"] == attribute["taxonomy_term"]["id"]


def test_languages_list_english_and_each_translation(
    app: Flask, services: list[dict[str, Any]]
) -> None:
    """English always; another language only where that entitlement is translated into it."""
    offer = app.extensions["localoffer.offer"]
    by_name = {s["name"]: s for s in services}
    for item in offer.entitlements:
        codes = [lang["code"] for lang in by_name[item.title]["languages"]]
        published = [c for c in app.config["LANGUAGES"] if c in item.translations]
        assert codes == ["en", *published], item.id


def test_ids_are_stable_between_exports(client: FlaskClient) -> None:
    """The same entitlement keeps the same uuid, so directories can update rather than duplicate."""
    first = client.get("/api/v1/openreferral/services").get_json()["contents"]
    second = client.get("/api/v1/openreferral/services").get_json()["contents"]
    assert [s["id"] for s in first] == [s["id"] for s in second]


def test_export_in_arabic_validates_too(client: FlaskClient) -> None:
    """With lang=ar the names are Arabic where translated, and the schema still holds."""
    page = client.get("/api/v1/openreferral/services?lang=ar").get_json()
    validator = Draft202012Validator(SCHEMA, format_checker=FormatChecker())
    for service in page["contents"]:
        assert validator.is_valid(service), service["name"]
    assert any(s["url"].startswith("http://localhost/ar/") for s in page["contents"])
    assert client.get("/api/v1/openreferral/services?lang=zz").status_code == 400
