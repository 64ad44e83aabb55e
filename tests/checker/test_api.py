"""POST /api/v1/eligibility: the contract in docs/architecture.md, bad input named by field."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

URL = "/api/v1/eligibility"
WORKED_EXAMPLE = {
    "date_of_birth": "2007-05-01",
    "as_of": "2026-11-23",
    "care_periods": [{"start": "2021-06-01", "end": "2025-04-30", "short_break": False}],
    "detained_or_in_hospital_on_16th_birthday": False,
    "special_guardianship_order": False,
    "lived_with_parent_6_months": False,
    "in_education_or_training": False,
    "in_higher_education": False,
}


def post(client: FlaskClient, body: Any) -> Any:
    return client.post(URL, data=json.dumps(body), content_type="application/json")


def test_worked_example_gives_former_relevant_with_personal_adviser_to_25(client) -> None:
    """The worked example of docs/architecture.md: former relevant, 1430 days, PA until 24."""
    response = post(client, WORKED_EXAMPLE)
    assert response.status_code == 200
    data = response.get_json()
    assert data["status"] == "former_relevant"
    assert data["days_looked_after_since_14"] == 1430
    assert "Children Act 1989, s.23C(1)" in data["legal_basis"]
    adviser = next(e for e in data["entitlements"] if e["id"] == "personal-adviser")
    assert adviser == {
        "id": "personal-adviser", "title": adviser["title"], "kind": "statutory",
        "theme": "relationships", "from": "2025-05-01", "until": "2032-04-30",
        "url": "/relationships/personal-adviser/",
    }  # fmt: skip
    assert all(reason.strip() for reason in data["reasons"])
    assert response.headers["Cache-Control"] == "no-store"


def test_higher_education_unlocks_the_bursary(client) -> None:
    """The HE bursary applies only to a former relevant child in higher education (s.23C(5A))."""
    without = post(client, WORKED_EXAMPLE).get_json()
    with_he = post(client, {**WORKED_EXAMPLE, "in_education_or_training": True,
                            "in_higher_education": True}).get_json()  # fmt: skip
    assert "higher-education-bursary" not in [e["id"] for e in without["entitlements"]]
    assert "higher-education-bursary" in [e["id"] for e in with_he["entitlements"]]


def test_law_not_yet_in_force_is_never_shown_as_current(client) -> None:
    """Staying Close (CWSA 2026 s.7) has no start date: it is 'coming in', not an entitlement."""
    data = post(client, WORKED_EXAMPLE).get_json()
    assert "staying-close" not in [e["id"] for e in data["entitlements"]]
    assert "staying-close" in [e["id"] for e in data["coming_in"]]


def test_only_date_of_birth_is_required(client) -> None:
    """Everything else has a default; as_of defaults to today in the UK."""
    response = post(client, {"date_of_birth": "2010-01-01"})
    assert response.status_code == 200
    assert response.get_json()["status"] == "none"


def test_as_of_left_out_is_the_apps_today(app: Flask, client: FlaskClient) -> None:
    """A request without as_of is answered for the day the app is on, which tests can fix."""
    app.config["TODAY"] = date(2025, 5, 1)
    data = post(client, {"date_of_birth": "2007-05-01"}).get_json()
    assert data["as_of"] == "2025-05-01"


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({}, "date_of_birth", ""),
        ({"date_of_birth": "01/05/2007"}, "date_of_birth", ""),
        ({"date_of_birth": "2007-02-30"}, "date_of_birth", ""),
        ({"date_of_birth": "2030-01-01", "as_of": "2026-11-23"}, "date_of_birth", ""),
        ({"date_of_birth": "2007-05-01", "as_of": "2006-01-01"}, "as_of", ""),
        ({"date_of_birth": "2007-05-01", "colour": "blue"}, "colour", ""),
        ({"date_of_birth": "2007-05-01", "special_guardianship_order": "yes"},
         "special_guardianship_order", ""),
        ({"date_of_birth": "2007-05-01", "care_periods": "lots"}, "care_periods", ""),
        ({"date_of_birth": "2007-05-01", "as_of": "2026-11-23",
          "care_periods": [{"start": "2022-01-10", "end": "2022-01-01"}]},
         "care_periods[0].end", ""),
        ({"date_of_birth": "2007-05-01", "as_of": "2026-11-23",
          "care_periods": [{"start": "2022-01-01", "end": "2022-06-01"},
                           {"start": "2022-05-01", "end": "2022-08-01"}]},
         "care_periods[1]", ""),
        ({"date_of_birth": "2007-05-01", "as_of": "2026-11-23",
          "care_periods": [{"start": "2022-01-01", "end": "2022-02-01", "short_break": True}]},
         "care_periods[0]", ""),
        ({"date_of_birth": "2007-05-01",
          "care_periods": [{"start": "2022-01-01", "end": None, "colour": 1}]},
         "care_periods[0].colour", ""),
    ],
)  # fmt: skip
def test_bad_input_gets_400_naming_the_field(client, body: dict, field: str, words: str) -> None:
    """Each problem is named against its field; nothing is guessed (docs/architecture.md)."""
    response = post(client, body)
    assert response.status_code == 400
    errors = response.get_json()["errors"]
    assert any(key == field or key.startswith(field + ".") for key in errors), errors
    assert all(isinstance(message, str) and message for message in errors.values())


def test_every_problem_is_named_at_once(client) -> None:
    """Two bad fields give two messages, not just the first."""
    response = post(client, {"date_of_birth": "nope", "as_of": "also nope"})
    assert set(response.get_json()["errors"]) >= {"date_of_birth", "as_of"}


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ('{"date_of_birth": "2007-05-01", "date_of_birth": "2009-05-01"}', "date_of_birth"),
        ('{"date_of_birth": "2007-05-01", "in_education_or_training": true, '
         '"in_education_or_training": false}', "in_education_or_training"),
        ('{"date_of_birth": "2007-05-01", "care_periods": [{"start": "2021-06-01", '
         '"end": null, "end": "2025-04-30"}]}', "care_periods[0].end"),
    ],
)  # fmt: skip
def test_a_field_given_twice_is_refused_by_name(client, raw: str, field: str) -> None:
    """A repeated name is never silently last-wins: a 400 names the field at its path."""
    response = client.post(URL, data=raw, content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["errors"] == {
        field: f"Send {field.rsplit('.', 1)[-1]} only once: the body gives it more than once"
    }


@pytest.mark.parametrize(
    ("data", "content_type", "status", "field"),
    [
        ("date_of_birth=2007-05-01", "application/x-www-form-urlencoded", 415, "content_type"),
        ('{"date_of_birth": "2007-05-01"}', "text/plain", 415, "content_type"),
        ("{not json", "application/json", 400, "body"),
        ('{"date_of_birth": NaN}', "application/json", 400, "body"),
        (b"\xff\xfe", "application/json", 400, "body"),
        ("[" * 100_000 + "]" * 100_000, "application/json", 413, "body"),
        ("[" * 5000 + "]" * 5000, "application/json", 400, "body"),
        ('["a list"]', "application/json", 400, "body"),
        ("null", "application/json", 400, "body"),
    ],
)  # fmt: skip
def test_bodies_that_are_not_a_json_object_are_refused(
    client, data: str | bytes, content_type: str, status: int, field: str
) -> None:
    """Only a bounded JSON object is read; anything else gets a specific JSON error."""
    response = client.post(URL, data=data, content_type=content_type)
    assert response.status_code == status
    assert field in response.get_json()["errors"]


def test_api_needs_no_csrf_token_even_when_forms_do(app) -> None:
    """The JSON endpoint is exempt from CSRF (a form cannot send application/json)."""
    app.config["WTF_CSRF_ENABLED"] = True
    response = post(app.test_client(), WORKED_EXAMPLE)
    assert response.status_code == 200


def test_wrong_method_and_unknown_api_urls_answer_in_json(client) -> None:
    """API clients never get an HTML page."""
    assert client.get(URL).status_code == 405
    assert "errors" in client.get(URL).get_json()
    assert "errors" in client.get("/api/v1/nothing-here").get_json()


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=30), inner, max_size=5)
    ),
    max_leaves=20,
)
FIELDS = st.sampled_from([*WORKED_EXAMPLE, "start", "end", "short_break"])
BODIES = st.one_of(
    JSON,
    st.dictionaries(FIELDS, JSON, max_size=8),
    st.fixed_dictionaries({"date_of_birth": st.dates().map(str)}, optional={
        "as_of": st.dates().map(str),
        "care_periods": st.lists(st.fixed_dictionaries(
            {"start": st.dates().map(str)},
            optional={"end": st.none() | st.dates().map(str), "short_break": st.booleans()},
        ), max_size=4),
    }),
)  # fmt: skip


@pytest.mark.fuzz
@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=BODIES)
def test_api_never_fails_with_500_for_any_json(client, body: Any) -> None:
    """Whatever JSON arrives, the answer is a result or a list of specific errors."""
    response = post(client, body)
    assert response.status_code in (200, 400), response.data
    data = response.get_json()
    if response.status_code == 400:
        assert data["errors"] and all(isinstance(m, str) and m for m in data["errors"].values())
    else:
        assert data["status"] in {"looked_after", "eligible", "relevant", "former_relevant",
                                  "qualifying", "none"}  # fmt: skip
