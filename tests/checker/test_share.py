"""The shareable link: a warning first, the answers in the link, nothing kept on the server."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url
from werkzeug.datastructures import MultiDict

from localoffer.checker.share import read_shared, share_args
from localoffer.rules import Answers, CarePeriod, InvalidAnswers

TODAY = date(2026, 11, 23)
LINK = "/check/shared/?dob=2007-05-01&on=2026-11-23&care=2021-06-01..2025-04-30"


@pytest.fixture
def finish_checker(finish_checker: Callable[..., None]) -> Callable[..., None]:
    """The known case, in higher education."""
    return partial(finish_checker, education="higher")


def entitlements_shown(page: BeautifulSoup) -> list[tuple[str, str]]:
    """Each entitlement link on a result page with the dates written under it."""
    shown = []
    for item in page.select(".app-result-list > li"):
        dates = item.select_one(".app-result-dates")
        shown.append((item.a["href"], " ".join(dates.get_text(" ").split()) if dates else ""))
    return shown


@pytest.fixture
def shared_link(soup: Callable) -> Callable[[FlaskClient], str]:
    """The link the share page gives once the warning is understood."""

    def link(web: FlaskClient) -> str:
        page = soup(web.get("/check/result/share/?understood=yes&show=1"))
        return page.select_one("textarea#share-link").get_text(strip=True)

    return link


def test_the_share_page_warns_before_it_shows_the_link(
    web: FlaskClient, finish_checker: Callable[..., None], soup: Callable
) -> None:
    """First the warning about the date of birth and a box to tick; no link yet."""
    finish_checker(web)
    page = soup(web.get("/check/result/share/"))
    assert "The link shows your date of birth" in page.select_one(".govuk-warning-text").get_text()
    assert page.select_one("#share-link") is None
    assert "2007-05-01" not in str(page)
    assert page.select_one("input#understood[type=checkbox][name=understood]") is not None


def test_asking_for_the_link_without_ticking_the_box_says_what_to_do(
    web: FlaskClient, finish_checker: Callable[..., None], soup: Callable
) -> None:
    """No tick: an error naming the box, and still no link."""
    finish_checker(web)
    page = soup(web.get("/check/result/share/?show=1"))
    summary = page.select_one(".govuk-error-summary")
    assert summary.a["href"] == "#understood"
    assert "Tick the box" in summary.get_text()
    assert page.select_one("#share-link") is None
    assert page.title.get_text().startswith("Error")


def test_the_link_is_shown_once_the_warning_is_understood(
    web: FlaskClient, finish_checker: Callable[..., None], shared_link: Callable
) -> None:
    """The link is readable: date of birth, date checked, time in care and answers."""
    finish_checker(web)
    link = shared_link(web)
    parts = urlsplit(link)
    assert parts.path == "/check/shared/"
    assert parse_qs(parts.query) == {
        "dob": ["2007-05-01"], "on": ["2026-11-23"], "care": ["2021-06-01..2025-04-30"],
        "yes": ["in_education_or_training", "in_higher_education"],
    }  # fmt: skip


def test_the_share_page_without_finished_answers_goes_back_to_the_questions(
    web: FlaskClient,
) -> None:
    """Nothing to share yet: back to "check your answers"."""
    response = web.get("/check/result/share/")
    assert response.status_code == 302 and response.headers["Location"] == "/check/answers/"


def test_the_shared_link_reproduces_the_same_result(
    app: Flask,
    web: FlaskClient,
    finish_checker: Callable[..., None],
    soup: Callable,
    shared_link: Callable,
) -> None:
    """Opened in another browser, the link gives the same status, support and dates."""
    finish_checker(web)
    own = soup(web.get("/check/result/"))
    link = shared_link(web)
    other = app.test_client()
    shared = soup(other.get(link))
    assert shared.h1.get_text() == own.h1.get_text()
    assert entitlements_shown(shared) == entitlements_shown(own)
    assert ("/housing/priority-need-housing/", "Until 30 April 2028") in entitlements_shown(shared)
    assert shared.select_one(".app-common-until").get_text() == own.select_one(
        ".app-common-until"
    ).get_text()
    assert "shared with you in a link" in shared.get_text()


def test_the_shared_link_gives_the_same_entitlements_as_the_api(
    web: FlaskClient, soup: Callable
) -> None:
    """The same answers through the JSON API and through the link agree."""
    api = web.post("/api/v1/eligibility", json={
        "date_of_birth": "2007-05-01", "as_of": "2026-11-23",
        "care_periods": [{"start": "2021-06-01", "end": "2025-04-30"}],
    }).get_json()  # fmt: skip
    shared = soup(web.get(LINK))
    hrefs = {href for href, _dates in entitlements_shown(shared)}
    assert {e["url"] for e in api["entitlements"] + api["may_also_apply"]} == hrefs


def stored_files(app: Flask, tmp_path: Path) -> dict[Path, tuple[float, int]]:
    """Each file the app could write to, with its time and size. SQLite's shared-memory index
    (-shm) is left out and an empty write-ahead log (-wal) counts as no file: a worker that
    checks for newly published content reads the database, and a read makes both in WAL mode
    without storing a byte."""
    files = [*tmp_path.rglob("*"), *Path(app.instance_path).rglob("*")]
    return {
        path: (path.stat().st_mtime, path.stat().st_size)
        for path in files
        if path.is_file()
        and not path.name.endswith("-shm")
        and not (path.name.endswith("-wal") and path.stat().st_size == 0)
    }


def test_opening_a_shared_link_stores_nothing(app: Flask, web: FlaskClient, tmp_path: Path) -> None:
    """No cookie, no file, no database: the answers stay in the link."""
    before = stored_files(app, tmp_path)
    query = LINK.split("?")[1]
    for url in (LINK, "/check/result/print/?" + query, "/check/result/calendar.ics?" + query,
                "/walkthrough/?dob=bad"):  # fmt: skip
        response = web.get(url)
        assert "Set-Cookie" not in response.headers, url
    assert stored_files(app, tmp_path) == before
    with web.session_transaction() as session:
        assert dict(session) == {}


def database_rows(app: Flask) -> dict[str, int] | None:
    """Rows in every table of the portal's database; None while there is no database file."""
    url = make_url(app.config["DATABASE_URL"])
    if url.get_backend_name() == "sqlite" and not Path(url.database or "").exists():
        return None
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return {
                name: connection.execute(text(f'SELECT COUNT(*) FROM "{name}"')).scalar_one()
                for name in inspect(connection).get_table_names()
            }
    finally:
        engine.dispose()


