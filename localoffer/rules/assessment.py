"""What the status rules decide: the assessment, the birthdays it turns on, and the facts
about care that entitlements' conditions read. Data only; `status.py` decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from localoffer.rules.dates import ONE_DAY, birthday
from localoffer.rules.messages import Message
from localoffer.rules.parameters import Law
from localoffer.rules.reasons import Reason
from localoffer.rules.vocabulary import Status


class CareFacts(NamedTuple):
    """What the care dates settle for entitlements' conditions (see vocabulary.py)."""

    # Looked after (not on a short break) on the day checked, or the day before 18 if an
    # adult: only then can Staying Put apply (s.23CZA(2), via s.23C(1)(b)).
    in_care_at_18_possible: bool = False
    # Homelessness (Priority Need for Accommodation) (England) Order 2002, art. 4(1)(b).
    looked_after_after_16: bool = False
    # Junior ISA guidance: 12 months looked after without a break.
    looked_after_12_months: bool = False


@dataclass(frozen=True, init=False)
class Assessment:
    """A young person's care-leaver status on `on`, when it began and ends, and why.

    `status_since` is None when the law's start date depends on something not asked;
    `status_until` is the last day of the status where the law fixes it by age.
    """

    status: Status
    on: date
    status_since: date | None
    status_until: date | None
    days_looked_after_since_14: int
    reasons: tuple[Reason, ...]
    refer_to_adviser: tuple[Message, ...] = ()
    facts: CareFacts = CareFacts()  # noqa: RUF009 (an immutable named tuple)

    def __init__(
        self,
        status: Status,
        on: date,
        status_since: date | None,
        status_until: date | None,
        days_looked_after_since_14: int,
        reasons: tuple[Reason, ...],
        refer_to_adviser: tuple[Message, ...] = (),
        facts: CareFacts = CareFacts(),  # noqa: B008 (an immutable named tuple)
    ) -> None:
        # One update rather than a frozen __setattr__ per field: one is built per check, and
        # the benchmark makes tens of thousands a second.
        self.__dict__.update(
            status=status,
            on=on,
            status_since=status_since,
            status_until=status_until,
            days_looked_after_since_14=days_looked_after_since_14,
            reasons=reasons,
            refer_to_adviser=refer_to_adviser,
            facts=facts,
        )

    @property
    def legal_basis(self) -> tuple[str, ...]:
        """The distinct provisions behind the reasons, in the order they were used."""
        return tuple(dict.fromkeys(reason.legal_basis for reason in self.reasons))

    @property
    def refer_to_adviser_text(self) -> tuple[str, ...]:
        """What to ask a personal adviser about, in English."""
        return tuple(message.text for message in self.refer_to_adviser)


class Birthdays(NamedTuple):
    """The birthdays the law turns on, and the last day of childhood (s.105(1)).

    A named tuple: built once per check and read many times, so cheap to build and read.
    """

    b14: date
    b16: date
    b18: date
    b21: date
    b25: date
    # The day before the 18th birthday: the last day anyone can be looked after.
    last_child_day: date

    @classmethod
    def of(cls, date_of_birth: date, law: Law) -> Birthdays:
        """Birthdays for one date of birth (Family Law Reform Act 1969, s.9)."""
        year, month, day = date_of_birth.year, date_of_birth.month, date_of_birth.day
        if month == 2 and day == 29:
            # Only 29 February needs `birthday`'s rule for years without that day.
            return cls._of_ages(date_of_birth, law)
        b18 = date(year + law.child_until_age, month, day)
        return cls(
            date(year + law.counting_from_age, month, day),
            date(year + law.eligible_from_age, month, day),
            b18,
            date(year + law.qualifying_until_age, month, day),
            date(year + law.care_leaver_until_age, month, day),
            b18 - ONE_DAY,
        )

    @classmethod
    def _of_ages(cls, date_of_birth: date, law: Law) -> Birthdays:
        b18 = birthday(date_of_birth, law.child_until_age)
        return cls(
            birthday(date_of_birth, law.counting_from_age),
            birthday(date_of_birth, law.eligible_from_age),
            b18,
            birthday(date_of_birth, law.qualifying_until_age),
            birthday(date_of_birth, law.care_leaver_until_age),
            b18 - ONE_DAY,
        )
