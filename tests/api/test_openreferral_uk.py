"""The Open Referral UK feed answers every required endpoint in the UK profile's shapes.

Responses are validated against the UK profile's compiled schemas (transcribed in
tests/api/schemas, source and licence at the top of each), and compared with the shape of
the published example feed the ORUK validator tests itself with (OpenReferralUK/oruk-validator,
OpenReferralApi/Mocks/V3.0-UK-Default), whose keys are transcribed below.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from jsonschema import Draft202012Validator, FormatChecker

from localoffer.api.classification import mapping, stable_id, taxonomies
from localoffer.content import load_offer

SCHEMAS = Path(__file__).parent / "schemas"
ORUK = "/api/v1/openreferral"
# Every shipped entitlement is one service of the feed.
SHIPPED_ENTITLEMENTS = len(load_offer(Path(__file__).parents[2] / "content").entitlements)
# HSDS 3.0 fields the UK profile leaves out, kept because care leavers need them.
HSDS_EXTRAS = {"service": {"eligibility_description"}, "contact": {"email", "phones"},
               "language": {"name", "code", "note"}}  # fmt: skip
# Keys of the validator's published example feed (V3.0-UK-Default).
EXAMPLE_PAGE_KEYS = {"total_items", "total_pages", "page_number", "size", "first_page",
                     "last_page", "empty", "contents"}  # fmt: skip
EXAMPLE_SERVICE_LIST_KEYS = {"id", "name", "description", "url", "email", "status", "fees",
                             "accreditations", "minimum_age", "maximum_age", "assured_date",
                             "assurer_email", "alert", "last_modified", "organization"}  # fmt: skip
EXAMPLE_ORGANIZATION_KEYS = {"id", "name", "description", "email", "website", "logo", "uri",
                             "parent_organization_id"}  # fmt: skip
EXAMPLE_TERM_KEYS = {"id", "name", "description", "parent_id", "taxonomy", "term_uri", "term"}
EXAMPLE_TAXONOMY_KEYS = {"id", "name", "description", "uri", "version"}


def validator(name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / f"{name}.json").read_text("utf-8"))
    return Draft202012Validator(schema, format_checker=FormatChecker())


def problems(name: str, data: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator(name).iter_errors(data)]


def get(client: FlaskClient, path: str, status: int = 200) -> Any:
    response = client.get(f"{ORUK}{path}")
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    return response.get_json()


def every_page(client: FlaskClient, path: str) -> list[Any]:
    joiner = "&" if "?" in path else "?"
    first = get(client, f"{path}{joiner}per_page=7")
    items = list(first["contents"])
    for number in range(2, first["total_pages"] + 1):
        items += get(client, f"{path}{joiner}per_page=7&page={number}")["contents"]
    return items


@pytest.fixture
def full_services(client: FlaskClient) -> list[dict[str, Any]]:
    summaries = every_page(client, "/services")
    return [get(client, f"/services/{s['id']}") for s in summaries]


def test_transcribed_schemas_are_valid_json_schemas() -> None:
    """Each transcribed UK profile schema is itself well-formed JSON Schema (2020-12)."""
    for path in SCHEMAS.glob("*.json"):
        Draft202012Validator.check_schema(json.loads(path.read_text("utf-8")))


def test_root_names_the_uk_profile_and_its_openapi_document(client: FlaskClient) -> None:
    """GET / says HSDS-UK-3.0, the profile, and where the OpenAPI document is."""
    data = get(client, "/")
    assert not problems("api_information", data)
    assert data["version"] == "HSDS-UK-3.0"
    assert data["openapi_url"] == "http://localhost/api/v1/openapi.json"
    assert client.get(data["openapi_url"]).status_code == 200


def test_every_list_page_has_the_profile_page_fields(client: FlaskClient) -> None:
    """Services, taxonomies, terms and service_at_locations pages fit the profile's Page."""
    for path in ("/services", "/taxonomies", "/taxonomy_terms", "/service_at_locations"):
        page = get(client, path)
        assert not problems("page", page), path
        assert set(page) == EXAMPLE_PAGE_KEYS, path


