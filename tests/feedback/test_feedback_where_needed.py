"""Feedback where it is needed (issue 19, point 9): "Suggest a change" near the top of every
entitlement and theme page, published answers on the entitlement they are about, the thanks
page saying when we reply, the demo's example answers, and help now on the contacts page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from flask import Flask, render_template_string

from localoffer.content import THEMES, load_offer
from localoffer.content.problems import ContentError
from localoffer.feedback.published import MAX_ON_A_PAGE

from .conftest import add_moderator, sign_in

SUGGEST = "a[href^='/suggest/'], a[href$='/feedback/']"


def first_h2_after(link: BeautifulSoup) -> bool:
    """True when no h2 of the page's main column comes before the link: it is near the top."""
    return link.find_previous("h2") is None


def test_every_entitlement_page_offers_suggest_a_change_before_its_first_section(
    feedback_app: Flask, soup: Callable
) -> None:
    client = feedback_app.test_client()
    for item in feedback_app.extensions["localoffer.offer"].entitlements:
        page = soup(client.get(item.url))
        link = page.select_one(".app-suggest-change a")
        assert link is not None, item.id
        assert link["href"] == f"/suggest/{item.id}/"
        assert link.get_text(strip=True) == "Suggest a change to this page"
        assert first_h2_after(link), item.id


@pytest.mark.parametrize("prefix", ["", "/ar"])
@pytest.mark.parametrize("theme", THEMES)
def test_every_theme_page_offers_suggest_a_change_near_the_top(
    feedback_app: Flask, soup: Callable, theme: str, prefix: str
) -> None:
    page = soup(feedback_app.test_client().get(f"{prefix}/themes/{theme}/"))
    link = page.select_one(".app-suggest-change a")
    assert link is not None and link["href"] == f"{prefix}/feedback/"
    assert first_h2_after(link)


def test_the_macro_for_the_result_page_links_to_feedback_or_to_one_entitlement(
    feedback_app: Flask,
) -> None:
    """The result page places the same macro; with an entitlement it suggests a change to it."""
    item = feedback_app.extensions["localoffer.offer"].get("staying-put")
    source = ('{% from "feedback/_suggest.html" import suggest_change with context %}'
              "{{ suggest_change(item) }}")  # fmt: skip
    with feedback_app.test_request_context("/ar/check/result/"):
        from flask import g

        g.lang = "ar"
        general = BeautifulSoup(render_template_string(source, item=None), "html.parser")
        one = BeautifulSoup(render_template_string(source, item=item), "html.parser")
    assert general.select_one("a")["href"] == "/ar/feedback/"
    assert one.select_one("a")["href"] == "/ar/suggest/staying-put/"


def publish_answer(app: Flask, soup: Callable, item: str, said: str, did: str) -> None:
    """A young person suggests a change to `item`; a moderator answers it in public."""
    app.test_client().post(f"/suggest/{item}/", data={"change": said})
    add_moderator(app)
    moderator = app.test_client()
    sign_in(moderator)
    response = moderator.post("/moderation/items/1/", data={
        "status": "done", "public_message": said, "public_response": did})  # fmt: skip
    assert response.status_code == 302


def test_a_published_answer_shows_on_its_entitlement_even_when_the_page_was_cached(
    feedback_app: Flask, soup: Callable
) -> None:
    feedback_app.config["CONTENT_POLL_SECONDS"] = 0
    reader = feedback_app.test_client()
    before = soup(reader.get("/housing/guarantor-scheme/"))  # now kept in the page cache
    assert "We now explain who can be a guarantor." not in before.get_text()
    said, did = "Say what a guarantor is.", "We now explain who can be a guarantor."
    publish_answer(feedback_app, soup, "guarantor-scheme", said, did)
    after = soup(reader.get("/housing/guarantor-scheme/"))
    section = after.select_one(".app-you-said-here")
    assert section is not None
    text = section.get_text(" ", strip=True)
    assert "Say what a guarantor is." in text and "We now explain who can be a guarantor." in text
    assert "Example" not in text
    # On the entitlement it is about, and on no other.
    other = soup(reader.get("/housing/tenancy-support/"))
    assert "We now explain who can be a guarantor." not in other.get_text()


def test_an_answer_not_yet_published_is_not_shown(feedback_app: Flask, soup: Callable) -> None:
    feedback_app.config["CONTENT_POLL_SECONDS"] = 0
    feedback_app.test_client().post("/suggest/guarantor-scheme/",
                                    data={"change": "Not answered yet"})  # fmt: skip
    page = soup(feedback_app.test_client().get("/housing/guarantor-scheme/"))
    assert "Not answered yet" not in page.get_text()
    assert page.select_one(".app-you-said-here") is None


