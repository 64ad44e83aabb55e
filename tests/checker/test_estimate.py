"""Rough answers become care periods that lead the rules to the status they describe."""

from __future__ import annotations

from datetime import date

import pytest
from flask import Flask

from localoffer.checker.estimate import estimate_answers
from localoffer.rules import assess

ON = date(2026, 11, 23)
NO_FLAGS = {
    "detained_or_in_hospital_on_16th_birthday": False,
    "special_guardianship_order": False,
    "lived_with_parent_6_months": False,
    "in_education_or_training": False,
    "in_higher_education": False,
}

# (case, date of birth, in care now, care after 16, time in care, flags, status, guesses)
CASES = [
    ("17, in care a long time: eligible (Sch.2 para 19B)",
     date(2009, 1, 1), True, None, "long", {}, "eligible", 0),
    ("17, in care a short time: looked after (s.22)",
     date(2009, 1, 1), True, None, "short", {}, "looked_after", 0),
    ("15, in care: looked after, not yet 16 (Sch.2 para 19B)",
     date(2011, 6, 1), True, None, "long", {}, "looked_after", 0),
    ("17, left after 16 after a long time: relevant (s.23A(2))",
     date(2009, 1, 1), False, "yes", "long", {}, "relevant", 0),
    ("17, left after 16 after a short time: qualifying (s.24(1A))",
     date(2009, 1, 1), False, "yes", "short", {}, "qualifying", 0),
    ("20, left after 16 after a long time: former relevant (s.23C(1))",
     date(2006, 3, 3), False, "yes", "long", {}, "former_relevant", 0),
    ("20, unsure of both: assumed former relevant, two guesses said (s.23C(1))",
     date(2006, 3, 3), False, "unsure", "unsure", {}, "former_relevant", 2),
    ("20, only in care before 16: not a care leaver",
     date(2006, 3, 3), False, "no", None, {}, "none", 0),
    ("19, special guardianship after care: qualifying (s.24(1A)(b))",
     date(2007, 8, 8), False, "no", None, {"special_guardianship_order": True}, "qualifying", 0),
    ("17, lived 6 months with a parent: not relevant (Care Leavers Regs 2010 reg.3(3))",
     date(2009, 1, 1), False, "yes", "long", {"lived_with_parent_6_months": True},
     "qualifying", 0),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "dob", "now", "after_16", "time", "flags", "status", "guesses"), CASES,
    ids=[c[0] for c in CASES],
)  # fmt: skip
def test_rough_answers_lead_to_the_status_they_describe(
    app: Flask, case: str, dob: date, now: bool, after_16: str | None, time: str | None,
    flags: dict, status: str, guesses: int,
) -> None:  # fmt: skip
    """Each combination of rough replies gives the expected status, and says what it guessed."""
    with app.test_request_context():
        answers, assumptions = estimate_answers(dob, ON, now, after_16, time, {**NO_FLAGS, **flags})
    assert assess(answers, on=ON).status == status
    assert len(assumptions) == guesses
