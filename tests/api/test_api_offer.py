"""`GET /api/v1/offer` and `/api/v1/offer/<id>`: the whole offer as JSON (docs/architecture.md)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from localoffer import create_app

FIXTURE_CONTENT = Path(__file__).parents[1] / "fixtures" / "content"

CONTRACT_FIELDS = {
    "id", "title", "summary", "theme", "kind", "who", "ages", "amount", "legal_basis", "url",
    "last_reviewed", "review_due",
}  # fmt: skip


def test_offer_lists_every_entitlement_with_the_contract_fields(
    app: Flask, client: FlaskClient
) -> None:
    """Every entitlement is there, in content order, with every field the contract names."""
    offer = app.extensions["localoffer.offer"]
    response = client.get("/api/v1/offer")
    assert response.status_code == 200
    body = response.get_json()
    assert body["lang"] == "en" and body["council"] == offer.council.name
    assert [e["id"] for e in body["entitlements"]] == [e.id for e in offer.entitlements]
    for item in body["entitlements"]:
        assert set(item) >= CONTRACT_FIELDS, item["id"]


def test_offer_entitlement_fields_hold_the_content_values(client: FlaskClient) -> None:
    """The higher education bursary: its ages, amount, law and dates as the content says."""
    item = client.get("/api/v1/offer/higher-education-bursary").get_json()
    assert item["title"] == "Higher education bursary"
    assert item["kind"] == "statutory" and item["theme"] == "education-employment-training"
    assert item["ages"] == {"from": 18, "to": 25}
    assert item["amount"] == {"gbp": 2000, "per": "once", "qualifier": "exactly"}
    assert "Children Act 1989" in item["legal_basis"]
    assert item["conditions"] == ["in_higher_education"]
    assert item["url"] == "/education-employment-training/higher-education-bursary/"
    assert item["language"] == "en" and item["translation"] is None
    assert item["sources"][0]["url"].startswith("https://www.legislation.gov.uk/")
    assert item["review_cadence"] == "august"


def test_offer_gives_the_amount_in_force_and_its_history(app: Flask, client: FlaskClient) -> None:
    """`amount` is the figure on the day; `amounts` every dated figure with its source."""
    app.config["TODAY"] = date(2023, 7, 31)
    before = client.get("/api/v1/offer/apprenticeship-bursary").get_json()
    app.config["TODAY"] = date(2023, 8, 1)
    after = client.get("/api/v1/offer/apprenticeship-bursary").get_json()
    assert before["amount"]["gbp"] == 1000 and after["amount"]["gbp"] == 3000
    assert [(a["gbp"], a["from"]) for a in after["amounts"]] == [
        (1000, "2018-08-01"),
        (3000, "2023-08-01"),
    ]
    assert after["amounts"][1]["source"] in {s["url"] for s in after["sources"]}


def test_offer_in_arabic_gives_arabic_words_and_arabic_page_links(
    app: Flask, client: FlaskClient
) -> None:
    """With lang=ar, translated entitlements come in Arabic; the others say they are English."""
    offer = app.extensions["localoffer.offer"]
    body = client.get("/api/v1/offer?lang=ar").get_json()
    by_id = {e["id"]: e for e in body["entitlements"]}
    staying_put = by_id["staying-put"]
    translation = offer.get("staying-put").translations["ar"]
    assert staying_put["title"] == translation.title
    assert staying_put["language"] == "ar"
    assert staying_put["translation"] == {
        "stale": translation.stale,
        "reviewed": translation.reviewed,
    }
    assert staying_put["url"] == "/ar/relationships/staying-put/"


def test_offer_in_arabic_gives_an_untranslated_entitlement_in_english_and_says_so(
    tmp_path: Path,
) -> None:
    """The shipped offer is all translated, so a council's own untranslated file stands in."""
    app = create_app({"TESTING": True, "CONTENT_DIR": str(FIXTURE_CONTENT),
                      "COUNCIL_DIR": str(FIXTURE_CONTENT / "council"),
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'test.sqlite3'}"})  # fmt: skip
    offer = app.extensions["localoffer.offer"]
    untranslated = next(e for e in offer.entitlements if "ar" not in e.translations)
    body = app.test_client().get("/api/v1/offer?lang=ar").get_json()
    by_id = {e["id"]: e for e in body["entitlements"]}
    assert by_id[untranslated.id]["language"] == "en"
    assert by_id[untranslated.id]["title"] == untranslated.title


@pytest.mark.parametrize("url", ["/api/v1/offer", "/api/v1/offer/staying-put"])
@pytest.mark.parametrize("lang", ["xx", "EN", "", "en-GB", "../", "ar;drop"])
def test_unknown_language_is_a_400_naming_lang(client: FlaskClient, url: str, lang: str) -> None:
    """A language the portal does not publish is refused, with the published ones listed."""
    response = client.get(url, query_string={"lang": lang})
    assert response.status_code == 400
    errors = response.get_json()["errors"]
    assert list(errors) == ["lang"]
    assert "en, ar" in errors["lang"]


@pytest.mark.parametrize("entitlement_id", ["no-such-thing", "STAYING-PUT", "staying-put.ar"])
def test_unknown_entitlement_is_a_json_404(client: FlaskClient, entitlement_id: str) -> None:
    """An id that is not in the offer gets a JSON 404 naming the id."""
    response = client.get(f"/api/v1/offer/{entitlement_id}")
    assert response.status_code == 404
    assert response.mimetype == "application/json"
    assert list(response.get_json()["errors"]) == ["id"]


def test_offer_may_be_cached_but_eligibility_may_not(client: FlaskClient) -> None:
    """The offer is public and the same for everyone, unlike a checker result."""
    assert "public" in client.get("/api/v1/offer").headers["Cache-Control"]
