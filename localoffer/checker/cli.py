"""`flask --app localoffer check`: the checker for personal advisers and scripts."""

from __future__ import annotations

import json
from typing import Any

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from localoffer.checker.service import CheckResult, check, result_json
from localoffer.clock import today
from localoffer.rules import PERSONAL_QUESTIONS, InvalidAnswers, parse_answers

# The optional questions, one option each named as in the JSON API; left out, not answered.
_TRI_STATE = {"yes": True, "no": False, "not-answered": None}


def _personal_options(command: Any) -> Any:
    """Add --parent-or-expecting yes|no|not-answered and the rest (docs/architecture.md)."""
    for name in reversed(PERSONAL_QUESTIONS):
        option = "--" + name.replace("_", "-")
        command = click.option(
            option,
            name,
            type=click.Choice(list(_TRI_STATE)),
            default="not-answered",
            show_default=True,
            help=f"Optional question ({name}); not answered never hides anything.",
        )(command)
    return command


def _period(value: str, short_break: bool) -> dict[str, Any]:
    start, sep, end = value.partition(":")
    if not sep:
        raise click.BadParameter(f"{value!r}: write START:END, or START: if still in care")
    return {"start": start, "end": end or None, "short_break": short_break}


def _describe(result: CheckResult) -> str:
    data = result_json(result)
    lines = [
        f"Status on {data['as_of']}: {data['status']}",
        f"Days looked after since 14th birthday: {data['days_looked_after_since_14']}",
        "",
        "Why:",
        *(f"  - {reason}" for reason in data["reasons"]),
        "",
        "Law: " + "; ".join(data["legal_basis"]),
    ]
    for heading, key in (
        ("Applies", "entitlements"),
        ("May also apply (ask the young person)", "may_also_apply"),
        ("Coming in (not yet in force)", "coming_in"),
    ):
        if data[key]:
            lines += ["", f"{heading}:"]
            for item in data[key]:
                since = item["from"] or "start date not set"
                until = item["until"] or "no end date"
                lines.append(f"  - {item['title']} ({item['id']}): {since} to {until}")
    return "\n".join(lines)


@click.command("check")
@with_appcontext
@click.option("--dob", required=True, help="Date of birth, YYYY-MM-DD.")
@click.option(
    "--period",
    "periods",
    multiple=True,
    help="Time in care START:END (END blank if still in care).",
)
@click.option(
    "--short-break", "short_breaks", multiple=True, help="A planned short break START:END."
)
@click.option("--as-of", help="Check on this date instead of today (YYYY-MM-DD).")
@click.option("--detained-at-16", is_flag=True, help="In custody or hospital on the 16th birthday.")
@click.option(
    "--special-guardianship", is_flag=True, help="Left care on a special guardianship order."
)
@click.option(
    "--lived-with-parent", is_flag=True, help="Lived 6 months with a parent since leaving care."
)
@click.option("--in-education", is_flag=True, help="In education or training now.")
@click.option("--in-higher-education", is_flag=True, help="On a higher education course now.")
@_personal_options
@click.option("--json", "as_json", is_flag=True, help="Print the JSON API's response instead.")
def check_command(
    dob: str,
    periods: tuple[str, ...],
    short_breaks: tuple[str, ...],
    as_of: str | None,
    detained_at_16: bool,
    special_guardianship: bool,
    lived_with_parent: bool,
    in_education: bool,
    in_higher_education: bool,
    as_json: bool,
    **personal: str,
) -> None:
    """Work out a young person's care-leaver status and what applies, until when."""
    body: dict[str, Any] = {
        "date_of_birth": dob,
        "care_periods": [_period(p, False) for p in periods]
        + [_period(p, True) for p in short_breaks],
        "detained_or_in_hospital_on_16th_birthday": detained_at_16,
        "special_guardianship_order": special_guardianship,
        "lived_with_parent_6_months": lived_with_parent,
        "in_education_or_training": in_education or in_higher_education,
        "in_higher_education": in_higher_education,
        **{name: _TRI_STATE[personal[name]] for name in PERSONAL_QUESTIONS},
    }
    if as_of:
        body["as_of"] = as_of
    try:
        answers, on = parse_answers(body, today=today())
    except InvalidAnswers as invalid:
        for field, message in invalid.errors.items():
            click.echo(f"{field}: {message}", err=True)
        raise SystemExit(2) from None
    result = check(answers, on, current_app.extensions["localoffer.offer"])
    if as_json:
        click.echo(json.dumps(result_json(result), indent=2, ensure_ascii=False))
    else:
        click.echo(_describe(result))


def init_app(app: Flask) -> None:
    app.cli.add_command(check_command)
