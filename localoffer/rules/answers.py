"""A young person's answers, and the one place JSON-shaped input becomes them.

`parse_answers` checks everything the JSON API contract (docs/architecture.md) allows and names
every problem against the field that has it, so the web layer can show them all at once. Each
problem is a `Message`, so the web layer can show it in the reader's language while the API
keeps its English.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, TypedDict

from localoffer.rules.dates import age_on, birthday
from localoffer.rules.messages import N_, NP_, Message
from localoffer.rules.parameters import EARLIEST_DAY, law_on
from localoffer.rules.vocabulary import PERSONAL_QUESTIONS

MAX_CARE_PERIODS = 50
MAX_AGE_YEARS = 120
# Far enough ahead to plan past a 25th birthday, near enough that date arithmetic never
# leaves the calendar.
MAX_YEARS_AHEAD = 25

FLAGS: tuple[str, ...] = (
    "detained_or_in_hospital_on_16th_birthday",
    "special_guardianship_order",
    "lived_with_parent_6_months",
    "in_education_or_training",
    "in_higher_education",
)
FIELDS: frozenset[str] = frozenset(
    {"date_of_birth", "as_of", "care_periods", *FLAGS, *PERSONAL_QUESTIONS}
)
PERIOD_FIELDS: frozenset[str] = frozenset({"start", "end", "short_break"})

_NOT_AN_OBJECT = Message(
    N_('Send your answers as a JSON object, for example {"date_of_birth": "2007-05-01"}')
)

# fromisoformat alone would also take 20210601 or 2021-W22; the contract is YYYY-MM-DD only,
# and [0-9] rather than \d keeps out other scripts' digits.
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True)
class CarePeriod:
    """A time looked after: `end` is the last day looked after, None while still looked after."""

    start: date
    end: date | None
    short_break: bool = False


@dataclass(frozen=True)
class Answers:
    """What the checker asks a young person; only the date of birth is required."""

    date_of_birth: date
    care_periods: tuple[CarePeriod, ...] = ()
    detained_or_in_hospital_on_16th_birthday: bool = False
    special_guardianship_order: bool = False
    lived_with_parent_6_months: bool = False
    in_education_or_training: bool = False
    in_higher_education: bool = False
    # The optional personalising questions (vocabulary.PERSONAL_QUESTIONS): None is "not
    # answered" or "prefer not to say", which leaves every condition on it open.
    parent_or_expecting: bool | None = None
    came_to_uk_alone: bool | None = None
    disabled_or_special_educational_needs: bool | None = None
    lives_outside_council_area: bool | None = None
    in_custody: bool | None = None

    @property
    def in_education(self) -> bool:
        """In education or training, counting higher education (Children Act 1989,
        s.23C(5A), s.24B(2), (3)): the one place the rules decide it."""
        return self.in_education_or_training or self.in_higher_education


class PersonalAnswers(TypedDict):
    """The optional questions' answers, as `Answers` holds them (None: not answered)."""

    parent_or_expecting: bool | None
    came_to_uk_alone: bool | None
    disabled_or_special_educational_needs: bool | None
    lives_outside_council_area: bool | None
    in_custody: bool | None


class InvalidAnswers(ValueError):
    """The answers cannot be checked: each field path mapped to what to do about it.

    `messages` holds the translatable messages; `errors` the same in English, as the JSON API
    and the CLI give them.
    """

    def __init__(self, problems: Mapping[str, Message | str]) -> None:
        # Callers outside the rules may raise it with problems they have already worded, in
        # the reader's language: those are kept exactly as given, never looked up again.
        self.messages: dict[str, Message] = {
            field: problem if isinstance(problem, Message) else Message.verbatim(problem)
            for field, problem in problems.items()
        }
        self.errors: dict[str, str] = {
            field: message.text for field, message in self.messages.items()
        }
        super().__init__("; ".join(f"{field}: {text}" for field, text in self.errors.items()))


