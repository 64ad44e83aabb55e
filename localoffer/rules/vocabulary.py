"""The words the law and the content share: care-leaver statuses and checker facts.

Content front matter (`who`, `conditions`) is validated against these sets, and the
rules engine decides them, so both sides can never drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

LOOKED_AFTER = "looked_after"
ELIGIBLE = "eligible"
RELEVANT = "relevant"
FORMER_RELEVANT = "former_relevant"
QUALIFYING = "qualifying"
NONE = "none"

# Order matters for display: from "in care now" to "no longer a care leaver".
STATUSES: tuple[str, ...] = (LOOKED_AFTER, ELIGIBLE, RELEVANT, FORMER_RELEVANT, QUALIFYING, NONE)

# Facts an entitlement may depend on beyond status and age. The first two are asked by the
# checker and the JSON API; the others cannot be known from the API's answers, so an
# entitlement needing them is reported as "may also apply: ask your personal adviser".
IN_EDUCATION_OR_TRAINING = "in_education_or_training"
IN_HIGHER_EDUCATION = "in_higher_education"
IN_FOSTER_CARE_AT_18 = "in_foster_care_at_18"
LEAVING_RESIDENTIAL_CARE = "leaving_residential_care"

CONDITIONS: dict[str, str] = {
    IN_EDUCATION_OR_TRAINING: "you are in education or training",
    IN_HIGHER_EDUCATION: "you are on a higher education course, such as a degree",
    IN_FOSTER_CARE_AT_18: "you were living with foster carers when you turned 18",
    LEAVING_RESIDENTIAL_CARE: "you lived in a children's home before leaving care",
}

# Conditions the checker asks about, so they can be decided rather than left to a PA.
ASKED_CONDITIONS: frozenset[str] = frozenset({IN_EDUCATION_OR_TRAINING, IN_HIGHER_EDUCATION})


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