def test_a_shared_link_never_creates_a_database_row(app: Flask, web: FlaskClient) -> None:
    """Every table has as many rows after opening, printing and walking through a link."""
    before = database_rows(app)
    query = LINK.split("?")[1]
    for url in (LINK, "/check/result/print/?" + query, "/check/result/calendar.ics?" + query,
                "/walkthrough/?" + query):  # fmt: skip
        assert web.get(url).status_code == 200
    assert database_rows(app) == before


def test_a_shared_result_is_never_cached_or_indexed(web: FlaskClient, soup: Callable) -> None:
    """no-store for every cache, noindex for every search engine."""
    response = web.get(LINK)
    assert response.headers["Cache-Control"] == "no-store"
    assert "noindex" in response.headers["X-Robots-Tag"]
    assert "noindex" in soup(response).select_one('meta[name="robots"]')["content"]


def test_a_shared_result_has_no_form_that_would_start_a_session(
    web: FlaskClient, soup: Callable
) -> None:
    """No "clear my answers" form (its token would need a session), no back link."""
    page = soup(web.get(LINK))
    assert all(form.get("method", "get").lower() == "get" for form in page.select("form"))
    assert page.select_one("input[name=csrf_token]") is None
    assert page.select_one(".govuk-back-link") is None


def test_a_shared_result_from_another_day_offers_today(web: FlaskClient, soup: Callable) -> None:
    """A link checked on an earlier day says so and offers the same answers for today."""
    page = soup(web.get(LINK.replace("on=2026-11-23", "on=2026-01-10")))
    assert "10 January 2026" in page.select_one(".app-shared-notice").get_text()
    today_link = page.select_one(".app-shared-notice a")["href"]
    assert "on=" not in today_link and "dob=2007-05-01" in today_link


def test_a_link_from_rough_answers_says_it_is_a_best_answer(
    web: FlaskClient, soup: Callable
) -> None:
    """estimate=1 keeps the "best answer, ask your adviser to confirm" warning."""
    page = soup(web.get(LINK + "&estimate=1"))
    assert "best answer" in page.get_text()


