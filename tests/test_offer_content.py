"""The shipped offer is complete, sourced, current, readable, and its figures are its data's."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
import textstat
from bs4 import BeautifulSoup
from flask import Flask

from localoffer.clock import today
from localoffer.config import content_dirs
from localoffer.content import THEMES, Entitlement, Offer, load_offer
from localoffer.content.loader import money_figures

STABLE_IDS = [
    "personal-adviser", "pathway-plan", "staying-put", "higher-education-bursary",
    "vacation-accommodation", "advocacy", "access-to-records", "suitable-accommodation",
    "education-training-support", "priority-need-housing",
]  # fmt: skip
SUMMARY_GRADE_LIMIT = 8
BODY_GRADE_LIMIT = 9
# The date the shipped content was last reviewed as a whole; reviews must be due after it.
CONTENT_REVIEWED_ON = date(2026, 11, 23)

OFFER: Offer = load_offer(*content_dirs({}))
ENTITLEMENTS = OFFER.entitlements


def ids(item: Entitlement) -> str:
    return item.id


def test_offer_has_at_least_45_entitlements_and_5_per_theme() -> None:
    """The offer is complete enough to be useful in every theme (DfE local offer guidance)."""
    per_theme = Counter(item.theme for item in ENTITLEMENTS)
    assert len(ENTITLEMENTS) >= 45
    assert {theme: per_theme[theme] for theme in THEMES if per_theme[theme] < 5} == {}


def test_statutory_and_council_offers_are_kept_apart() -> None:
    """The law and the council's own extras live in their own folders, as the guidance asks."""
    for item in ENTITLEMENTS:
        folder = item.path.split("/")[0]
        assert (folder == "council") == (item.kind == "council"), item.path


@pytest.mark.parametrize("entitlement_id", STABLE_IDS)
def test_stable_ids_exist(entitlement_id: str) -> None:
    """The ids the checker and other services rely on are all present."""
    assert OFFER.get(entitlement_id) is not None


@pytest.mark.parametrize("item", [e for e in ENTITLEMENTS if e.kind != "council"], ids=ids)
def test_law_and_national_schemes_cite_their_basis_and_sources(item: Entitlement) -> None:
    """Every statutory entitlement and national scheme says where it comes from."""
    assert item.legal_basis and item.legal_basis.strip()
    assert item.sources


@pytest.mark.parametrize("item", ENTITLEMENTS, ids=ids)
def test_no_review_is_overdue(item: Entitlement) -> None:
    """Nothing shipped is past its review date."""
    assert item.review_due > CONTENT_REVIEWED_ON


@pytest.mark.parametrize("item", ENTITLEMENTS, ids=ids)
def test_summary_reads_at_grade_8_or_below(item: Entitlement) -> None:
    """Summaries are for a 16-year-old on a phone (Flesch-Kincaid grade 8 or below)."""
    assert textstat.flesch_kincaid_grade(item.summary) <= SUMMARY_GRADE_LIMIT


@pytest.mark.parametrize("item", ENTITLEMENTS, ids=ids)
def test_body_reads_at_grade_9_or_below(item: Entitlement) -> None:
    """Bodies are plain English (Flesch-Kincaid grade 9 or below)."""
    assert textstat.flesch_kincaid_grade(item.body_text) <= BODY_GRADE_LIMIT


@pytest.mark.parametrize("item", ENTITLEMENTS, ids=ids)
def test_every_amount_on_the_page_is_one_of_its_dated_amounts(client, item: Entitlement) -> None:
    """No figure appears on a page that the entitlement's data does not carry."""
    soup = BeautifulSoup(client.get(item.url).data, "html.parser")
    figures = set(money_figures(soup.select_one("main").get_text(" ")))
    assert figures <= {amount.gbp for amount in item.amounts}
    in_force = item.amount_on(today())
    assert (soup.select_one(".app-amount") is not None) == (in_force is not None)


