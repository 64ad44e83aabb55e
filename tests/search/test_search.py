"""`/search`: known questions find the right entitlement first, in English and Arabic."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from markupsafe import Markup

from localoffer.content import Entitlement, Offer, Translation
from localoffer.rules.vocabulary import Criteria
from localoffer.search.index import SearchIndex
from localoffer.search.routes import MAX_QUERY_LENGTH


def result_ids(soup: BeautifulSoup) -> list[str]:
    links = soup.select(".app-search-result h2 a")
    return [link["href"].rstrip("/").rsplit("/", 1)[-1] for link in links]


@pytest.mark.parametrize(
    ("query", "expected_first"),
    [
        ("bursary", {"higher-education-bursary", "sixteen-to-nineteen-bursary"}),
        ("bursaries", {"higher-education-bursary", "sixteen-to-nineteen-bursary"}),
        ("staying put", {"staying-put"}),
        ("Staying-Put", {"staying-put"}),
        ("STAYING PUT", {"staying-put"}),
        ("stayíng put", {"staying-put"}),
        ("advisers", {"personal-adviser"}),
        ("personal adviser", {"personal-adviser"}),
        ("pathway plan", {"pathway-plan"}),
        ("council tax", {"council-tax-exemption", "council-tax"}),
    ],
)
def test_known_english_queries_find_the_expected_entitlement_first(
    page: Callable, query: str, expected_first: set[str]
) -> None:
    """Whatever the case, accents, hyphens or plurals, the obvious answer comes first."""
    soup = page(f"/search?q={query}")
    ids = result_ids(soup)
    assert ids, f"no results for {query!r}"
    assert ids[0] in expected_first, ids[:3]


def test_title_matches_rank_above_body_matches(app: Flask) -> None:
    """An entitlement named by the query outranks ones that only mention it."""
    index: SearchIndex = app.extensions["localoffer.search"]["en"]
    hits = index.search("bursary")
    named = [h for h in hits if "bursary" in h.document.title.lower()]
    others = [h for h in hits if "bursary" not in h.document.title.lower()]
    assert named and others
    assert hits[: len(named)] == named


def test_a_word_start_finds_the_whole_word(app: Flask) -> None:
    """Typing the start of a long word (three letters or more) still finds it."""
    index: SearchIndex = app.extensions["localoffer.search"]["en"]
    assert "shared-accommodation-rate" in [h.entitlement.id for h in index.search("accommodat")]


def test_results_show_title_kind_summary_and_link(app: Flask, page: Callable) -> None:
    """Each result is a link to the entitlement with its kind tag and its summary."""
    item = app.extensions["localoffer.offer"].get("staying-put")
    result = page("/search?q=staying+put").select_one(".app-search-result")
    link = result.select_one("h2 a")
    assert link.get_text(strip=True) == item.title
    assert link["href"] == item.url
    assert result.select_one("strong.govuk-tag").get_text(strip=True) == "The law says"
    assert item.summary in result.get_text(" ", strip=True)


def test_arabic_query_finds_staying_put_in_the_arabic_offer(page: Callable) -> None:
    """A real Arabic query, typed with or without vowel marks, finds the Arabic page first."""
    for query in ("البقاء مع عائلتك الحاضنة", "البَقاء مَع عائلتِك الحاضِنه"):
        soup = page(f"/ar/search?q={query}")
        first = soup.select_one(".app-search-result h2 a")
        assert first is not None, query
        assert first["href"] == "/ar/relationships/staying-put/"
        assert "البقاء" in first.get_text()
        assert soup.html["lang"] == "ar" and soup.html["dir"] == "rtl"


def test_arabic_word_for_bursary_finds_a_bursary(app: Flask) -> None:
    """The Arabic index holds the Arabic words: منحة (grant, bursary) finds a bursary."""
    hits = app.extensions["localoffer.search"]["ar"].search("منحه")
    assert hits and hits[0].entitlement.id.endswith("bursary")


def test_untranslated_entitlements_are_searched_in_english(app: Flask) -> None:
    """Where an entitlement has no Arabic yet, its English words are searched and marked.

    The shipped offer is all translated, so one entitlement loses its translations here."""
    shipped: Offer = app.extensions["localoffer.offer"]
    untranslated = replace(shipped.get("staying-put"), translations={})
    items = tuple(untranslated if e.id == untranslated.id else e for e in shipped.entitlements)
    offer = replace(shipped, entitlements=items)
    hits = SearchIndex.for_language(offer, "ar").search(untranslated.title)
    assert hits[0].entitlement.id == untranslated.id
    assert hits[0].document.lang == "en"


def synthetic(item: Entitlement, title: str, summary: str, body: str, lang: str) -> Entitlement:
    """A copy of `item` carrying one made-up translation."""
    translation = Translation(lang, title, summary, Markup(f"<p>{body}</p>"), "0" * 12, True, False)
    return replace(item, translations={lang: translation})


def arabic_index(*pages: tuple[str, str, str, str]) -> SearchIndex:
    """An Arabic index over made-up pages, each (id, title, summary, body)."""
    base = Entitlement(
        id="made-up", title="Help", theme="housing", kind="council",
        summary="Help.", criteria=Criteria(frozenset({"former_relevant"}), 18, 25),
        body_html=Markup("<p>Help.</p>"), body_text="Help.", markdown="Help.", path="x.md",
        source_hash="0" * 12, last_reviewed=date(2026, 1, 1), review_due=date(2027, 1, 1),
        sources=("Council",),
    )  # fmt: skip
    items = tuple(synthetic(replace(base, id=id_), *words, "ar") for id_, *words in pages)
    offer = Offer(council=None, entitlements=items, glossary=())  # type: ignore[arg-type]
    return SearchIndex.for_language(offer, "ar")


def test_persian_spelling_finds_arabic_spelling_in_a_built_index() -> None:
    """Keheh and Farsi yeh in a query meet kaf and Arabic yeh in the text, and vice versa."""
    index = arabic_index(("other", "شيء آخر", "لا.", "لا."),
                         ("help-at-home", "مساعدة في السكن", "كي تبقى في بيتك.", "مُساعَدة."))
    for query in ("کی", "مساعده", "مُساعَدة", "مـسـاعـدة"):
        hits = index.search(query)
        assert [h.entitlement.id for h in hits][:1] == ["help-at-home"], query


def test_arabic_words_match_with_or_without_the_article() -> None:
    """"مساعدة" finds "المساعدة" and the reverse; a word typed with what looks like an article
    ranks the page that has exactly that word first ("والدين" is "parents", not "and the debt").
    """
    index = arabic_index(("debt", "الدين", "مساعدة.", "نص."),
                         ("parents", "التواصل مع والدين", "المساعدة للطلاب.", "نص."))
    assert {h.entitlement.id for h in index.search("مساعدة")} == {"parents", "debt"}
    assert {h.entitlement.id for h in index.search("المساعدة")} == {"parents", "debt"}
    assert [h.entitlement.id for h in index.search("طلاب")] == ["parents"]
    assert index.search("والدين")[0].entitlement.id == "parents"
    assert index.search("الدين")[0].entitlement.id == "debt"


def test_an_arabic_word_without_the_article_finds_the_shipped_pages(app: Flask) -> None:
    """"طلاب" (students) finds what "الطلاب" (the students) finds in the Arabic offer."""
    index = app.extensions["localoffer.search"]["ar"]
    with_article = {h.entitlement.id for h in index.search("الطلاب")}
    assert with_article and with_article <= {h.entitlement.id for h in index.search("طلاب")}


def test_empty_query_suggests_themes_and_the_checker(page: Callable) -> None:
    """No words typed: a search box, every theme and the checker, never an error."""
    for url in ("/search", "/search?q=", "/search?q=+++"):
        soup = page(url)
        assert soup.h1.get_text(strip=True) == "Search"
        assert soup.select_one("form[role=search] input[name=q]") is not None
        assert soup.select_one('a[href="/check/"]') is not None
        assert len(soup.select('a[href^="/themes/"]')) == 6
        assert not soup.select(".app-search-result")


def test_very_long_query_gets_a_clear_message_not_an_error(page: Callable) -> None:
    """Over the limit: an error summary saying what to do, the box kept, and suggestions."""
    query = "housing " * (MAX_QUERY_LENGTH // 8 + 1)
    soup = page(f"/search?q={query}")
    summary = soup.select_one(".govuk-error-summary")
    assert summary is not None
    assert f"Enter {MAX_QUERY_LENGTH} characters or fewer" in summary.get_text()
    assert summary.select_one("a")["href"] == "#q"
    assert soup.title.get_text().startswith("Error:")
    assert soup.select_one('a[href="/check/"]') is not None


def test_no_results_says_what_to_try(page: Callable) -> None:
    """A query that matches nothing gets tips, the themes and the checker."""
    soup = page("/search?q=zzyzx")
    text = soup.get_text(" ", strip=True)
    assert "0 results" in text and "check the spelling" in text
    assert soup.select_one('a[href="/check/"]') is not None


@pytest.mark.parametrize(
    "query",
    ["<script>alert(1)</script>", "' OR 1=1 --", "%", '"', "NEAR(staying put)", "*",
     "staying*", "\"staying", "title:staying", "a\x00b", "%00", "{{ 7*7 }}"],
)  # fmt: skip
def test_markup_sql_and_operator_characters_are_harmless(client: FlaskClient, query: str) -> None:
    """Every such query gets a 200 page with the text escaped, never run or reflected raw."""
    response = client.get("/search", query_string={"q": query})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    assert "49" not in BeautifulSoup(html, "html.parser").select_one("main").get_text()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("input#q")["value"] == query.strip()


def test_every_page_has_a_search_box_in_the_header(page: Callable) -> None:
    """A GET form with a labelled box and a button, in the reader's language's URL."""
    for url, action in (("/", "/search"), ("/glossary/", "/search"), ("/ar/", "/ar/search")):
        form = page(url).select_one("header form[role=search]")
        assert form is not None, url
        assert form["action"] == action and form["method"] == "get"
        box = form.select_one("input[name=q]")
        label = form.select_one(f"label[for={box['id']}]")
        assert label is not None and label.get_text(strip=True)
        assert form.select_one("button[type=submit]") is not None


def test_search_stays_the_same_search_in_another_language(app: Flask) -> None:
    """The page of languages, opened from a results page, keeps the query."""
    response = app.test_client().get(
        "/languages/", headers={"Referer": "http://localhost/search?q=bursary"}
    )
    soup = BeautifulSoup(response.data, "html.parser")
    link = soup.select_one('main a[hreflang="ar"]')
    assert link is not None and link["href"] == "/ar/search?q=bursary"