def test_service_list_items_validate_and_keep_the_published_shape(client: FlaskClient) -> None:
    """Each /services item fits service_list.json and uses only the example feed's fields."""
    for service in every_page(client, "/services"):
        assert not problems("service_list", service), (service["name"], problems)
        extra = set(service) - EXAMPLE_SERVICE_LIST_KEYS
        assert extra <= {"organization_id"} | HSDS_EXTRAS["service"], extra
        assert set(service["organization"]) <= EXAMPLE_ORGANIZATION_KEYS


def test_every_full_service_validates_against_the_uk_service_schema(
    full_services: list[dict[str, Any]],
) -> None:
    """/services/{id} for every entitlement fits the compiled UK service schema."""
    assert len(full_services) == SHIPPED_ENTITLEMENTS
    for service in full_services:
        assert not problems("service", service), (service["name"], problems("service", service))


def test_nested_objects_use_only_uk_profile_or_hsds_fields(
    full_services: list[dict[str, Any]],
) -> None:
    """No made-up field: contacts, schedules, languages and attributes are profile-shaped."""
    schema = json.loads((SCHEMAS / "service.json").read_text("utf-8"))["properties"]

    def allowed(field: str, extra: str = "") -> set[str]:
        return set(schema[field]["items"]["properties"]) | HSDS_EXTRAS.get(extra, set())

    for service in full_services:
        for contact in service["contacts"]:
            assert set(contact) <= allowed("contacts", "contact")
        for schedule in service["schedules"]:
            assert set(schedule) <= allowed("schedules")
        for language in service["languages"]:
            assert set(language) <= allowed("languages", "language")
        for attribute in service["attributes"]:
            assert set(attribute) <= allowed("attributes")
            assert set(attribute["taxonomy_term"]) <= EXAMPLE_TERM_KEYS | {"taxonomy_id"}


def test_the_feed_in_arabic_validates_too(client: FlaskClient) -> None:
    """With lang=ar names are Arabic where translated, pages still fit, unknown codes get 400."""
    services = every_page(client, "/services?lang=ar")
    for service in services:
        assert not problems("service_list", service), service["name"]
    assert any(s["url"].startswith("http://localhost/ar/") for s in services)
    full = get(client, f"/services/{services[0]['id']}?lang=ar")
    assert not problems("service", full)
    assert "errors" in get(client, "/services?lang=zz", status=400)


def test_every_service_belongs_to_the_council(app: Flask, client: FlaskClient) -> None:
    """All services carry the council as organization_id and organization."""
    council = app.extensions["localoffer.offer"].council
    services = every_page(client, "/services")
    assert {s["organization_id"] for s in services} == {services[0]["organization"]["id"]}
    organization = services[0]["organization"]
    assert organization["name"] == council.name
    assert organization["email"] == council.contacts["leaving_care_team"].email
    assert organization["website"] == council.website


def test_a_services_cost_follows_the_apps_today(app: Flask, client: FlaskClient) -> None:
    """Before a dated rise the feed lists the old figure and the new; from that day, the new."""
    council = app.extensions["localoffer.offer"].council
    url = f"/services/{stable_id(council, 'service', 'apprenticeship-bursary')}"
    app.config["TODAY"] = date(2023, 7, 31)
    before = [(o["amount"], o["valid_from"]) for o in get(client, url)["cost_options"]]
    app.config["TODAY"] = date(2023, 8, 1)
    after = [(o["amount"], o["valid_from"]) for o in get(client, url)["cost_options"]]
    assert before == [(1000, "2018-08-01"), (3000, "2023-08-01")]
    assert after == [(3000, "2023-08-01")]


def test_contacts_phones_and_opening_hours_come_from_council_yaml(
    full_services: list[dict[str, Any]],
) -> None:
    """Health support lists the leaving care team and The Bridge, numbers and weekly hours."""
    health = next(s for s in full_services if s["url"].endswith("/health/health-support/"))
    names = [c["name"] for c in health["contacts"]]
    assert names == ["Leaving care team", "The Bridge care leaver hub (drop-in)"]
    assert health["contacts"][0]["phones"][0]["number"] == "01632 960100"
    assert health["contacts"][1]["email"] == "thebridge@example.org"
    weekly = [(s["byday"], s["opens_at"], s["closes_at"]) for s in health["schedules"]]
    assert weekly == [("MO,TU,WE,TH,FR", "09:00", "17:00"), ("MO,TU,WE,TH,FR", "10:00", "18:00"),
                      ("SA", "11:00", "15:00")]  # fmt: skip
    assert all(s["freq"] == "WEEKLY" for s in health["schedules"])


