"""The JSON API under hostile bodies: any bytes, encoding, content type, size or field."""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask import Flask
from gunicorn.http.errors import ChunkMissingTerminator, InvalidChunkSize
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from localoffer.content import Offer

from .conftest import FUZZ_EXAMPLES, security_app
from .fuzzing import ANY_CHAR, VALUES, BrokenBody

pytestmark = pytest.mark.fuzz

FIELDS = [
    "date_of_birth", "as_of", "care_periods", "start", "end", "short_break",
    "detained_or_in_hospital_on_16th_birthday", "special_guardianship_order",
    "lived_with_parent_6_months", "in_education_or_training", "in_higher_education",
]  # fmt: skip
SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | VALUES
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(FIELDS) | st.text(ANY_CHAR, max_size=8), inner, max_size=5),
    max_leaves=25,
)
OBJECTS = st.dictionaries(st.sampled_from(FIELDS) | st.text(ANY_CHAR, max_size=8), JSON_VALUES,
                          max_size=9)  # fmt: skip
ENCODINGS = ["utf-8", "utf-16", "utf-16-le", "utf-32", "latin-1", "utf-8-sig"]
CONTENT_TYPES = ["application/json", "application/json; charset=utf-16", "text/json",
                 "application/x-www-form-urlencoded", "text/plain", "application/json-patch+json",
                 ""]  # fmt: skip


def encoded(value: Any, encoding: str, duplicate: bool) -> bytes:
    text = json.dumps(value, ensure_ascii=False, allow_nan=True)
    if duplicate and isinstance(value, dict) and value:
        # JSON with a repeated key: the last one wins, never a crash.
        key = json.dumps(next(iter(value)), ensure_ascii=False)
        text = "{" + f"{key}: null, " + text[1:]
    return text.encode(encoding, errors="replace")


BODIES = st.one_of(
    st.builds(encoded, OBJECTS | JSON_VALUES, st.sampled_from(ENCODINGS), st.booleans()),
    st.binary(max_size=600),
    st.sampled_from([b"[" * 5000, b'{"a":' * 3000, b"x" * 20_000, b'{"date_of_birth": NaN}']),
)


@pytest.fixture(scope="module")
def app(shipped_offer: Offer, tmp_path_factory: pytest.TempPathFactory) -> Flask:
    return security_app(shipped_offer, tmp_path_factory.mktemp("api") / "api.sqlite3")


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(body=BODIES, content_type=st.sampled_from(CONTENT_TYPES))
def test_the_api_answers_any_body_with_a_result_or_named_errors(
    app: Flask, body: bytes, content_type: str
) -> None:
    """Never a 500 or an HTML page: a result, or JSON errors each saying what is wrong."""
    FUZZ_EXAMPLES["JSON API raw bodies"] += 1
    response = app.test_client().post("/api/v1/eligibility", data=body,
                                      content_type=content_type)  # fmt: skip
    assert response.status_code in (200, 400, 413, 415), response.status_code
    assert response.is_json
    data = response.get_json()
    if response.status_code == 200:
        assert data["status"]
    else:
        assert data["errors"] and all(isinstance(m, str) and m for m in data["errors"].values())


@pytest.mark.parametrize("error", [ChunkMissingTerminator(b"{\"d"), InvalidChunkSize(b"zz"),
                                   OSError("Invalid chunk header")], ids=repr)  # fmt: skip
def test_a_body_that_breaks_while_being_read_is_a_json_400(
    app: Flask, error: Exception, caplog: pytest.LogCaptureFixture
) -> None:
    """A malformed chunked body was a 500; now a JSON 400 (Werkzeug's own read error says the
    client went away), and nothing logged."""
    broken = {"wsgi.input": BrokenBody(error), "wsgi.input_terminated": True}
    response = app.test_client().post(
        "/api/v1/eligibility", content_type="application/json",
        headers={"Transfer-Encoding": "chunked"}, environ_overrides=broken,
    )  # fmt: skip
    assert response.status_code == 400
    assert list(response.get_json()["errors"]) in (["body"], ["request"])
    assert caplog.records == []