def test_amount_is_shown_with_its_period_and_limit(app: Flask, client) -> None:
    """An amount with a limit reads like 'up to £1,200 a year'."""
    item = OFFER.get("sixteen-to-nineteen-bursary")
    assert item is not None and item.amount_on(today()) is not None
    soup = BeautifulSoup(client.get(item.url).data, "html.parser")
    assert soup.select_one(".app-amount").get_text(strip=True) == "up to £1,200 a year"


def test_page_shows_the_amount_in_force_on_the_day(app: Flask, client) -> None:
    """The apprenticeship bursary reads £1,000 before 1 August 2023 and £3,000 from then."""
    url = "/education-employment-training/apprenticeship-bursary/"
    app.config["TODAY"] = date(2023, 7, 31)
    before = BeautifulSoup(client.get(url).data, "html.parser").select_one(".app-amount")
    app.config["TODAY"] = date(2023, 8, 1)
    after = BeautifulSoup(client.get(url).data, "html.parser").select_one(".app-amount")
    assert before.get_text(strip=True) == "£1,000"
    assert after.get_text(strip=True) == "£3,000"


def test_sources_link_to_where_a_reviewer_can_check_them(client) -> None:
    """Each source of the law is a link with the date it was checked."""
    soup = BeautifulSoup(client.get("/relationships/staying-put/").data, "html.parser")
    link = soup.select_one(".app-sources a[href$='/ukpga/1989/41/section/23CZA']")
    assert link is not None and link["href"].startswith("https://www.legislation.gov.uk/")
    words = " ".join(link.find_parent("li").get_text(" ").split())
    assert "(checked 6 December 2026 )" in words or "(checked 6 December 2026)" in words


@pytest.mark.parametrize("item", [e for e in ENTITLEMENTS if e.kind != "council"], ids=ids)
def test_every_source_of_the_law_has_a_link_and_a_checked_date(item: Entitlement) -> None:
    """A reviewer can open every national and statutory source and see when it was checked."""
    for source in item.sources:
        assert source.url and source.url.startswith("https://"), source
        assert source.checked <= item.last_reviewed, source


@pytest.mark.parametrize("item", [e for e in ENTITLEMENTS if e.kind == "council"], ids=ids)
def test_council_pages_start_by_saying_who_they_are_for(item: Entitlement) -> None:
    """Each council page opens with one plain line, "This is for you if ..."."""
    assert item.body_text.startswith("This is for you if ")
    assert "care leaver of Northwold Council" not in item.body_text


def test_glossary_explains_the_words_care_leavers_meet() -> None:
    """The glossary has the legal categories and the everyday jargon."""
    needed = {"eligible", "relevant", "former-relevant", "qualifying", "pathway-plan",
              "personal-adviser", "staying-put", "staying-close", "advocacy"}  # fmt: skip
    assert needed <= OFFER.glossary_ids


# What each optional question narrows in the shipped offer, and why (docs/architecture.md,
# JSON API). Every other entitlement names none of them, so no answer can hide it.
PERSONAL_CONDITIONS = {
    # A council offer and a national scheme for parents and parents-to-be.
    "young-parents-support": "parent_or_expecting",
    "care-to-learn": "parent_or_expecting",
    # Legal advice about the right to stay, for those who came to the UK alone.
    "immigration-advice": "came_to_uk_alone",
    # EHC plans to 25 and transition assessments (Children and Families Act 2014; Care Act 2014).
    "disabled-care-leavers": "disabled_or_special_educational_needs",
    # The responsible council's duties wherever the young person lives (s.23A to s.24).
    "living-in-another-area": "lives_outside_council_area",
    # The council's own council tax exemption covers homes in its area only (LGFA 1992 s.13A).
    "council-tax-exemption": "lives_in_council_area",
    # Visits and release planning (s.23ZA; Visits to Former Looked After Children in Detention).
    "in-or-leaving-custody": "in_custody",
}


def test_the_optional_questions_narrow_only_the_entitlements_about_them() -> None:
    asked = set(PERSONAL_CONDITIONS.values())
    named = {
        item.id: condition
        for item in ENTITLEMENTS
        for condition in item.criteria.conditions
        if condition in asked
    }
    assert named == PERSONAL_CONDITIONS
