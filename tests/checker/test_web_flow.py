"""The web checker, driven through the test client from start to result on both routes."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse


@pytest.fixture
def answer(soup: Callable) -> Callable[..., None]:
    """Post one answer and check the checker moves on (to `goes_to`, when given)."""

    def post(web: FlaskClient, url: str, data: dict, goes_to: str | None = None) -> None:
        response = web.post(url, data=data)
        errors = [a.get_text(strip=True) for a in soup(response).select(".govuk-error-summary a")]
        assert response.status_code == 302, f"{url} did not accept {data}: {errors}"
        if goes_to:
            assert response.headers["Location"] == goes_to

    return post


@pytest.fixture
def errors_of(soup: Callable) -> Callable[..., list[str]]:
    """The messages of a page's error summary, which must be there."""

    def errors(response: TestResponse) -> list[str]:
        page = soup(response)
        assert page.select_one(".govuk-error-summary") is not None
        return [a.get_text(strip=True) for a in page.select(".govuk-error-summary__list a")]

    return errors


OPTIONAL = ["/check/parent/", "/check/came-to-uk-alone/", "/check/disability/",
            "/check/where-you-live/", "/check/in-custody-now/"]  # fmt: skip


@pytest.fixture
def leave_optional_blank(answer: Callable) -> Callable[[FlaskClient], None]:
    """Go through the optional questions choosing nothing, as anyone may."""

    def skip(web: FlaskClient) -> None:
        for url, next_url in zip(OPTIONAL, [*OPTIONAL[1:], "/check/answers/"], strict=True):
            answer(web, url, {}, next_url)

    return skip


def test_start_page_says_answers_are_not_kept(web: FlaskClient, soup: Callable) -> None:
    """The first page tells the young person their answers are private."""
    text = soup(web.get("/check/")).get_text(" ")
    assert "We do not keep your answers" in text


def test_dates_route_start_to_finish(web: FlaskClient, soup: Callable, answer: Callable) -> None:
    """Someone who knows their dates gets their status and the date each entitlement ends."""
    answer(web, "/check/route/", {"answer": "dates"}, "/check/date-of-birth/")
    answer(web, "/check/date-of-birth/", {"answer": ["1", "5", "2007"]}, "/check/care-periods/")
    assert web.get("/check/care-periods/").headers["Location"] == "/check/care-periods/0/"
    answer(web, "/check/care-periods/0/", {"start": ["1", "6", "2021"], "end": ["30", "4", "2025"],
                                          "short_break": "no"}, "/check/care-periods/")  # fmt: skip
    answer(web, "/check/care-periods/", {"answer": "no"}, "/check/special-guardianship/")
    answer(web, "/check/special-guardianship/", {"answer": "no"}, "/check/custody/")
    answer(web, "/check/custody/", {"answer": "no"}, "/check/education/")
    answer(web, "/check/education/", {"answer": "higher"}, "/check/parent/")
    answer(web, "/check/parent/", {"answer": "yes"}, "/check/came-to-uk-alone/")
    answer(web, "/check/came-to-uk-alone/", {}, "/check/disability/")
    answer(web, "/check/disability/", {"answer": "prefer_not"}, "/check/where-you-live/")
    answer(web, "/check/where-you-live/", {"answer": "yes"}, "/check/in-custody-now/")
    answer(web, "/check/in-custody-now/", {"answer": "no"}, "/check/answers/")
    check = soup(web.get("/check/answers/"))
    assert "1 May 2007" in check.get_text(" ")
    rows = {
        row.dt.get_text(" ", strip=True): row.dd.get_text(" ", strip=True)
        for row in check.select(".govuk-summary-list__row")
    }
    assert rows["Are you a parent, or expecting a baby?"] == "Yes"
    assert rows["Did you come to the UK on your own, as a child?"] == "Not answered"
    assert rows["Are you disabled, or do you have special educational needs?"] == (
        "Prefer not to say"
    )
    result = soup(web.get("/check/result/"))
    applies = {a["href"] for a in result.select(".app-result-list > li > a")}
    # Yes lists it; living in the area lists council tax help there; no hides custody help;
    # a blank and "prefer not to say" hide nothing: those stay under "You may also get".
    assert "/relationships/young-parents-support/" in applies
    assert "/finances/council-tax-exemption/" in applies
    assert "/relationships/in-or-leaving-custody/" not in applies
    assert "/relationships/living-in-another-area/" not in applies
    maybe = result.find("h2", string="You may also get").find_next("ul")
    assert maybe.find("a", href="/relationships/immigration-advice/")
    assert maybe.find("a", href="/health/disabled-care-leavers/")
    assert result.h1.get_text(strip=True) == "You are a care leaver aged 18 or over"
    assert result.find("a", href="/relationships/personal-adviser/") is not None
    until = " ".join(result.select_one(".app-common-until").get_text(" ").split())
    assert until == "Unless it says otherwise, each of these lasts until 30 April 2032 ."
    assert result.find("a", href="/education-employment-training/higher-education-bursary/")
    assert "best answer" not in result.get_text(" ")


