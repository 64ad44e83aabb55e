"""The named scenarios in cases.yaml, each run through parse_answers and assess."""

from __future__ import annotations

from datetime import date
from typing import Any

from localoffer.checker.service import check, result_json
from localoffer.content import Offer
from localoffer.rules import STATUSES, assess, parse_answers


def _as_date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


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
    if "status_until" in expect:
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
    for key in ("entitlements", "may_also_apply"):
        listed = {item["id"]: (item["from"], item["until"]) for item in result[key]}
        for wanted in expect.get(key, []):
            assert listed.get(wanted["id"]) == (str(wanted["from"]), str(wanted["until"])), key
    shown = {item["id"] for key in ("entitlements", "may_also_apply") for item in result[key]}
    assert not shown & set(expect.get("absent", []))


def test_cases_about_entitlements_also_fix_the_status_end(
    all_status_cases: list[dict[str, Any]],
) -> None:
    """A case that checks what is listed also says when the status ends, and cites its law."""
    with_entitlements = [
        case
        for case in all_status_cases
        if {"entitlements", "may_also_apply", "absent"} & case["expect"].keys()
    ]
    assert len(with_entitlements) >= 18
    for case in with_entitlements:
        assert "status_until" in case["expect"], case["name"]
        assert case["section"], case["name"]
