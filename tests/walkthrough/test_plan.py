"""My plan: picked from the walkthrough, kept only in its link, printed in two languages.

The plan is made with GET forms answered by a redirect to a link that carries it, so a
reload loses nothing and the server keeps nothing (docs/adr/0005-answers-never-stored.md).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import segno
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import MetaData, create_engine, func, select

from localoffer.walkthrough.plan import MAX_ITEMS

ITEM = "setting-up-home-allowance"
SAVE = {
    "item": ITEM,
    f"amount-{ITEM}": "£3,000",
    f"action-{ITEM}": "Make a list of what the flat needs",
    f"who-{ITEM}": "Sam (personal adviser)",
    f"by-{ITEM}-day": "31",
    f"by-{ITEM}-month": "1",
    f"by-{ITEM}-year": "2027",
    "reads": "ar",
    "note": "Next meeting after the flat viewing.",
    "save": "yes",
}


def edit(web: FlaskClient, prefix: str = "", **changes: str | list[str] | None) -> object:
    args = {k: v for k, v in {**SAVE, **changes}.items() if v is not None}
    return web.get(f"{prefix}/walkthrough/plan/edit/?" + urlencode(args, doseq=True))


def errors_of(page) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The error summary: each link's target field and its message."""
    return {
        a["href"].lstrip("#"): a.get_text(strip=True)
        for a in page.select(".govuk-error-summary__list a")
    }


def test_ticking_on_the_walkthrough_opens_the_plan_form_with_those_items(
    web: FlaskClient, soup: Callable
) -> None:
    """The walkthrough's form sends the ticked ids; the plan form asks, for each, the
    amount (filled in from the offer where it has one), what to do, who and by when."""
    page = soup(web.get(f"/walkthrough/plan/edit/?item={ITEM}&item=personal-adviser"))
    legends = [lg.get_text(strip=True) for lg in page.select(".app-plan__fieldset > legend")]
    assert legends == ["Setting-up-home allowance", "A personal adviser"]
    assert page.select_one(f"#amount-{ITEM}")["value"] == "3000"
    assert page.select_one("#amount-personal-adviser").get("value", "") == ""
    for name in ("action", "who"):
        assert page.select_one(f"#{name}-{ITEM}") is not None
    assert page.select_one(f"#by-{ITEM}-day") is not None
    assert page.select_one("form")["method"] == "get"
    assert page.select(".govuk-error-summary") == []


def test_a_saved_plan_is_a_link_that_carries_it_and_reopens_it(
    web: FlaskClient, soup: Callable
) -> None:
    """Saving redirects to a link holding every field; opening it shows the plan; "Change
    the plan" fills the form with the same values, and saving that gives the same link."""
    saved = edit(web)
    assert saved.status_code == 303
    location = saved.headers["Location"]
    assert urlsplit(location).path == "/walkthrough/plan/"
    assert parse_qs(urlsplit(location).query) == {
        "item": [ITEM], f"amount-{ITEM}": ["3000"],
        f"action-{ITEM}": ["Make a list of what the flat needs"],
        f"who-{ITEM}": ["Sam (personal adviser)"], f"by-{ITEM}": ["2027-01-31"],
        "reads": ["ar"], "note": ["Next meeting after the flat viewing."],
    }  # fmt: skip
    page = soup(web.get(location))
    text = " ".join(page.select_one("main").get_text(" ").split())
    for shown in ("£3,000", "Make a list of what the flat needs", "Sam (personal adviser)",
                  "31 January 2027", "Next meeting after the flat viewing."):  # fmt: skip
        assert shown in text
    change = page.find("a", string="Change the plan")["href"]
    form = soup(web.get(change))
    assert form.select_one(f"#amount-{ITEM}")["value"] == "3000"
    assert form.select_one(f"#who-{ITEM}")["value"] == "Sam (personal adviser)"
    assert form.select_one(f"#action-{ITEM}").get_text() == "Make a list of what the flat needs"
    assert [form.select_one(f"#by-{ITEM}-{p}")["value"] for p in ("day", "month", "year")] == [
        "31", "01", "2027"
    ]  # fmt: skip
    assert form.select_one("#reads option[selected]")["value"] == "ar"
    again = {i["name"]: i.get("value", "") for i in form.select("input[name]")}
    again |= {t["name"]: t.get_text() for t in form.select("textarea[name]")}
    again |= {"reads": "ar", "save": "yes"}
    assert web.get("/walkthrough/plan/edit/?" + urlencode(again)).headers["Location"] == location


def test_the_plan_prints_english_beside_the_young_persons_language(
    app: Flask, web: FlaskClient, soup: Callable
) -> None:
    """Each item's title and each label in English and in Arabic, the date in both."""
    arabic = app.extensions["localoffer.offer"].get(ITEM).translations["ar"].title
    page = soup(web.get(edit(web).headers["Location"]))
    item = page.select_one(".app-plan__item")
    assert [t.get_text(strip=True) for t in item.select("caption .app-plan__title")] == [
        "Setting-up-home allowance", arabic
    ]  # fmt: skip
    english = [th.get_text(strip=True) for th in item.select('th[lang="en"]')]
    other = [th.get_text(strip=True) for th in item.select('th[lang="ar"]')]
    assert english == ["Amount", "What to do", "Who does it", "By when"]
    assert len(other) == 4 and not set(other) & set(english)
    assert item.select_one('td span[lang="ar"]').get_text(strip=True) == "31 يناير 2027"