def test_rough_route_gives_a_best_answer_to_confirm(
    web: FlaskClient, soup: Callable, answer: Callable, leave_optional_blank: Callable
) -> None:
    """Someone unsure of their dates gets a best answer marked 'ask your PA to confirm'."""
    answer(web, "/check/route/", {"answer": "rough"})
    answer(web, "/check/date-of-birth/", {"answer": ["10", "3", "2008"]}, "/check/in-care-now/")
    answer(web, "/check/in-care-now/", {"answer": "no"}, "/check/care-after-16/")
    answer(web, "/check/care-after-16/", {"answer": "yes"}, "/check/time-in-care/")
    answer(web, "/check/time-in-care/", {"answer": "unsure"}, "/check/special-guardianship/")
    answer(web, "/check/special-guardianship/", {"answer": "no"}, "/check/custody/")
    # An adult who may have left care at 16 or 17 is asked the same question as the API.
    answer(web, "/check/custody/", {"answer": "no"}, "/check/lived-with-parent/")
    answer(web, "/check/lived-with-parent/", {"answer": "no"}, "/check/education/")
    answer(web, "/check/education/", {"answer": "none"}, "/check/parent/")
    leave_optional_blank(web)
    result = soup(web.get("/check/result/"))
    text = result.get_text(" ")
    assert result.h1.get_text(strip=True) == "You are a care leaver aged 18 or over"
    assert "best answer" in text and "confirm" in text
    assert "assumed it was 13 weeks or more" in text


def test_rough_route_for_someone_still_in_care_at_17(
    web: FlaskClient, soup: Callable, answer: Callable, leave_optional_blank: Callable
) -> None:
    """In care now at 17 for a long time: an eligible child, with onward support from 18."""
    answer(web, "/check/route/", {"answer": "rough"})
    answer(web, "/check/date-of-birth/", {"answer": ["1", "1", "2009"]})
    answer(web, "/check/in-care-now/", {"answer": "yes"}, "/check/time-in-care/")
    answer(web, "/check/time-in-care/", {"answer": "long"}, "/check/custody/")
    answer(web, "/check/custody/", {"answer": "no"}, "/check/education/")
    answer(web, "/check/education/", {"answer": "education"}, "/check/parent/")
    leave_optional_blank(web)
    result = soup(web.get("/check/result/"))
    assert (
        result.h1.get_text(strip=True) == "You are in care, and you will get support when you leave"
    )


@pytest.mark.parametrize(
    ("url", "data", "message"),
    [
        ("/check/route/", {}, "Select yes if you know the dates you were in care"),
        ("/check/date-of-birth/", {"answer": ["", "", ""]}, "Enter your date of birth"),
        ("/check/date-of-birth/", {"answer": ["31", "2", "2007"]},
         "Your date of birth must be a real date"),
        ("/check/date-of-birth/", {"answer": ["1", "", "2007"]},
         "Your date of birth must include a month"),
        ("/check/date-of-birth/", {"answer": ["1", "1", "07"]},
         "Your date of birth must be a real date, with a 4-digit year"),
    ],
)  # fmt: skip
def test_question_errors_are_specific_and_keep_what_was_typed(
    web: FlaskClient, url: str, data: dict, message: str, soup: Callable, errors_of: Callable
) -> None:
    """Each question says what to do, links the summary to the field, and keeps the input."""
    web.post("/check/route/", data={"answer": "dates"})
    response = web.post(url, data=data)
    assert response.status_code == 200
    assert errors_of(response) == [message]
    page = soup(response)
    assert page.title.get_text().startswith("Error: ")
    href = page.select_one(".govuk-error-summary__list a")["href"]
    assert page.select_one(href) is not None, href
    if url == "/check/date-of-birth/":
        typed = [i.get("value") or "" for i in page.select("input[name=answer]")]
        assert typed == data["answer"]