def parse_answers(data: object, today: date) -> tuple[Answers, date]:
    """Turn a JSON API body into Answers and the date to check them on (docs/architecture.md)."""
    if not isinstance(data, dict):
        raise InvalidAnswers({"body": _NOT_AN_OBJECT})
    errors: dict[str, Message] = {}
    _reject_unknown(data, FIELDS, "", errors)

    date_of_birth = _required_date(data, "date_of_birth", "", errors, _DOB_WORDS)
    as_of = _optional_as_of(data, today, errors)
    flags = {name: _boolean(data, name, name, errors) for name in FLAGS}
    personal = PersonalAnswers(
        parent_or_expecting=_optional_boolean(data, "parent_or_expecting", errors),
        came_to_uk_alone=_optional_boolean(data, "came_to_uk_alone", errors),
        disabled_or_special_educational_needs=_optional_boolean(
            data, "disabled_or_special_educational_needs", errors
        ),
        lives_outside_council_area=_optional_boolean(data, "lives_outside_council_area", errors),
        in_custody=_optional_boolean(data, "in_custody", errors),
    )
    periods = _care_periods(data.get("care_periods", []), errors)

    if date_of_birth is not None:
        _check_date_of_birth(date_of_birth, as_of, today, errors)
    if as_of is not None and as_of < EARLIEST_DAY and "as_of" not in errors:
        # The law before then (the 2001 regulations) is not encoded: never apply later law.
        errors["as_of"] = Message(
            N_("The date to check (as_of) must be on or after %(earliest)s"),
            earliest=EARLIEST_DAY,
        )
    # A wrong date of birth or as_of would make every period look wrong too: name it once.
    if (
        date_of_birth is not None
        and as_of is not None
        and not {"date_of_birth", "as_of"} & set(errors)
    ):
        _check_periods_against_dates(periods, date_of_birth, as_of, errors)
    _check_periods_together(periods, as_of, errors)
    if flags["special_guardianship_order"] and not periods and "care_periods" not in errors:
        # s.24(1A) covers only an order made when the child was looked after: without the
        # care before it, "qualifying" would rest on something the answers do not show.
        errors["special_guardianship_order"] = Message(
            N_(
                "Add the time you were looked after before the special guardianship order was "
                "made: the order counts only if it was made when you were looked after"
            )
        )

    if errors or date_of_birth is None or as_of is None:
        raise InvalidAnswers(errors)
    answers = Answers(
        date_of_birth=date_of_birth,
        care_periods=tuple(period for _, period in periods),
        **flags,
        **personal,
    )
    return answers, as_of


@dataclass(frozen=True)
class _DateWords:
    """What to say when a date field is missing (None: it may be left out) or malformed.

    Each field has whole sentences of its own, so translators never join a name to a phrase.
    The example is a value, not words: it must stay YYYY-MM-DD in every language.
    """

    missing: Message | None
    malformed: Message


_DOB_WORDS = _DateWords(
    Message(N_("Enter your date of birth")),
    Message(
        N_("Date of birth must be a real date written as YYYY-MM-DD, for example %(example)s"),
        example="2007-05-01",
    ),
)
_AS_OF_WORDS = _DateWords(
    None,
    Message(
        N_(
            "The date to check (as_of) must be a real date written as YYYY-MM-DD, "
            "for example %(example)s"
        ),
        example="2026-11-23",
    ),
)
_START_WORDS = _DateWords(
    Message(N_("Enter the date this period of care started")),
    Message(
        N_("The start date must be a real date written as YYYY-MM-DD, for example %(example)s"),
        example="2021-06-01",
    ),
)
_END_MISSING = Message(
    N_("Enter the last day of this period of care, or null if you are still looked after")
)
_END_WORDS = _DateWords(
    _END_MISSING,
    Message(
        N_("The end date must be a real date written as YYYY-MM-DD, for example %(example)s"),
        example="2025-04-30",
    ),
)


def _reject_unknown(
    data: dict[Any, Any], allowed: frozenset[str], prefix: str, errors: dict[str, Message]
) -> None:
    """Unknown fields are rejected, not ignored: a misspelt answer must not silently vanish."""
    for key in data:
        if key not in allowed:
            name = str(key)
            errors[f"{prefix}{name}"] = Message(
                N_(
                    "Remove the field %(field)s: the checker does not ask for it. "
                    "The fields it accepts are %(accepted)s"
                ),
                # Field names are the API's own words, quoted as code: never translated.
                field=repr(name),
                accepted=", ".join(sorted(allowed)),
            )


