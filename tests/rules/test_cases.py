"""The named scenarios in cases.yaml, each run through parse_answers and assess."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from localoffer.checker.service import check, result_json
from localoffer.content import Offer
from localoffer.rules import STATUSES, assess, parse_answers

# What every case must pin, so a new case cannot leave its end date or its offer unchecked.
REQUIRED_EXPECTATIONS = ("status_until", "entitlements", "may_also_apply", "coming_in")
RESULT_LISTS = ("entitlements", "may_also_apply", "coming_in")
_WINDOW = re.compile(r"(pending|\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})")


def _as_date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def missing_expectations(case: dict[str, Any]) -> list[str]:
    """The required keys a case's `expect` leaves out."""
    return [key for key in REQUIRED_EXPECTATIONS if key not in case["expect"]]


def expected_items(name: str, windows: dict[str, list[Any]]) -> set[tuple[str, str | None, str]]:
    """Expand {"FROM..UNTIL": [id or named set, ...]} into (id, from, until) triples.

    FROM `pending` stands for law with no start date yet (shown with no `from`).
    """
    items: set[tuple[str, str | None, str]] = set()
    seen: set[str] = set()
    for window, entries in windows.items():
        match = _WINDOW.fullmatch(str(window))
        if match is None:
            raise ValueError(f"{name}: {window!r} is not FROM..UNTIL (dates as YYYY-MM-DD)")
        start, until = match.groups()
        from_ = None if start == "pending" else start
        for entry in entries or []:
            for item_id in entry if isinstance(entry, list) else [entry]:
                if item_id in seen:
                    raise ValueError(f"{name}: {item_id} is listed twice")
                seen.add(item_id)
                items.add((item_id, from_, until))
    return items


def test_the_case_file_covers_every_status(all_status_cases: list[dict[str, Any]]) -> None:
    """Every status in the vocabulary is the expected outcome of at least one case."""
    assert {case["expect"]["status"] for case in all_status_cases} == set(STATUSES)


def test_every_case_has_a_unique_name_and_cites_a_section(
    all_status_cases: list[dict[str, Any]],
) -> None:
    """Cases are named once each and say which part of the law they test."""
    names = [case["name"] for case in all_status_cases]
    assert len(names) == len(set(names)) >= 45
    assert all(case.get("section") for case in all_status_cases)


def test_status_case(status_case: dict[str, Any], today: date) -> None:
    """The answers give the expected status, day count, dates and reasons."""
    body = {**status_case["answers"], "as_of": status_case["as_of"]}
    answers, as_of = parse_answers(body, today=today)
    assessment = assess(answers, on=as_of)
    expect = status_case["expect"]

    assert assessment.status == expect["status"]
    assert assessment.days_looked_after_since_14 == int(expect["days"])
    assert assessment.status_since == _as_date(expect["status_since"])
    assert assessment.status_until == _as_date(expect["status_until"])
    texts = " | ".join(reason.text for reason in assessment.reasons)
    for fragment in expect.get("reasons", []):
        assert fragment in texts
    for provision in expect.get("legal_basis", []):
        assert provision in assessment.legal_basis
    for fragment in expect.get("not_reasons", []):
        assert fragment not in texts


def test_status_case_entitlements(
    status_case: dict[str, Any], today: date, shipped_offer: Offer
) -> None:
    """The shipped offer lists, may list, or leaves out the case's entitlements with its dates."""
    expect = status_case["expect"]
    body = {**status_case["answers"], "as_of": status_case["as_of"]}
    answers, as_of = parse_answers(body, today=today)
    result = result_json(check(answers, as_of, shipped_offer))
    for key in RESULT_LISTS:
        shown = {(item["id"], item["from"], item["until"]) for item in result[key]}
        wanted = expected_items(status_case["name"], expect[key])
        assert sorted(shown - wanted) == [], f"{key}: shown but not expected"
        assert sorted(wanted - shown) == [], f"{key}: expected but not shown"
    shown_ids = {item["id"] for key in ("entitlements", "may_also_apply") for item in result[key]}
    assert not shown_ids & set(expect.get("absent", []))


def test_every_case_pins_its_status_end_and_everything_shown(
    all_status_cases: list[dict[str, Any]],
) -> None:
    """No case leaves out status_until or the entitlements, may-apply and coming-in lists."""
    missing = {
        case["name"]: gaps for case in all_status_cases if (gaps := missing_expectations(case))
    }
    assert missing == {}


def test_a_case_without_its_entitlements_is_named_with_what_it_lacks() -> None:
    """The completeness check names the keys a case leaves out."""
    case = {"name": "a bare case", "expect": {"status": "none", "entitlements": {}}}
    assert missing_expectations(case) == ["status_until", "may_also_apply", "coming_in"]


def test_an_entitlement_window_that_is_not_two_dates_is_rejected_naming_the_case() -> None:
    """A window written as anything but FROM..UNTIL fails with the case's name."""
    with pytest.raises(ValueError, match="a bad case: '2026-03-10 to 2029-03-09' is not FROM"):
        expected_items("a bad case", {"2026-03-10 to 2029-03-09": ["staying-put"]})


def test_an_entitlement_listed_under_two_windows_is_rejected() -> None:
    """One id under two sets of dates is a mistake in the case, not two entitlements."""
    with pytest.raises(ValueError, match="a bad case: advocacy is listed twice"):
        expected_items(
            "a bad case",
            {"2024-03-10..2026-03-09": [["advocacy"]], "pending..2033-03-09": ["advocacy"]},
        )


def test_named_sets_and_pending_law_expand_to_each_id_with_its_dates() -> None:
    """A named set contributes each of its ids, and `pending` means no start date."""
    assert expected_items(
        "a case", {"2026-03-10..2029-03-09": [["a", "b"], "c"], "pending..2033-03-09": ["d"]}
    ) == {
        ("a", "2026-03-10", "2029-03-09"),
        ("b", "2026-03-10", "2029-03-09"),
        ("c", "2026-03-10", "2029-03-09"),
        ("d", None, "2033-03-09"),
    }