def test_date_of_birth_in_the_future_is_refused(web: FlaskClient, errors_of: Callable) -> None:
    """The same validator as the API refuses a birth after today."""
    web.post("/check/route/", data={"answer": "dates"})
    response = web.post("/check/date-of-birth/", data={"answer": ["1", "1", "2027"]})
    assert response.status_code == 200
    assert len(errors_of(response)) == 1


@pytest.fixture
def dates_up_to_periods(answer: Callable) -> Callable[[FlaskClient], None]:
    """Answer the questions before the times in care, on the route with dates."""

    def reach(web: FlaskClient) -> None:
        answer(web, "/check/route/", {"answer": "dates"})
        answer(web, "/check/date-of-birth/", {"answer": ["1", "5", "2007"]})

    return reach


@pytest.mark.parametrize(
    ("data", "field", "message_part"),
    [
        ({"start": ["", "", ""], "end": ["1", "1", "2022"], "short_break": "no"}, "start-day",
         "Enter the date this time in care started"),
        ({"start": ["1", "1", "2022"], "end": ["", "", ""], "short_break": "no"}, "end-day",
         "tick that you are still in care"),
        ({"start": ["1", "6", "2022"], "end": ["1", "1", "2022"], "short_break": "no"}, "end-day",
         "after the start date"),
        ({"start": ["1", "1", "2022"], "end": ["1", "1", "2030"], "short_break": "no"}, "end-day",
         ""),
        ({"start": ["1", "1", "2022"], "end": ["1", "3", "2022"], "short_break": "yes"},
         "short_break", "17 days"),
        ({"start": ["1", "1", "2022"], "end": ["1", "3", "2022"]}, "short_break",
         "Select yes if this was a planned short break"),
        ({"start": ["1", "1", "2022"], "still_in_care": "y", "end": ["1", "3", "2022"],
          "short_break": "no"}, "end-day", "Leave the end date empty"),
    ],
)  # fmt: skip
def test_care_period_errors_name_the_field_and_keep_the_dates(
    web: FlaskClient,
    data: dict,
    field: str,
    message_part: str,
    soup: Callable,
    errors_of: Callable,
    dates_up_to_periods: Callable,
) -> None:
    """A wrong time in care is explained next to the right box, with what was typed kept."""
    dates_up_to_periods(web)
    response = web.post("/check/care-periods/0/", data=data)
    assert response.status_code == 200
    messages = errors_of(response)
    assert message_part in messages[0]
    page = soup(response)
    assert page.select_one(".govuk-error-summary__list a")["href"] == f"#{field}"
    typed_start = [i.get("value") or "" for i in page.select("input[name=start]")]
    assert typed_start == data["start"]


def test_overlapping_times_in_care_are_refused(
    web: FlaskClient, answer: Callable, errors_of: Callable, dates_up_to_periods: Callable
) -> None:
    """Two times in care cannot overlap; the second one is sent back with the reason."""
    dates_up_to_periods(web)
    answer(web, "/check/care-periods/0/", {"start": ["1", "1", "2022"], "end": ["1", "6", "2022"],
                                          "short_break": "no"})  # fmt: skip
    response = web.post(
        "/check/care-periods/1/",
        data={"start": ["1", "5", "2022"], "end": ["1", "8", "2022"], "short_break": "no"},
    )
    assert response.status_code == 200
    assert "overlap" in errors_of(response)[0]