def test_an_english_only_plan_has_one_column_of_labels(web: FlaskClient, soup: Callable) -> None:
    page = soup(web.get(edit(web, reads="en").headers["Location"]))
    item = page.select_one(".app-plan__item")
    assert [th["lang"] for th in item.select("th")] == ["en"] * 4


def test_the_plan_carries_a_qr_code_of_its_own_link_drawn_on_the_server(
    web: FlaskClient, soup: Callable
) -> None:
    """An inline SVG (nothing fetched), of the plan's full address, titled for screen readers."""
    location = edit(web).headers["Location"]
    page = soup(web.get(location))
    svg = page.select_one("svg.app-plan__qr")
    assert svg["role"] == "img" and svg.title.get_text(strip=True)
    expected = segno.make("http://localhost" + location, error="l")
    # The last path draws the dark modules (the first is the light background).
    drawn = soup_svg_paths(str(svg))[-1]
    assert drawn == soup_svg_paths(expected.svg_inline(scale=2, border=4))[-1]
    assert page.select("img") == [] or all(
        not i["src"].startswith("http") for i in page.select("img")
    )


def soup_svg_paths(svg: str) -> list[str]:
    """The drawn modules of a QR code's SVG: its path data, whatever the attributes around it."""
    from bs4 import BeautifulSoup

    return [p["d"] for p in BeautifulSoup(svg, "html.parser").select("path")]


def test_the_arabic_plan_keeps_its_language_through_the_redirect(
    web: FlaskClient, soup: Callable
) -> None:
    saved = edit(web, prefix="/ar")
    assert urlsplit(saved.headers["Location"]).path == "/ar/walkthrough/plan/"
    page = soup(web.get(saved.headers["Location"]))
    assert page.html["dir"] == "rtl"
    assert page.select(".app-plan__item")


TOO_LONG = "x" * 201
BAD_FIELDS = [
    # (field sent, value, field the error is against, message)
    (f"amount-{ITEM}", "a lot", f"amount-{ITEM}", "Enter an amount in pounds, like 3000 or 45.50"),
    (f"amount-{ITEM}", "-5", f"amount-{ITEM}", "Enter an amount in pounds, like 3000 or 45.50"),
    (f"amount-{ITEM}", "12.345", f"amount-{ITEM}", "Enter an amount in pounds, like 3000 or 45.50"),
    (f"amount-{ITEM}", "100001", f"amount-{ITEM}", "Enter an amount of £100,000 or less"),
    (f"action-{ITEM}", "", f"action-{ITEM}", "Enter what will be done"),
    (f"action-{ITEM}", TOO_LONG, f"action-{ITEM}", "Use 200 characters or fewer"),
    (f"action-{ITEM}", "ring\x07", f"action-{ITEM}", "Use letters, numbers and punctuation only"),
    (f"who-{ITEM}", "  ", f"who-{ITEM}", "Enter who will do it"),
    (f"who-{ITEM}", "y" * 61, f"who-{ITEM}", "Use 60 characters or fewer"),
    (f"by-{ITEM}-day", "", f"by-{ITEM}-day", "Enter a real date, like 31 1 2027"),
    (f"by-{ITEM}-month", "13", f"by-{ITEM}-day", "Enter a real date, like 31 1 2027"),
    (f"by-{ITEM}-day", "30", None, None),  # 30 January 2027: fine
    (f"by-{ITEM}-year", "2026", f"by-{ITEM}-day", "Enter a date that is today or later"),
    (f"by-{ITEM}-year", "2037", f"by-{ITEM}-day", "Enter a date within the next 10 years"),
    ("reads", "xx", "reads", "Choose the young person's language from the list"),
    ("reads", "", "reads", "Choose the young person's language from the list"),
    ("note", "z" * 301, "note", "Use 300 characters or fewer"),
    ("item", "no-such-thing", "item", "The plan names something that is not in the offer"),
    ("item", [], "item", "Pick at least one thing for the plan"),
]


@pytest.mark.parametrize(("name", "value", "field", "message"), BAD_FIELDS)
def test_each_field_is_checked_with_a_clear_error(
    web: FlaskClient, soup: Callable, name: str, value: str, field: str | None, message: str | None
) -> None:
    """Every problem is named against its field, in the summary and at the field, and the
    form is shown again (400) with what was typed; a right value saves."""
    response = edit(web, **{name: value})
    if message is None:
        assert response.status_code == 303
        return
    assert response.status_code == 400
    page = soup(response)
    assert errors_of(page) == {field: message}
    if field != "item":
        at_field = page.select_one(f"#{field}").find_parent(class_="govuk-form-group--error")
        assert message in at_field.select_one(".govuk-error-message").get_text()


