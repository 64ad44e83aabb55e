"""The words the law and the content share: care-leaver statuses and checker facts.

Content front matter (`who`, `conditions`) is validated against these sets, and the
rules engine decides them, so both sides can never drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Status(StrEnum):
    """A care-leaver status, in the order shown: from "in care now" to "not a care leaver"."""

    LOOKED_AFTER = "looked_after"  # Children Act 1989, s.22(1)
    ELIGIBLE = "eligible"  # Sch. 2 para 19B
    RELEVANT = "relevant"  # s.23A(2); Care Leavers (England) Regulations 2010, reg. 3
    FORMER_RELEVANT = "former_relevant"  # s.23C(1)
    QUALIFYING = "qualifying"  # s.24(1A), (1B)
    NONE = "none"


LOOKED_AFTER = Status.LOOKED_AFTER
ELIGIBLE = Status.ELIGIBLE
RELEVANT = Status.RELEVANT
FORMER_RELEVANT = Status.FORMER_RELEVANT
QUALIFYING = Status.QUALIFYING
NONE = Status.NONE

STATUSES: tuple[str, ...] = tuple(Status)

# Facts an entitlement may depend on beyond status and age. The rules decide a condition
# whenever the answers settle it (education and the personalising questions are asked; the
# care dates settle the others, and can rule out foster care at 18); an entitlement needing
# one they leave open is reported as "may also apply: ask your personal adviser".
IN_EDUCATION_OR_TRAINING = "in_education_or_training"
IN_HIGHER_EDUCATION = "in_higher_education"
IN_FOSTER_CARE_AT_18 = "in_foster_care_at_18"
LEAVING_RESIDENTIAL_CARE = "leaving_residential_care"
FULL_TIME_HIGHER_OR_RESIDENTIAL_EDUCATION = "full_time_higher_or_residential_education"
LOOKED_AFTER_AFTER_16 = "looked_after_after_16"
LOOKED_AFTER_12_MONTHS = "looked_after_12_months"
# The optional personalising questions: each is settled only when the young person answers
# yes or no. "Prefer not to say" and no answer leave it open, so nothing is ever hidden.
PARENT_OR_EXPECTING = "parent_or_expecting"
CAME_TO_UK_ALONE = "came_to_uk_alone"
DISABLED_OR_SEN = "disabled_or_special_educational_needs"
LIVES_OUTSIDE_COUNCIL_AREA = "lives_outside_council_area"
# The opposite answer to the same question, for support only given in the council's area
# (a condition list cannot say "not"): settled by the one answer, never asked on its own.
LIVES_IN_COUNCIL_AREA = "lives_in_council_area"
IN_CUSTODY = "in_custody"

CONDITIONS: dict[str, str] = {
    IN_EDUCATION_OR_TRAINING: "you are in education or training",
    IN_HIGHER_EDUCATION: "you are on a higher education course, such as a degree",
    IN_FOSTER_CARE_AT_18: "you were living with foster carers when you turned 18",
    LEAVING_RESIDENTIAL_CARE: "you lived in a children's home before leaving care",
    FULL_TIME_HIGHER_OR_RESIDENTIAL_EDUCATION: (
        "you study full time at university, or at a college where you live during term, and "
        "your term-time home is not available in the holidays"
    ),
    LOOKED_AFTER_AFTER_16: "you were looked after on or after your 16th birthday, before 18",
    LOOKED_AFTER_12_MONTHS: "you were looked after for 12 months or more without a break",
    PARENT_OR_EXPECTING: "you are a parent, or you or your partner are expecting a baby",
    CAME_TO_UK_ALONE: "you came to the UK on your own as a child",
    DISABLED_OR_SEN: "you are disabled or have special educational needs",
    LIVES_OUTSIDE_COUNCIL_AREA: "you live outside the area of the council that looked after you",
    LIVES_IN_COUNCIL_AREA: "you live in the area of the council that looked after you",
    IN_CUSTODY: "you are in custody, or leaving custody",
}

# The personalising questions (optional, tri-state), in the order they are asked: each is
# a field of the answers and the condition it settles (lives_in_council_area besides).
PERSONAL_QUESTIONS: tuple[str, ...] = (
    PARENT_OR_EXPECTING,
    CAME_TO_UK_ALONE,
    DISABLED_OR_SEN,
    LIVES_OUTSIDE_COUNCIL_AREA,
    IN_CUSTODY,
)

# Conditions the checker asks about directly.
ASKED_CONDITIONS: frozenset[str] = frozenset(
    {IN_EDUCATION_OR_TRAINING, IN_HIGHER_EDUCATION, *PERSONAL_QUESTIONS, LIVES_IN_COUNCIL_AREA}
)


@dataclass(frozen=True)
class Criteria:
    """Who an entitlement is for: the part of an entitlement the rules engine reads.

    Ages run from the `age_from` birthday to the day before the `age_to` birthday.
    `in_force_from` is None for law already in force; `commencement_pending` marks law
    passed but with no start date yet, which is never shown as current.
    """

    who: frozenset[str]
    age_from: int
    age_to: int
    conditions: frozenset[str] = frozenset()
    in_force_from: date | None = None
    commencement_pending: bool = False