def test_going_back_keeps_answers_and_changing_returns_to_check_answers(
    web: FlaskClient, soup: Callable, answer: Callable, dates_up_to_periods: Callable
) -> None:
    """Back links land on the previous question with its answer still selected."""
    dates_up_to_periods(web)
    page = soup(web.get("/check/date-of-birth/"))
    assert [i.get("value") for i in page.select("input[name=answer]")] == ["01", "05", "2007"]
    assert page.select_one("a.govuk-back-link")["href"] == "/check/route/"
    route = soup(web.get("/check/route/"))
    assert route.select_one("input[value=dates]").has_attr("checked")
    answer(web, "/check/care-periods/0/", {"start": ["1", "6", "2021"], "end": ["30", "4", "2025"],
                                          "short_break": "no"})  # fmt: skip
    answer(web, "/check/care-periods/", {"answer": "no"})
    for url, value in (("/check/special-guardianship/", "no"), ("/check/custody/", "no"),
                       ("/check/education/", "none"),
                       *((url, "prefer_not") for url in OPTIONAL)):  # fmt: skip
        answer(web, url, {"answer": value})
    change = soup(web.get("/check/answers/")).find("a", href="/check/education/?change=1")
    assert change is not None
    answer(web, "/check/education/?change=1", {"answer": "higher"}, "/check/answers/")
    assert "university" in soup(web.get("/check/answers/")).get_text(" ")


def test_removing_a_time_in_care(
    web: FlaskClient, soup: Callable, answer: Callable, dates_up_to_periods: Callable
) -> None:
    """A time in care can be removed after confirming."""
    dates_up_to_periods(web)
    answer(web, "/check/care-periods/0/", {"start": ["1", "6", "2021"], "end": ["30", "4", "2025"],
                                          "short_break": "no"})  # fmt: skip
    assert "Are you sure" in soup(web.get("/check/care-periods/0/remove/")).get_text()
    answer(web, "/check/care-periods/0/remove/", {}, "/check/care-periods/")
    assert web.get("/check/care-periods/").headers["Location"] == "/check/care-periods/0/"


def test_result_before_answering_sends_you_to_the_questions(web: FlaskClient) -> None:
    """Jumping to the result without answers goes back to the first missing question."""
    response = web.get("/check/result/", follow_redirects=True)
    assert response.request.path == "/check/route/"


def test_a_question_that_does_not_apply_cannot_be_answered(
    web: FlaskClient, answer: Callable
) -> None:
    """Someone in care now is not asked about leaving on a special guardianship order."""
    answer(web, "/check/route/", {"answer": "rough"})
    answer(web, "/check/date-of-birth/", {"answer": ["1", "1", "2009"]})
    answer(web, "/check/in-care-now/", {"answer": "yes"})
    assert web.get("/check/special-guardianship/").headers["Location"] == "/check/time-in-care/"


def test_clear_removes_the_answers(
    web: FlaskClient, soup: Callable, answer: Callable, dates_up_to_periods: Callable
) -> None:
    """'Clear my answers' leaves nothing behind, even in the browser."""
    dates_up_to_periods(web)
    answer(web, "/check/clear/", {}, "/check/?cleared=1")
    assert not soup(web.get("/check/date-of-birth/")).select_one("input[name=answer]").get("value")


def test_answers_are_never_logged_or_stored(
    app: Flask, web: FlaskClient, caplog, tmp_path, soup: Callable, answer: Callable
) -> None:
    """A whole run of the checker writes nothing with the date of birth to logs or disk.

    Each page reads the database (has this visit's answers been cleared?); SQLite's WAL mode
    makes its -wal and -shm files for a reader, but nothing is written to them."""
    caplog.set_level(logging.DEBUG)

    def files() -> dict[Path, float]:
        return {p: p.stat().st_mtime for p in tmp_path.rglob("*") if not p.name.endswith("-shm")}

    before = files()
    test_dates_route_start_to_finish(web, soup, answer)
    assert "2007" not in caplog.text
    after = files()
    for wal in set(after) - set(before):
        assert wal.name.endswith("-wal") and wal.stat().st_size == 0, wal
        del after[wal]
    assert after == before