def _parse_date(value: object) -> date | None:
    """A YYYY-MM-DD string as a real calendar date, or None."""
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _required_date(
    data: dict[Any, Any], key: str, prefix: str, errors: dict[str, Message], words: _DateWords
) -> date | None:
    """A date that must be given; None (with an error) when missing or malformed."""
    value = data.get(key)
    if value is None:
        assert words.missing is not None, "only a required date is read here"
        errors[prefix + key] = words.missing
        return None
    return _date_value(value, prefix + key, errors, words)


def _date_value(
    value: object, path: str, errors: dict[str, Message], words: _DateWords
) -> date | None:
    """A present date value, checked for shape and for being on the calendar."""
    parsed = _parse_date(value)
    if parsed is None:
        errors[path] = words.malformed
    return parsed


def _optional_as_of(data: dict[Any, Any], today: date, errors: dict[str, Message]) -> date | None:
    """The date to check on: today unless given (docs/architecture.md, JSON API)."""
    value = data.get("as_of")
    if value is None:
        return today
    as_of = _date_value(value, "as_of", errors, _AS_OF_WORDS)
    if as_of is not None and as_of > birthday(today, MAX_YEARS_AHEAD):
        errors["as_of"] = Message.counted(
            NP_(
                "The date to check (as_of) must be no more than %(years)s year from today",
                "The date to check (as_of) must be no more than %(years)s years from today",
            ),
            "years",
            years=MAX_YEARS_AHEAD,
        )
        return None
    return as_of


def _boolean(data: dict[Any, Any], key: str, path: str, errors: dict[str, Message]) -> bool:
    """A yes/no answer: only JSON true or false, so "false" is never read as yes."""
    value = data.get(key, False)
    if isinstance(value, bool):
        return value
    errors[path] = Message(N_("Answer %(field)s with true or false, without quotes"), field=key)
    return False


def _optional_boolean(data: dict[Any, Any], key: str, errors: dict[str, Message]) -> bool | None:
    """A question the young person may leave unanswered: true, false, or null (or absent)."""
    value = data.get(key)
    if value is None or isinstance(value, bool):
        return value
    errors[key] = Message(
        N_("Answer %(field)s with true, false or null (not answered), without quotes"),
        field=key,
    )
    return None


def _care_periods(value: object, errors: dict[str, Message]) -> list[tuple[int, CarePeriod]]:
    """The well-formed care periods with their positions; problems recorded per field."""
    if not isinstance(value, list):
        errors["care_periods"] = Message(
            N_(
                'Enter care_periods as a list, for example [{"start": "2021-06-01", '
                '"end": null}], or leave it out if you have never been looked after'
            )
        )
        return []
    if len(value) > MAX_CARE_PERIODS:
        errors["care_periods"] = Message.counted(
            NP_(
                "Enter no more than %(count)s period of care. If you have had more, "
                "ask your personal adviser to check your status with you",
                "Enter no more than %(count)s periods of care. If you have had more, "
                "ask your personal adviser to check your status with you",
            ),
            "count",
            count=MAX_CARE_PERIODS,
        )
        return []
    periods = []
    for index, item in enumerate(value):
        period = _care_period(item, f"care_periods[{index}]", errors)
        if period is not None:
            periods.append((index, period))
    return periods


def _care_period(item: object, path: str, errors: dict[str, Message]) -> CarePeriod | None:
    """One period of care, or None (with errors) if any of its fields is wrong."""
    if not isinstance(item, dict):
        errors[path] = Message(
            N_(
                'Enter each period of care as an object, for example {"start": "2021-06-01", '
                '"end": "2025-04-30"}'
            )
        )
        return None
    before = len(errors)
    _reject_unknown(item, PERIOD_FIELDS, f"{path}.", errors)
    start = _required_date(item, "start", f"{path}.", errors, _START_WORDS)
    end: date | None = None
    if "end" not in item:
        # A missing end is not read as "still looked after": only an explicit null says so.
        errors[f"{path}.end"] = _END_MISSING
    elif item["end"] is not None:
        end = _date_value(item["end"], f"{path}.end", errors, _END_WORDS)
    short_break = _boolean(item, "short_break", f"{path}.short_break", errors)
    if len(errors) > before or start is None:
        return None
    if end is not None and end < start:
        errors[f"{path}.end"] = Message(
            N_("The end date must be the same as or after the start date")
        )
        return None
    return CarePeriod(start=start, end=end, short_break=short_break)