def test_hours_that_are_not_plain_stay_as_words(full_services: list[dict[str, Any]]) -> None:
    """The emergency duty team's evenings-and-weekends hours are kept, never guessed."""
    for service in full_services:
        for schedule in service["schedules"]:
            if schedule["description"].startswith("Emergency duty team"):
                assert "byday" not in schedule and "bank holidays" in schedule["description"]
                return
    pytest.fail("no service lists the emergency duty team")


def test_descriptions_are_plain_text_with_sentence_breaks(
    full_services: list[dict[str, Any]],
) -> None:
    """No tags, and a heading ends with a colon on its own line instead of running on."""
    staying_put = next(s for s in full_services if s["url"].endswith("/staying-put/"))
    lines = staying_put["description"].split("\n")
    assert "What you can get:" in lines and "Who can get it:" in lines
    assert "What you can get You" not in staying_put["description"]
    for service in full_services:
        assert "<" not in service["description"], service["name"]


def test_ages_are_the_eligibility_fields(full_services: list[dict[str, Any]]) -> None:
    """Staying put: 18 to 20 (until the 21st birthday), with its conditions in words."""
    staying_put = next(s for s in full_services if s["url"].endswith("/staying-put/"))
    assert (staying_put["minimum_age"], staying_put["maximum_age"]) == (18, 20)
    assert "From age 18 until you turn 21" in staying_put["eligibility_description"]