def test_result_shows_each_amount_in_force_on_the_day_checked(
    web: FlaskClient, finish_checker, soup: Callable
) -> None:
    """A former relevant university student sees the bursary's amount on the checker's day."""
    finish_checker(web, education="higher")
    page = soup(web.get("/check/result/"))
    item = page.find("a", href="/education-employment-training/higher-education-bursary/")
    amount = item.find_parent("li").select_one(".app-result-amount")
    assert " ".join(amount.get_text(" ").split()) == "How much on 23 November 2026 : £2,000"


@pytest.mark.parametrize("url", OPTIONAL)
def test_an_optional_question_says_why_and_that_it_may_be_left(
    web: FlaskClient, soup: Callable, answer: Callable, url: str
) -> None:
    """Each optional question explains itself, offers "Prefer not to say", and takes a blank."""
    answer(web, "/check/route/", {"answer": "rough"})
    answer(web, "/check/date-of-birth/", {"answer": ["1", "5", "2007"]})
    page = soup(web.get(url))
    hint = page.select_one(".govuk-hint").get_text(" ", strip=True)
    assert "We ask" in hint
    assert hint.endswith("You do not have to answer. We do not keep your answer.")
    labels = [label.get_text(strip=True) for label in page.select(".govuk-radios__label")]
    assert labels == ["Yes", "No", "Prefer not to say"]


@pytest.mark.parametrize("url", OPTIONAL)
@pytest.mark.parametrize("value", ["maybe", "true", "YES"])
def test_an_altered_answer_to_an_optional_question_is_refused_clearly(
    web: FlaskClient, answer: Callable, errors_of: Callable, url: str, value: str
) -> None:
    """Leaving it blank is allowed; a value that is not one of the choices is not."""
    answer(web, "/check/route/", {"answer": "rough"})
    answer(web, "/check/date-of-birth/", {"answer": ["1", "5", "2007"]})
    response = web.post(url, data={"answer": value})
    assert response.status_code == 200
    assert errors_of(response) == ["Select yes, no or prefer not to say"]


def test_the_custody_question_does_not_read_as_an_accusation(
    web: FlaskClient, soup: Callable, answer: Callable
) -> None:
    """It asks about now, says why the council asks, and says it does not ask why."""
    answer(web, "/check/route/", {"answer": "rough"})
    answer(web, "/check/date-of-birth/", {"answer": ["1", "5", "2007"]})
    text = soup(web.get("/check/in-custody-now/")).get_text(" ")
    assert "keep supporting you" in text
    assert "We do not ask why." in text
    for word in ("offence", "crime", "convicted", "guilty"):
        assert word not in text


def test_the_date_of_birth_question_covers_an_assessed_age(
    web: FlaskClient, soup: Callable, answer: Callable
) -> None:
    answer(web, "/check/route/", {"answer": "dates"})
    hint = soup(web.get("/check/date-of-birth/")).select_one(".govuk-hint").get_text(strip=True)
    assert "If your age was assessed, use the date of birth on your papers." in hint


def test_a_best_answer_uses_the_optional_answers_as_given(
    web: FlaskClient, soup: Callable, answer: Callable
) -> None:
    """Rough dates are estimated; the optional answers are the young person's own, as given."""
    answer(web, "/check/route/", {"answer": "rough"})
    answer(web, "/check/date-of-birth/", {"answer": ["1", "1", "2009"]})
    answer(web, "/check/in-care-now/", {"answer": "yes"})
    answer(web, "/check/time-in-care/", {"answer": "long"})
    answer(web, "/check/custody/", {"answer": "no"})
    answer(web, "/check/education/", {"answer": "none"}, "/check/parent/")
    for url, value in zip(OPTIONAL, ["no", "yes", "", "prefer_not", "no"], strict=True):
        answer(web, url, {"answer": value} if value else {})
    listed = {a["href"] for a in soup(web.get("/check/result/")).select(".app-result-list a")}
    assert "/relationships/young-parents-support/" not in listed
    assert "/relationships/in-or-leaving-custody/" not in listed
    assert "/relationships/immigration-advice/" in listed
    assert "/health/disabled-care-leavers/" in listed
    assert "/relationships/living-in-another-area/" in listed