def _check_date_of_birth(
    date_of_birth: date, as_of: date | None, today: date, errors: dict[str, Message]
) -> None:
    """Birth must be in the past, and not implausibly long before the date checked."""
    if date_of_birth > today:
        errors["date_of_birth"] = Message(N_("Date of birth must be today or in the past"))
    elif as_of is not None and as_of < date_of_birth:
        errors["as_of"] = Message(
            N_("The date to check (as_of) must be the same as or after the date of birth")
        )
    elif as_of is not None and age_on(date_of_birth, as_of) >= MAX_AGE_YEARS:
        errors["date_of_birth"] = Message.counted(
            NP_(
                "Date of birth must be less than %(years)s year before the date to check",
                "Date of birth must be less than %(years)s years before the date to check",
            ),
            "years",
            years=MAX_AGE_YEARS,
        )


def _check_periods_against_dates(
    periods: list[tuple[int, CarePeriod]],
    date_of_birth: date,
    as_of: date,
    errors: dict[str, Message],
) -> None:
    """Care happens after birth and, as far as anyone can say, no later than the date checked."""
    for index, period in periods:
        path = f"care_periods[{index}]"
        if period.start < date_of_birth:
            errors[f"{path}.start"] = Message(
                N_("The start date must be the same as or after the date of birth")
            )
        elif period.start > as_of:
            errors[f"{path}.start"] = Message(
                N_("The start date must be on or before %(checked_on)s, the date being checked"),
                checked_on=as_of,
            )
        if period.end is not None and period.end > as_of:
            errors[f"{path}.end"] = Message(
                N_(
                    "The end date must be on or before %(checked_on)s, the date being checked. "
                    "If you are still looked after, enter null"
                ),
                checked_on=as_of,
            )


def _check_periods_together(
    periods: list[tuple[int, CarePeriod]], as_of: date | None, errors: dict[str, Message]
) -> None:
    """Short breaks are short, only the latest period may be ongoing, and no two overlap."""
    ordered = sorted(periods, key=lambda indexed: (indexed[1].start, indexed[0]))
    # reg. 48(1)(a) as it stood on the day checked (today's law if that date was wrong).
    max_break_days = law_on(max(as_of or EARLIEST_DAY, EARLIEST_DAY)).short_break_max_days
    not_ongoing = []
    for position, (index, period) in enumerate(ordered):
        path = f"care_periods[{index}]"
        if period.end is None and position < len(ordered) - 1:
            errors[f"{path}.end"] = Message(
                N_(
                    "Only your most recent period of care can still be going on. "
                    "Enter the last day of this period of care"
                )
            )
            # It would overlap every later period too; one message says all there is to fix.
            continue
        not_ongoing.append((index, period))
        last_day = period.end if period.end is not None else as_of
        too_long = last_day is not None and (last_day - period.start).days >= max_break_days
        if period.short_break and too_long:
            errors[f"{path}.short_break"] = Message.counted(
                NP_(
                    "A short break lasts %(days)s day or fewer. If this stay was "
                    "longer, it was not a short break: set short_break to false",
                    "A short break lasts %(days)s days or fewer. If this stay was "
                    "longer, it was not a short break: set short_break to false",
                ),
                "days",
                days=max_break_days,
            )
    _check_overlaps(not_ongoing, errors)


def _check_overlaps(ordered: list[tuple[int, CarePeriod]], errors: dict[str, Message]) -> None:
    """No day can be in two periods of care (periods sorted by start)."""
    reaching: CarePeriod | None = None  # the period so far that ends latest
    for index, period in ordered:
        if reaching is not None and (reaching.end is None or period.start <= reaching.end):
            errors.setdefault(
                f"care_periods[{index}]",
                Message(
                    N_(
                        "This period of care overlaps the one starting %(start)s. "
                        "Change the dates so that no day is in two periods"
                    ),
                    start=reaching.start,
                ),
            )
        if reaching is None or (
            reaching.end is not None and (period.end is None or period.end > reaching.end)
        ):
            reaching = period