def test_parameters_added_by_messaging_apps_are_ignored(web: FlaskClient) -> None:
    """A link that gained a tracking parameter on its way still opens."""
    assert web.get(LINK + "&fbclid=abc123").status_code == 200


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "The link has no date of birth in it"),
        ("dob=2007-13-01", "Date of birth: Date of birth must be a real date"),
        ("dob=2007-05-01&dob=2006-01-01", "more than one date of birth"),
        ("dob=2007-05-01&on=soon", "Date checked: The date to check (as_of) must be a real date"),
        ("dob=2007-05-01&care=2021-06-01", "a time in care written in a way"),
        ("dob=2007-05-01&care=..2021-06-01", "a time in care written in a way"),
        ("dob=2007-05-01&care=2022-06-01..2021-06-01", "Time in care 1 of 1: The end date must"),
        ("dob=2007-05-01&care=2021-06-01..2022-06-01&care=2022-01-01..2023-01-01", "overlap"),
        ("dob=2007-05-01&short=2021-06-01..2021-09-01", "A short break lasts 17 days or fewer"),
        ("dob=2007-05-01&yes=rich", "an answer the checker does not ask about"),
        ("dob=2007-05-01&estimate=yes", "best guess"),
        ("dob=2030-01-01", "Date of birth must be today or in the past"),
        ("dob=%00%ff", "Date of birth must be a real date"),
    ],
)
def test_a_broken_link_gets_a_page_that_says_what_is_wrong(
    web: FlaskClient, query: str, message: str, soup: Callable
) -> None:
    """A cut-short or changed link: 400 and the problem in words, never a wrong result."""
    response = web.get("/check/shared/?" + query)
    assert response.status_code == 400
    page = soup(response)
    assert page.h1.get_text(strip=True) == "This link does not work"
    problems = page.select_one(".app-share-problems").get_text(" ")
    assert message in problems
    assert response.headers["Cache-Control"] == "no-store"


def test_share_args_and_read_shared_round_trip(app: Flask) -> None:
    """Periods (ongoing and short breaks), yes answers and the estimate flag all come back."""
    answers = Answers(
        date_of_birth=date(2008, 3, 10),
        care_periods=(
            CarePeriod(date(2022, 1, 1), date(2022, 1, 5), short_break=True),
            CarePeriod(date(2023, 6, 1), None),
        ),
        detained_or_in_hospital_on_16th_birthday=True,
        in_education_or_training=True,
    )
    args = share_args(answers, TODAY, estimated=True)
    pairs = [(k, v) for k, vs in args.items() for v in (vs if isinstance(vs, list) else [vs])]
    query = MultiDict(pairs)
    with app.test_request_context():
        shared = read_shared(query, today=TODAY)
    assert shared.on == TODAY and shared.estimated
    assert set(shared.answers.care_periods) == set(answers.care_periods)
    assert shared.answers.detained_or_in_hospital_on_16th_birthday
    assert shared.answers.in_education_or_training and not shared.answers.in_higher_education


def test_read_shared_names_every_problem_at_once(app: Flask) -> None:
    """Several things wrong: all are named, nothing is guessed."""
    query = MultiDict([("dob", "2007-05-01"), ("care", "nonsense"), ("yes", "rich")])
    with app.test_request_context(), pytest.raises(InvalidAnswers) as raised:
        read_shared(query, today=TODAY)
    assert len(raised.value.errors) == 2


def test_the_optional_answers_travel_as_yes_and_no_and_a_blank_stays_blank(app: Flask) -> None:
    """Yes and no come back as given; a question not answered is in neither, and stays None."""
    answers = Answers(
        date_of_birth=date(2007, 5, 1),
        care_periods=(CarePeriod(date(2021, 6, 1), date(2025, 4, 30)),),
        parent_or_expecting=True,
        lives_outside_council_area=False,
        in_custody=False,
    )
    args = share_args(answers, TODAY)
    assert args["yes"] == ["parent_or_expecting"]
    assert args["no"] == ["lives_outside_council_area", "in_custody"]
    pairs = [(k, v) for k, vs in args.items() for v in (vs if isinstance(vs, list) else [vs])]
    with app.test_request_context():
        shared = read_shared(MultiDict(pairs), today=TODAY)
    assert shared.answers == answers
    assert shared.answers.came_to_uk_alone is None


@pytest.mark.parametrize(
    ("pairs", "problem"),
    [
        ([("no", "in_higher_education")], "The link has an answer the checker does not ask about"),
        ([("no", "rich")], "The link has an answer the checker does not ask about"),
        ([("yes", "in_custody"), ("no", "in_custody")],
         "The link answers the same question both yes and no"),
    ],
)  # fmt: skip
def test_a_changed_no_in_a_link_is_named(
    app: Flask, pairs: list[tuple[str, str]], problem: str
) -> None:
    """Only the optional questions can be answered no; a question is answered once."""
    query = MultiDict([("dob", "2007-05-01"), *pairs])
    with app.test_request_context(), pytest.raises(InvalidAnswers) as raised:
        read_shared(query, today=TODAY)
    assert list(raised.value.errors.values()) == [problem]