def test_the_demo_ships_example_answers_labelled_as_examples(
    feedback_app: Flask, soup: Callable
) -> None:
    offer = feedback_app.extensions["localoffer.offer"]
    assert offer.council.demo and len(offer.example_answers) >= 3
    client = feedback_app.test_client()
    listing = soup(client.get("/you-said-we-did/"))
    examples = listing.select(".app-example")
    assert len(examples) == len(offer.example_answers)
    for block in examples:
        assert block.select_one(".govuk-tag").get_text(strip=True) == "Example"
    page = soup(client.get("/finances/free-bus-pass/"))
    shown = page.select(".app-you-said-here .app-you-said")
    assert 1 <= len(shown) <= MAX_ON_A_PAGE
    assert shown[0].select_one(".govuk-tag").get_text(strip=True) == "Example"
    assert "train" in shown[0].get_text()


def test_real_answers_replace_the_examples(feedback_app: Flask, soup: Callable) -> None:
    """Once the council has answered feedback, made-up answers are not shown beside it."""
    feedback_app.config["CONTENT_POLL_SECONDS"] = 0
    publish_answer(feedback_app, soup, "free-bus-pass", "Add trams.", "Trams are included now.")
    client = feedback_app.test_client()
    page = soup(client.get("/finances/free-bus-pass/"))
    shown = page.select(".app-you-said-here .app-you-said")
    assert len(shown) == 1 and "Trams are included now." in shown[0].get_text()
    assert not page.select(".app-you-said-here .govuk-tag")
    assert not soup(client.get("/you-said-we-did/")).select(".app-example")


def test_a_real_council_may_not_ship_example_answers(tmp_path: Path) -> None:
    """Made-up answers from a council that is not a demonstration would read as promises."""
    root = Path(__file__).resolve().parents[2] / "content"
    council = tmp_path / "council"
    council.mkdir()
    for path in (root / "council").rglob("*"):
        target = council / path.relative_to(root / "council")
        if path.is_dir():
            target.mkdir(exist_ok=True)
        else:
            target.write_bytes(path.read_bytes())
    yaml_path = council / "council.yaml"
    yaml_path.write_text(yaml_path.read_text().replace("demo: true", "demo: false"))
    with pytest.raises(ContentError) as error:
        load_offer(root, council)
    assert [(p.path, p.field) for p in error.value.problems] == [
        ("council/you-said-we-did.yaml", "file")
    ]


@pytest.mark.parametrize(
    ("text", "field", "message"),
    [
        ("- {entitlement: nowhere, answered: 2026-11-20, said: A, did: B}\n",
         "entitlement", "is not an entitlement id"),
        ("- {entitlement: free-bus-pass, answered: soon, said: A, did: B}\n",
         "answered", "is not a date"),
        ("- {entitlement: free-bus-pass, answered: 2026-11-20, did: B}\n", "said", "missing"),
        ("- {entitlement: free-bus-pass, answered: 2026-11-20, said: A, did: B, by: me}\n",
         "by", "unknown field"),
        ("just words\n", "yaml", "must be a list of answers"),
    ],
)
def test_a_wrong_example_answer_is_named_with_its_field(
    tmp_path: Path, text: str, field: str, message: str
) -> None:
    from localoffer.content.examples import load_examples
    from localoffer.content.problems import Problem

    (tmp_path / "you-said-we-did.yaml").write_text(text, encoding="utf-8")
    problems: list[Problem] = []
    assert load_examples(tmp_path, True, {"free-bus-pass"}, problems) == ()
    assert problems and problems[0].field == field and message in problems[0].message


@pytest.mark.parametrize(("reply", "says_when"), [("1", True), ("", False)])
def test_the_thanks_page_says_when_we_reply_to_someone_who_asked(
    feedback_app: Flask, soup: Callable, reply: str, says_when: bool
) -> None:
    page = soup(feedback_app.test_client().get(f"/feedback/thanks/suggestion/?reply={reply}"))
    shown = page.select_one(".app-reply-time")
    assert (shown is not None) == says_when
    if shown is not None:
        assert shown.get_text(strip=True) == "We will reply within 10 working days."


@pytest.mark.parametrize("prefix", ["", "/ar", "/ti"])
def test_the_contacts_page_gives_crisis_numbers_and_offers_an_interpreter(
    feedback_app: Flask, soup: Callable, prefix: str
) -> None:
    page = soup(feedback_app.test_client().get(f"{prefix}/contacts/"))
    crisis = page.select_one(".app-crisis")
    numbers = {a["href"] for a in crisis.select("a[href^='tel:']")}
    assert numbers == {"tel:999", "tel:111", "tel:116123"}
    assert "116 123" in crisis.get_text()
    help_link = crisis.select_one("a[href$='/relationships/other-places-for-help/']")
    assert help_link is not None  # the page whose sources give these numbers
    assert page.select_one(".app-interpreter").get_text(strip=True)
    # Before the council's own contacts: the first thing someone in crisis reads.
    assert crisis.find_previous("h2") is None
