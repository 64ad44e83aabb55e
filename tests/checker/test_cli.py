"""`flask --app localoffer check`: the same checker for PAs and scripts."""

from __future__ import annotations

import json

from flask import Flask


def test_cli_gives_the_same_answer_as_the_api(app: Flask, client) -> None:
    """The command and the JSON API share one code path and agree."""
    result = app.test_cli_runner().invoke(args=[
        "check", "--dob", "2007-05-01", "--period", "2021-06-01:2025-04-30",
        "--as-of", "2026-11-23", "--json"])  # fmt: skip
    assert result.exit_code == 0, result.output
    api = client.post("/api/v1/eligibility", json={
        "date_of_birth": "2007-05-01", "as_of": "2026-11-23",
        "care_periods": [{"start": "2021-06-01", "end": "2025-04-30"}]}).get_json()  # fmt: skip
    assert json.loads(result.output) == api


def test_cli_prints_status_reasons_and_dates_for_a_person(app: Flask) -> None:
    """Without --json the PA gets readable lines with each entitlement's dates."""
    result = app.test_cli_runner().invoke(
        args=["check", "--dob", "2009-03-10", "--period", "2023-03-10:", "--as-of", "2026-11-23"]
    )
    assert result.exit_code == 0, result.output
    assert "Status on 2026-11-23: eligible" in result.output
    assert "personal-adviser" in result.output


def test_cli_short_breaks_do_not_count(app: Flask) -> None:
    """A planned short break (regs 40 and 48) adds no days."""
    result = app.test_cli_runner().invoke(args=[
        "check", "--dob", "2009-03-10", "--short-break", "2026-01-01:2026-01-10",
        "--as-of", "2026-11-23", "--json"])  # fmt: skip
    assert json.loads(result.output)["days_looked_after_since_14"] == 0


def test_cli_names_each_bad_input_and_exits_2(app: Flask) -> None:
    """Bad dates are listed field by field, with a non-zero exit."""
    result = app.test_cli_runner().invoke(
        args=["check", "--dob", "2009-13-45", "--period", "2023-03-10:2022-01-01"]
    )
    assert result.exit_code == 2
    assert "date_of_birth:" in result.output


def test_cli_rejects_a_period_without_a_colon(app: Flask) -> None:
    """--period needs START:END so the end is never guessed."""
    result = app.test_cli_runner().invoke(args=["check", "--dob", "2009-03-10", "--period", "2023"])
    assert result.exit_code != 0
    assert "START:END" in result.output


def test_cli_takes_the_optional_questions_as_the_api_does(app: Flask, client) -> None:
    """--parent-or-expecting yes and the like give the API's answer to the same fields."""
    result = app.test_cli_runner().invoke(args=[
        "check", "--dob", "2007-05-01", "--period", "2021-06-01:2025-04-30",
        "--as-of", "2026-11-23", "--json", "--parent-or-expecting", "yes",
        "--in-custody", "no", "--came-to-uk-alone", "not-answered"])  # fmt: skip
    assert result.exit_code == 0, result.output
    api = client.post("/api/v1/eligibility", json={
        "date_of_birth": "2007-05-01", "as_of": "2026-11-23",
        "care_periods": [{"start": "2021-06-01", "end": "2025-04-30"}],
        "parent_or_expecting": True, "in_custody": False}).get_json()  # fmt: skip
    cli = json.loads(result.output)
    assert cli == api
    applies = {item["id"] for item in cli["entitlements"]}
    listed = applies | {item["id"] for item in cli["may_also_apply"]}
    assert "young-parents-support" in applies
    assert "in-or-leaving-custody" not in listed
    assert "immigration-advice" in listed - applies


def test_cli_refuses_an_optional_answer_that_is_not_yes_no_or_not_answered(app: Flask) -> None:
    result = app.test_cli_runner().invoke(
        args=["check", "--dob", "2007-05-01", "--in-custody", "maybe"]
    )
    assert result.exit_code == 2
    assert "--in-custody" in result.output and "'maybe' is not one of" in result.output