def test_paging_walks_every_service_once_and_reports_its_edges(client: FlaskClient) -> None:
    """Pages of 10: the last holds the rest, beyond it is empty, and ids never repeat."""
    total = SHIPPED_ENTITLEMENTS
    pages, rest = -(-total // 10), total % 10 or 10
    first = get(client, "/services?per_page=10")
    assert (first["total_items"], first["total_pages"], first["size"]) == (total, pages, 10)
    assert first["first_page"] and not first["last_page"]
    last = get(client, f"/services?per_page=10&page={pages}")
    assert (last["size"], last["last_page"], last["first_page"], last["empty"]) == (
        rest, True, False, False)  # fmt: skip
    beyond = get(client, f"/services?per_page=10&page={pages + 1}")
    assert beyond["contents"] == [] and beyond["empty"] and beyond["page_number"] == pages + 1
    ids = [s["id"] for s in every_page(client, "/services")]
    assert len(ids) == len(set(ids)) == total


@pytest.mark.parametrize(
    ("query", "field"),
    [("page=0", "page"), ("page=two", "page"), ("per_page=501", "per_page"),
     ("per_page=1.5", "per_page"), ("minimum_age=abc", "minimum_age"),
     ("maximum_age=-1", "maximum_age"), ("maximum_age=nan", "maximum_age"),
     ("modified_after=yesterday", "modified_after"),
     ("modified_after=2026-02-30", "modified_after")],
)  # fmt: skip
def test_bad_numbers_and_dates_get_400_naming_the_parameter(
    client: FlaskClient, query: str, field: str
) -> None:
    """Each bad value is refused with a message saying what to send instead."""
    data = get(client, f"/services?{query}", status=400)
    assert set(data["errors"]) == {field}
    assert data["errors"][field].startswith("Enter ")


def test_filters_by_age_taxonomy_date_and_words(app: Flask, client: FlaskClient) -> None:
    """Each filter keeps exactly the services that match it."""
    offer = app.extensions["localoffer.offer"]
    adults = every_page(client, "/services?minimum_age=18")
    assert len(adults) == sum(1 for e in offer.entitlements if e.age_from >= 18)
    young = every_page(client, "/services?maximum_age=20")
    assert len(young) == sum(1 for e in offer.entitlements if e.age_to - 1 <= 20)
    later = max(e.last_reviewed for e in offer.entitlements)
    recent = every_page(client, f"/services?modified_after={later.isoformat()}")
    assert len(recent) == sum(1 for e in offer.entitlements if e.last_reviewed >= later)
    assert every_page(client, "/services?modified_after=2999-01-01T00:00:00Z") == []
    staying = every_page(client, "/services?search=foster")
    assert any(s["url"].endswith("/staying-put/") for s in staying)
    with app.test_request_context():
        housing = next(t for t in taxonomies(offer.council)[0].terms if t.key == "housing")
    in_housing = every_page(client, f"/services?taxonomy_term_id={housing.id}")
    assert len(in_housing) == len(offer.in_theme("housing"))
    assert every_page(client, "/services?taxonomy_term_id=not-a-term") == []


def test_every_theme_and_entitlement_maps_to_esd_terms(app: Flask) -> None:
    """The mapping names only real entitlements and themes, and only terms it lists."""
    offer = app.extensions["localoffer.offer"]
    data = mapping()
    assert set(data["entitlements"]) <= {e.id for e in offer.entitlements}
    assert set(data["themes"]) == {e.theme for e in offer.entitlements}
    assert data["all"]["esd_services"] == ["918"]  # Support for young people leaving care
    for source in (data["all"], *data["themes"].values(), *data["entitlements"].values()):
        for key, codes in source.items():
            assert set(codes) <= set(data["vocabularies"][key]["terms"]), (key, codes)


def test_taxonomies_and_terms_validate_and_are_found_by_id(client: FlaskClient) -> None:
    """Each taxonomy and term fits its schema and its /{id} answers with the same object."""
    for item in every_page(client, "/taxonomies"):
        assert not problems("taxonomy", item) and set(item) <= EXAMPLE_TAXONOMY_KEYS
        full = get(client, f"/taxonomies/{item['id']}")
        assert not problems("taxonomy", full) and full["taxonomy_terms"]
    terms = every_page(client, "/taxonomy_terms")
    for term in terms:
        assert not problems("taxonomy_term", term)
        assert get(client, f"/taxonomy_terms/{term['id']}") == term
    care_leaver = next(t for t in terms if t["name"] == "Care leaver")
    assert "term_uri" not in care_leaver and "term" not in care_leaver  # esd id unconfirmed
    leaving_care = next(t for t in terms if t.get("term") == "918")
    assert leaving_care["term_uri"] == "http://id.esd.org.uk/service/918"


def test_services_at_locations_are_where_contacts_can_be_visited(client: FlaskClient) -> None:
    """One per entitlement and contact with an address; list items and /{id} fit the schemas."""
    found = every_page(client, "/service_at_locations")
    assert found and len({f["id"] for f in found}) == len(found)
    for item in found:
        assert not problems("service_at_location_list", item), problems(
            "service_at_location_list", item
        )
        assert item["location"]["location_type"] == "physical"
        assert item["location"]["description"]  # the address, as council.yaml writes it
    places = {f["location"]["name"] for f in found}
    assert places == {"Leaving care team", "The Bridge care leaver hub (drop-in)"}
    full = get(client, f"/service_at_locations/{found[0]['id']}")
    assert not problems("service_at_location", full), problems("service_at_location", full)
    assert full["service"]["contacts"] and full["location"] == found[0]["location"]
    adults = every_page(client, "/service_at_locations?minimum_age=18")
    assert adults and all(f["service"]["minimum_age"] >= 18 for f in adults)


def test_unknown_ids_get_404_with_cors(client: FlaskClient) -> None:
    """A missing service, taxonomy, term or location is a JSON 404 a browser can read."""
    for path in ("/services/00000000-0000-0000-0000-000000000000", "/taxonomies/x",
                 "/taxonomy_terms/x", "/service_at_locations/x", "/no-such-endpoint"):  # fmt: skip
        assert "errors" in get(client, path, status=404)


def test_preflight_allows_any_origin_to_get(client: FlaskClient) -> None:
    """OPTIONS answers 200 with the methods and headers a browser may use."""
    response = client.options(f"{ORUK}/services", headers={"Origin": "https://dir.example"})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response.headers["Access-Control-Allow-Methods"]
    assert client.get("/api/v1/offer").headers.get("Access-Control-Allow-Origin") is None


def test_a_wrong_export_would_fail_the_schemas() -> None:
    """The checks can fail: a non-uuid id, an unknown status or a text age are caught."""
    good = {"id": "de47982a-581d-53f6-8246-992be2d1d955", "name": "A", "status": "active"}
    assert not problems("service", good)
    for bad in ({"id": "staying-put"}, {"status": "open"}, {"minimum_age": "18"},
                {"last_modified": "2026-11-01"}, {"schedules": [{"freq": "DAILY"}]}):  # fmt: skip
        assert problems("service", {**good, **bad}), bad
    assert problems("page", {"total_items": "54"})
    assert problems("taxonomy_term", {"id": good["id"], "name": "x"})