def test_every_missing_field_is_named_at_once(web: FlaskClient, soup: Callable) -> None:
    response = web.get(f"/walkthrough/plan/edit/?item={ITEM}&save=yes")
    assert set(errors_of(soup(response))) == {
        f"action-{ITEM}", f"who-{ITEM}", f"by-{ITEM}-day", "reads"
    }  # fmt: skip


def test_a_plan_holds_at_most_ten_things(app: Flask, web: FlaskClient, soup: Callable) -> None:
    ids = [e.id for e in app.extensions["localoffer.offer"].entitlements][: MAX_ITEMS + 1]
    page = soup(web.get("/walkthrough/plan/edit/?" + urlencode({"item": ids}, doseq=True)))
    assert errors_of(page) == {"item": "A plan can hold up to 10 things"}


def test_the_link_is_bounded_so_its_qr_code_reads_from_paper(
    app: Flask, web: FlaskClient, soup: Callable
) -> None:
    """Ten things each with the longest action would make a link too long to scan: the
    form says to shorten the notes, and nothing is saved."""
    ids = [e.id for e in app.extensions["localoffer.offer"].entitlements][:MAX_ITEMS]
    args: dict[str, object] = {"item": ids, "reads": "en", "save": "yes"}
    for item_id in ids:
        args |= {f"action-{item_id}": "a" * 200, f"who-{item_id}": "Sam",
                 f"by-{item_id}": "2027-01-31"}  # fmt: skip
    response = web.get("/walkthrough/plan/edit/?" + urlencode(args, doseq=True))
    assert response.status_code == 400
    assert errors_of(soup(response)) == {
        "note": "The plan is too long to keep in a link: make the notes shorter"
    }


def test_a_saved_plan_opened_later_may_be_overdue(web: FlaskClient, soup: Callable) -> None:
    """Only saving refuses a past date: a plan kept from last year still opens."""
    location = edit(web).headers["Location"].replace("2027-01-31", "2026-01-31")
    response = web.get(location)
    assert response.status_code == 200
    assert "31 January 2026" in soup(response).select_one(".app-plan__item").get_text()


def test_a_changed_plan_link_shows_the_form_with_what_is_wrong(
    web: FlaskClient, soup: Callable
) -> None:
    location = edit(web).headers["Location"].replace("2027-01-31", "2027-02-30")
    response = web.get(location)
    assert response.status_code == 400
    page = soup(response)
    assert errors_of(page) == {f"by-{ITEM}-day": "Enter a real date, like 31 1 2027"}
    assert page.select_one(f"#action-{ITEM}").get_text() == "Make a list of what the flat needs"


def _rows(url: str) -> dict[str, int]:
    engine = create_engine(url)
    tables = MetaData()
    tables.reflect(engine)
    with engine.connect() as connection:
        counts = {
            name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in tables.tables.items()
        }
    engine.dispose()
    return counts


def _files(*folders: Path) -> dict[Path, float]:
    """Every file and when it last changed; SQLite's -shm (shared memory for readers) aside."""
    return {
        f: f.stat().st_mtime
        for d in folders
        if d.exists()
        for f in d.rglob("*")
        if not f.name.endswith("-shm")
    }


def test_making_and_opening_a_plan_stores_nothing(
    app: Flask, web: FlaskClient, soup: Callable, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """No database row, no file, no cookie, no log line: the plan is in its link only; every
    page holding it is no-store and noindex. (SQLite's WAL mode makes an empty -wal file for
    a reader; nothing is written to it.)"""
    caplog.set_level(logging.DEBUG)
    database = app.config["DATABASE_URL"]
    rows, files = _rows(database), _files(tmp_path, Path(app.instance_path))
    responses = [
        web.get(f"/walkthrough/?item={ITEM}"),
        web.get(f"/walkthrough/plan/edit/?item={ITEM}"),
        edit(web, **{f"who-{ITEM}": ""}),
    ]
    saved = edit(web)
    responses += [saved, web.get(saved.headers["Location"])]
    assert all("Set-Cookie" not in r.headers for r in responses)
    assert web.get_cookie("session") is None
    for response in responses[1:]:
        assert "no-store" in response.headers["Cache-Control"]
    assert soup(responses[-1]).select_one('meta[name="robots"]')["content"] == "noindex, nofollow"
    assert _rows(database) == rows
    after = _files(tmp_path, Path(app.instance_path))
    for wal in set(after) - set(files):
        assert wal.name.endswith("-wal") and wal.stat().st_size == 0, wal
        del after[wal]
    assert after == files
    assert "flat" not in caplog.text and "Sam" not in caplog.text


def test_problems_are_listed_in_the_order_of_the_page(web: FlaskClient, soup: Callable) -> None:
    response = web.get(f"/walkthrough/plan/edit/?item={ITEM}&item=personal-adviser&save=yes")
    assert list(errors_of(soup(response))) == [
        f"action-{ITEM}", f"who-{ITEM}", f"by-{ITEM}-day",
        "action-personal-adviser", "who-personal-adviser", "by-personal-adviser-day", "reads",
    ]  # fmt: skip
