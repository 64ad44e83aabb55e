"""A best answer for someone who is not sure of their dates.

Rough answers ("in care now", "in care after 16", "13 weeks or more") are turned into
care periods that fit them, so the same rules decide the status. Every guess made is
returned in words, and the result is shown as "ask your personal adviser to confirm".
"""

from __future__ import annotations

from datetime import date, timedelta

from flask_babel import gettext as _

from localoffer.rules import EARLIEST_DAY, Answers, CarePeriod, birthday, law_on

# A period well short of the 13 weeks, for "less than 13 weeks".
WELL_SHORT_DAYS = 30


def estimate_answers(
    date_of_birth: date,
    on: date,
    in_care_now: bool,
    care_after_16: str | None,
    time_in_care: str | None,
    flags: dict[str, bool],
) -> tuple[Answers, list[str]]:
    """Answers consistent with the rough replies, and the guesses made to get them."""
    assumptions: list[str] = []
    law = law_on(max(on, EARLIEST_DAY))
    ages = (law.counting_from_age, law.eligible_from_age, law.child_until_age)
    b14, b16, b18 = (birthday(date_of_birth, age) for age in ages)
    if time_in_care == "unsure":
        assumptions.append(_("You were not sure how long you were in care, so we have assumed "
                             "it was 13 weeks or more since your 14th birthday."))  # fmt: skip
    long_enough = time_in_care != "short"
    # Just on the line the law draws (13 weeks, as it stood on the day checked), or well short.
    just_enough = law.prescribed_period_days
    length = timedelta(days=(just_enough if long_enough else WELL_SHORT_DAYS) - 1)

    one_day = timedelta(days=1)
    if in_care_now:
        last = on
    elif care_after_16 == "no" or on <= b16:
        last = min(b16, on) - one_day
    else:
        # Leaving at 17 or at 18 leads to the same status today; the day before 18 (or
        # yesterday, if younger) fits both.
        last = min(b18 - one_day, on - one_day)
    if care_after_16 == "unsure" and not in_care_now:
        assumptions.append(_("You were not sure if you were in care after your 16th "
                             "birthday, so we have assumed you were."))  # fmt: skip
    start = max(date_of_birth, last - length)
    if b14 <= last:
        # Only days from the 14th birthday count, so a short span since then is the truth.
        start = max(start, b14)
    periods = () if last < start else (CarePeriod(start, None if in_care_now else last),)
    answers = Answers(date_of_birth=date_of_birth, care_periods=periods, **flags)
    return answers, assumptions
