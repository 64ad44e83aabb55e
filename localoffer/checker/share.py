"""The shareable link: a checker result's answers written into the link itself.

Nothing is stored on the server, so the answers have to travel in the link. They are
written as readable query parameters rather than an encoded blob, so that anyone can see
what the link gives away (a date of birth and times in care) and so that it stays short
enough to text from a cheap phone:

    /check/shared/?dob=2007-05-01&on=2026-11-23&care=2021-06-01..2025-04-30&yes=in_higher_education

- `dob`: date of birth (required); `on`: the date the result was checked on (default today)
- `care`: one time in care, `START..END`, or `START..` while still in care (repeatable)
- `short`: a time in care that was a short break, written the same way (repeatable)
- `yes`: an answer that is yes, named as in the JSON API (repeatable)
- `no`: an optional question answered no, named as in the JSON API (repeatable); an optional
  question in neither `yes` nor `no` was not answered, which never hides anything
- `estimate=1`: the dates were worked out from rough answers, so the result is a best answer

The link is checked by the same `parse_answers` as the JSON API and the web checker, so a
link that was cut short or changed gets a clear message instead of a wrong result.
Parameters with other names are ignored: messaging apps add their own to links.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from localoffer.rules import PERSONAL_QUESTIONS, Answers, InvalidAnswers, Message, parse_answers
from localoffer.rules.answers import FLAGS
from localoffer.web.formatting import translate_message

PARAMS: tuple[str, ...] = ("dob", "on", "care", "short", "yes", "no", "estimate")
RANGE = ".."


@dataclass(frozen=True)
class SharedAnswers:
    answers: Answers
    on: date
    estimated: bool


def share_args(answers: Answers, on: date, estimated: bool = False) -> dict[str, Any]:
    """The query parameters that reopen this result (for `url_for`)."""

    def written(period: Any) -> str:
        end = period.end.isoformat() if period.end else ""
        return f"{period.start.isoformat()}{RANGE}{end}"

    args: dict[str, Any] = {"dob": answers.date_of_birth.isoformat(), "on": on.isoformat()}
    care = [written(p) for p in answers.care_periods if not p.short_break]
    short = [written(p) for p in answers.care_periods if p.short_break]
    yes = [flag for flag in (*FLAGS, *PERSONAL_QUESTIONS) if getattr(answers, flag) is True]
    no = [name for name in PERSONAL_QUESTIONS if getattr(answers, name) is False]
    if care:
        args["care"] = care
    if short:
        args["short"] = short
    if yes:
        args["yes"] = yes
    if no:
        args["no"] = no
    if estimated:
        args["estimate"] = "1"
    return args


def is_shared(args: MultiDict[str, str]) -> bool:
    """Whether a request carries shared answers (any of the link's own parameters)."""
    return any(name in args for name in PARAMS)


def read_shared(args: MultiDict[str, str], today: date) -> SharedAnswers:
    """The answers in a shared link, or InvalidAnswers naming each problem in words."""
    problems: dict[str, str] = {}
    for name in ("dob", "on", "estimate"):
        if len(args.getlist(name)) > 1:
            problems[name] = _("The link has more than one %(part)s", part=_part_name(name))
    if not args.get("dob"):
        problems["dob"] = _("The link has no date of birth in it")
    estimate = args.get("estimate")
    if estimate not in (None, "1"):
        problems["estimate"] = _(
            "The link's note that the answers were a best guess is not right"
        )

    periods = []
    for name in ("care", "short"):
        for written in args.getlist(name):
            start, separator, end = written.partition(RANGE)
            if not separator or not start:
                problems[f"{name}:{written}"] = _(
                    "The link has a time in care written in a way the checker cannot read"
                )
                continue
            periods.append({"start": start, "end": end or None, "short_break": name == "short"})
    flags: dict[str, bool] = {}
    for flag in args.getlist("yes"):
        if flag not in FLAGS and flag not in PERSONAL_QUESTIONS:
            problems[f"yes:{flag}"] = _("The link has an answer the checker does not ask about")
        else:
            flags[flag] = True
    for name in args.getlist("no"):
        if name not in PERSONAL_QUESTIONS:
            problems[f"no:{name}"] = _("The link has an answer the checker does not ask about")
        elif name in flags:
            problems[f"no:{name}"] = _("The link answers the same question both yes and no")
        else:
            flags[name] = False
    if problems:
        raise InvalidAnswers(problems)

    body: dict[str, Any] = {"date_of_birth": args["dob"], "care_periods": periods, **flags}
    if args.get("on"):
        body["as_of"] = args["on"]
    try:
        answers, on = parse_answers(body, today=today)
    except InvalidAnswers as invalid:
        raise InvalidAnswers(_in_words(invalid.messages, len(periods))) from invalid
    return SharedAnswers(answers, on, estimated=estimate == "1")


def _part_name(name: str) -> str:
    return {
        "dob": _("date of birth"),
        "on": _("date checked"),
        "estimate": _("note that the answers were a best guess"),
    }[name]


def _in_words(errors: dict[str, Message], count: int) -> dict[str, str]:
    """The validator's messages, each said against the part of the link it is about."""
    labelled = {}
    for key, error in errors.items():
        message = translate_message(error)
        if key.startswith("care_periods["):
            number = int(key[len("care_periods[") : key.index("]")]) + 1
            label = _("Time in care %(number)d of %(count)d", number=number, count=count)
        elif key == "date_of_birth":
            label = _("Date of birth")
        elif key == "as_of":
            label = _("Date checked")
        else:
            label = _("Answers")
        labelled[key] = f"{label}: {message}"
    return labelled
