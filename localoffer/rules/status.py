"""Care-leaver status: which of the law's categories a young person is in on a given day.

The decision runs in two stages. `_child_route` says where a person stood on one day while
they were a child (looked after, eligible, relevant, qualifying or none), and `assess` uses it
for children on the day asked about, and for adults on the day before their 18th birthday,
because every adult status (former relevant, qualifying) is fixed by what happened by then.
Short breaks are left out of every step (CPPCR Regulations 2010, regs 40 and 48).

Every reason is a whole sentence of its own (a `Message`), never pieced together from
fragments, so each can be translated as a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from localoffer.rules.answers import Answers
from localoffer.rules.dates import ONE_DAY, age_on, birthday
from localoffer.rules.messages import N_, Message
from localoffer.rules.periods import (
    THIRTEEN_WEEKS,
    DayRange,
    counted_ranges,
    day_count_reached,
    days_in,
)
from localoffer.rules.vocabulary import (
    ELIGIBLE,
    FORMER_RELEVANT,
    LOOKED_AFTER,
    NONE,
    QUALIFYING,
    RELEVANT,
)

CA_S22 = "Children Act 1989, s.22(1)"
CA_SCH2_19B = "Children Act 1989, Sch. 2 para 19B"
CPPCR_REG40 = "Care Planning, Placement and Case Review (England) Regulations 2010, reg. 40"
CPPCR_REG48 = "Care Planning, Placement and Case Review (England) Regulations 2010, reg. 48"
CA_S23A = "Children Act 1989, s.23A(2)"
CLR_REG3_2 = "Care Leavers (England) Regulations 2010, reg. 3(2)"
CLR_REG3_3 = "Care Leavers (England) Regulations 2010, reg. 3(3) and (4)"
CA_S23C = "Children Act 1989, s.23C(1)"
CA_S23CZB = "Children Act 1989, s.23CZB"
CA_S24_1A = "Children Act 1989, s.24(1A)"
CA_S24_1B = "Children Act 1989, s.24(1B)"
CA_S24B_3 = "Children Act 1989, s.24B(3)"
CA_S105 = "Children Act 1989, s.105(1)"

# Care-leaver duties end by these ages: relevant and eligible at 18 (s.105(1): a child is
# under 18), qualifying at 21 (s.24(1A), (1B)), and everything at 25 (s.23CZB, s.24B(3)).
CHILD_UNTIL = 18
QUALIFYING_UNTIL = 21
CARE_LEAVER_UNTIL = 25

# s.24(2) routes the checker does not ask about, so it must not answer "none" silently.
NOT_ASKED_QUALIFYING_ROUTES = Message(
    N_(
        "If after your 16th birthday you were privately fostered, or lived for 3 months or more "
        "in a hospital, a care home, or a school or college that gave you somewhere to live, you "
        "may still qualify for advice and assistance: ask the council's leaving care team."
    )
)
DETENTION_CHECKS = Message(
    N_(
        "Ask your personal adviser to confirm you are a relevant child: this applies only if you "
        "are not on a care order and you went into custody or hospital straight from care."
    )
)


@dataclass(frozen=True)
class Reason:
    """One step of the decision, in words for the young person, with the law behind it."""

    message: Message
    legal_basis: str

    @property
    def text(self) -> str:
        """The reason in English, as the JSON API and the CLI give it."""
        return self.message.text


@dataclass(frozen=True)
class Assessment:
    """A young person's care-leaver status on `on`, when it began and ends, and why.

    `status_since` is None when the law's start date depends on something not asked;
    `status_until` is the last day of the status where the law fixes it by age.
    """

    status: str
    on: date
    status_since: date | None
    status_until: date | None
    days_looked_after_since_14: int
    reasons: tuple[Reason, ...]
    refer_to_adviser: tuple[Message, ...] = ()

    @property
    def legal_basis(self) -> tuple[str, ...]:
        """The distinct provisions behind the reasons, in the order they were used."""
        return tuple(dict.fromkeys(reason.legal_basis for reason in self.reasons))

    @property
    def refer_to_adviser_text(self) -> tuple[str, ...]:
        """What to ask a personal adviser about, in English."""
        return tuple(message.text for message in self.refer_to_adviser)


@dataclass(frozen=True)
class Birthdays:
    """The birthdays the law turns on, and the last day of childhood."""

    b14: date
    b16: date
    b18: date
    b21: date
    b25: date

    @classmethod
    def of(cls, date_of_birth: date) -> Birthdays:
        """Birthdays for one date of birth (Family Law Reform Act 1969, s.9)."""
        return cls(*(birthday(date_of_birth, age) for age in (14, 16, 18, 21, 25)))

    @property
    def last_child_day(self) -> date:
        """The day before the 18th birthday: the last day anyone can be looked after (s.105(1))."""
        return self.b18 - ONE_DAY


@dataclass(frozen=True)
class _Route:
    """Where a person stood on one day as a child, and the dates that decided it."""

    status: str
    route: str
    since: date | None = None
    left_on: date | None = None


@dataclass(frozen=True)
class _Finding:
    """A status with its dates and the reasons for it."""

    status: str
    since: date | None
    until: date | None
    reasons: tuple[Reason, ...]
    refer: tuple[Message, ...] = ()


def assess(answers: Answers, on: date) -> Assessment:
    """Decide the care-leaver status on `on` (Children Act 1989, ss.22-24; Sch. 2 para 19B)."""
    days_of = Birthdays.of(answers.date_of_birth)
    counted_until = min(on, days_of.last_child_day)
    ranges = counted_ranges(answers.care_periods, counted_until)
    days = days_in(ranges, days_of.b14, counted_until)
    age = age_on(answers.date_of_birth, on)

    if age >= CARE_LEAVER_UNTIL:
        finding = _past_25(days_of)
    elif age >= CHILD_UNTIL:
        route = _child_route(answers, ranges, days_of.last_child_day, days_of)
        finding = _as_adult(route, answers, on, days_of)
    else:
        route = _child_route(answers, ranges, on, days_of)
        finding = _as_child(route, answers, on, days, days_of)

    reasons = (
        *_counting_reasons(answers, on, days, days_of),
        *_detention_not_enough(answers, ranges, on, days_of),
        *finding.reasons,
    )
    return Assessment(
        status=finding.status,
        on=on,
        status_since=finding.since,
        status_until=finding.until,
        days_looked_after_since_14=days,
        reasons=reasons,
        refer_to_adviser=finding.refer,
    )


# -- where a child stands ---------------------------------------------------------------


def is_looked_after_on(ranges: tuple[DayRange, ...], day: date) -> bool:
    """Whether `day` is a day looked after; ranges are cut at `day` (Children Act 1989, s.22(1))."""
    return bool(ranges) and ranges[-1][0] <= day <= ranges[-1][1]


def is_eligible_child(ranges: tuple[DayRange, ...], day: date, days_of: Birthdays) -> bool:
    """Looked after at 16 or 17 with 13 weeks since 14 (Sch. 2 para 19B(2); CPPCR reg. 40)."""
    return (
        days_of.b16 <= day <= days_of.last_child_day
        and is_looked_after_on(ranges, day)
        and days_in(ranges, days_of.b14, day) >= THIRTEEN_WEEKS
    )


def was_eligible_on_leaving(ranges: tuple[DayRange, ...], days_of: Birthdays) -> bool:
    """An eligible child on the last day looked after (Children Act 1989, s.23A(2)(b))."""
    return bool(ranges) and is_eligible_child(ranges, ranges[-1][1], days_of)


def is_relevant_by_detention(
    answers: Answers, ranges: tuple[DayRange, ...], days_of: Birthdays
) -> bool:
    """In custody or hospital at 16 after 13 weeks in care since 14 (CL Regs 2010 reg. 3(2))."""
    before_16 = days_of.b16 - ONE_DAY
    return (
        answers.detained_or_in_hospital_on_16th_birthday
        and not any(first <= days_of.b16 <= last for first, last in ranges)
        and days_in(ranges, days_of.b14, before_16) >= THIRTEEN_WEEKS
    )


def was_looked_after_from_16(ranges: tuple[DayRange, ...], days_of: Birthdays) -> bool:
    """Looked after on or after the 16th birthday while a child (Children Act 1989, s.24(1B)(b))."""
    return bool(ranges) and ranges[-1][1] >= days_of.b16


def _child_route(
    answers: Answers, ranges: tuple[DayRange, ...], day: date, days_of: Birthdays
) -> _Route:
    """Status on `day` (under 18), from ranges cut at `day` (s.22; Sch. 2 para 19B; ss.23A, 24)."""
    if is_looked_after_on(ranges, day):
        return _in_care_route(ranges, day, days_of)
    if day < days_of.b16:
        return _Route(NONE, "left_before_16" if ranges else "never")
    left_on = ranges[-1][1] if ranges else None
    parent = answers.lived_with_parent_6_months
    if was_eligible_on_leaving(ranges, days_of):
        if not parent:
            assert left_on is not None
            return _Route(RELEVANT, "relevant", since=left_on + ONE_DAY, left_on=left_on)
        # reg. 3(3): no longer relevant, but still a person who left care after 16 (s.24(1B)),
        # from a date six months or more after leaving that the checker does not ask.
        return _Route(QUALIFYING, "parent", since=None, left_on=left_on)
    if is_relevant_by_detention(answers, ranges, days_of) and not parent:
        return _Route(RELEVANT, "detained", since=days_of.b16, left_on=left_on)
    if answers.special_guardianship_order:
        # The order ended the care it followed, so it cannot predate the last day looked after.
        since = max(days_of.b16, left_on + ONE_DAY) if left_on else days_of.b16
        return _Route(QUALIFYING, "special_guardianship", since=since, left_on=left_on)
    if was_looked_after_from_16(ranges, days_of):
        assert left_on is not None
        return _Route(QUALIFYING, "left_after_16", since=left_on + ONE_DAY, left_on=left_on)
    return _Route(NONE, "left_before_16" if ranges else "never", left_on=left_on)


def _in_care_route(ranges: tuple[DayRange, ...], day: date, days_of: Birthdays) -> _Route:
    """Looked after on `day`: eligible once 16 with 13 weeks since 14, else looked after (s.22)."""
    current_start = ranges[-1][0]
    if not is_eligible_child(ranges, day, days_of):
        route = "under_16" if day < days_of.b16 else "counting"
        return _Route(LOOKED_AFTER, route, since=current_start)
    reached = day_count_reached(ranges, days_of.b14, THIRTEEN_WEEKS)
    assert reached is not None
    return _Route(ELIGIBLE, "eligible", since=max(days_of.b16, reached, current_start))


# -- children: the status today -----------------------------------------------------------


def _as_child(route: _Route, answers: Answers, on: date, days: int, days_of: Birthdays) -> _Finding:
    """A child's status on `on`, with reasons in the present tense (ss.22-24; Sch. 2 para 19B)."""
    last_child_day = days_of.last_child_day
    become_former_relevant = Reason(
        Message(
            N_(
                "From your 18th birthday (%(birthday_18)s) you will be a former relevant "
                "child, with support until the day before your 25th birthday."
            ),
            birthday_18=days_of.b18,
        ),
        CA_S23C,
    )
    match route.route:
        case "under_16":
            return _Finding(LOOKED_AFTER, route.since, last_child_day, (_under_16_reason(days_of),))
        case "counting":
            return _Finding(
                LOOKED_AFTER, route.since, last_child_day, (_counting_on(on, days, days_of),)
            )
        case "eligible":
            assert route.since is not None
            text = Message(
                N_(
                    "You are 16 or over and looked after now, and you have been looked after "
                    "for at least 13 weeks since your 14th birthday, so you are an eligible "
                    "child (since %(since)s) until you leave care or turn 18."
                ),
                since=route.since,
            )
            return _Finding(
                ELIGIBLE,
                route.since,
                last_child_day,
                (Reason(text, CA_SCH2_19B), become_former_relevant),
            )
        case "relevant":
            assert route.left_on is not None
            text = Message(
                N_(
                    "Your last day looked after was %(left_on)s, after your 16th birthday, and "
                    "you were an eligible child then, so you are a relevant child until the day "
                    "before your 18th birthday (%(last_child_day)s)."
                ),
                left_on=route.left_on,
                last_child_day=last_child_day,
            )
            return _Finding(
                RELEVANT,
                route.since,
                last_child_day,
                (Reason(text, CA_S23A), become_former_relevant),
            )
        case "detained":
            return _Finding(
                RELEVANT,
                route.since,
                last_child_day,
                (_detention_reason(days_of, now=True), become_former_relevant),
                (DETENTION_CHECKS,),
            )
        case "parent" | "special_guardianship" | "left_after_16":
            return _qualifying(route, days_of, _in_education(answers), adult=False)
        case _:
            return _not_a_care_leaver(route, on, days_of)


def _under_16_reason(days_of: Birthdays) -> Reason:
    """Looked after, and not yet old enough to be eligible (Children Act 1989, s.22(1))."""
    return Reason(
        Message(
            N_(
                "You are looked after now and you are under 16, so you are a looked-after child. "
                "If you are still looked after on or after your 16th birthday (%(birthday_16)s) "
                "and have been looked after for 13 weeks (91 days) since your 14th birthday, you "
                "will be an eligible child."
            ),
            birthday_16=days_of.b16,
        ),
        CA_S22,
    )


def _counting_on(on: date, days: int, days_of: Birthdays) -> Reason:
    """When a looked-after 16 or 17 year old would reach 13 weeks (Sch. 2 para 19B(2))."""
    eligible_from = on + ONE_DAY * (THIRTEEN_WEEKS - days)
    if eligible_from <= days_of.last_child_day:
        text = Message(
            N_(
                "You are looked after now, but you have not yet been looked after for 13 weeks "
                "since your 14th birthday, so you are not yet an eligible child. If you are "
                "still looked after on %(eligible_from)s, you will be an eligible child from then."
            ),
            eligible_from=eligible_from,
        )
    else:
        text = Message(
            N_(
                "You are looked after now, but you cannot reach 13 weeks looked after since your "
                "14th birthday before you turn 18, so you will not be an eligible child. When you "
                "leave care you will qualify for advice and assistance until you are 21."
            )
        )
    return Reason(text, CA_SCH2_19B)


def _detention_reason(days_of: Birthdays, now: bool) -> Reason:
    """Relevant because detained or in hospital at 16 (Care Leavers Regs 2010 reg. 3(2))."""
    if now:
        text = Message(
            N_(
                "You told us you were in custody or in hospital on your 16th birthday, and "
                "before that you had been looked after for at least 13 weeks since your 14th "
                "birthday, so you are a relevant child until the day before your 18th birthday "
                "(%(last_child_day)s)."
            ),
            last_child_day=days_of.last_child_day,
        )
    else:
        text = Message(
            N_(
                "You told us you were in custody or in hospital on your 16th birthday, and "
                "before that you had been looked after for at least 13 weeks since your 14th "
                "birthday, so you were a relevant child, and became a former relevant child on "
                "your 18th birthday (%(birthday_18)s)."
            ),
            birthday_18=days_of.b18,
        )
    return Reason(text, CLR_REG3_2)


def _qualifying(route: _Route, days_of: Birthdays, in_education: bool, adult: bool) -> _Finding:
    """A person qualifying for advice and assistance (Children Act 1989, s.24(1A), (1B))."""
    reasons: list[Reason] = []
    if route.route == "parent":
        reasons.append(_parent_reason(adult))
    until_21 = days_of.b21 - ONE_DAY
    if route.route == "special_guardianship":
        text = Message(
            N_(
                "You told us you are on a special guardianship order (or were when you turned "
                "18) that was made when you were looked after, so you qualify for advice and "
                "assistance from your 16th birthday until the day before your 21st birthday "
                "(%(until_21)s)."
            ),
            until_21=until_21,
        )
        basis = CA_S24_1A
    elif adult and route.route == "in_care_at_18":
        text = Message(
            N_(
                "You were looked after when you turned 18, but you had been looked after for "
                "less than 13 weeks since your 14th birthday, so you were not an eligible child. "
                "Care ends at 18, so you qualify for advice and assistance from your 18th "
                "birthday (%(birthday_18)s) until the day before your 21st birthday "
                "(%(until_21)s)."
            ),
            birthday_18=days_of.b18,
            until_21=until_21,
        )
        basis = CA_S24_1B
    else:
        # Only the "parent" and "left_after_16" routes are left, and both come from a last
        # day in care, so there is always a date to name.
        assert route.left_on is not None
        text = Message(
            N_(
                "You were looked after on or after your 16th birthday and your last day looked "
                "after was %(left_on)s, so you qualify for advice and assistance until the day "
                "before your 21st birthday (%(until_21)s)."
            ),
            left_on=route.left_on,
            until_21=until_21,
        )
        basis = CA_S24_1B
    reasons.append(Reason(text, basis))
    until = days_of.b21 - ONE_DAY
    if in_education:
        until = days_of.b25 - ONE_DAY
        reasons.append(_education_to_25_reason(days_of))
    return _Finding(QUALIFYING, route.since, until, tuple(reasons))


def _in_education(answers: Answers) -> bool:
    """Higher education is education too (Children Act 1989, s.24B(2), (3))."""
    return answers.in_education_or_training or answers.in_higher_education


def _education_to_25_reason(days_of: Birthdays) -> Reason:
    """Help with education or training continues to 25 (Children Act 1989, s.24B(3))."""
    return Reason(
        Message(
            N_(
                "Because you are in education or training, the council can keep helping you "
                "with it until the day before your 25th birthday (%(until_25)s)."
            ),
            until_25=days_of.b25 - ONE_DAY,
        ),
        CA_S24B_3,
    )


def _parent_reason(adult: bool) -> Reason:
    """Six months living with a parent ends relevant-child status (CL Regs 2010 reg. 3(3), (4))."""
    if adult:
        text = Message(
            N_(
                "You were an eligible child when you left care, but since then you have lived "
                "with a parent, or someone with parental responsibility for you, for six months "
                "in a row, so you did not stay a relevant child and are not a former relevant "
                "child."
            )
        )
    else:
        text = Message(
            N_(
                "You were an eligible child when you left care, but since then you have lived "
                "with a parent, or someone with parental responsibility for you, for six months "
                "in a row, so you are not a relevant child. If that arrangement breaks down and "
                "you stop living with them, you become a relevant child again: tell your council."
            )
        )
    return Reason(text, CLR_REG3_3)


def _not_a_care_leaver(route: _Route, on: date, days_of: Birthdays) -> _Finding:
    """Never looked after, or not since the 16th birthday (s.24(1B); Sch. 2 para 19B)."""
    if route.route == "never":
        reason = Reason(
            Message(
                N_(
                    "You have not told us about any time looked after by a council, so you are "
                    "not a care leaver."
                )
            ),
            CA_S22,
        )
    elif on < days_of.b16:
        reason = Reason(
            Message(
                N_(
                    "You are not looked after now and you are under 16. Care-leaver support is "
                    "for young people looked after on or after their 16th birthday."
                )
            ),
            CA_S24_1B,
        )
    else:
        reason = Reason(
            Message(
                N_(
                    "Your time in care ended before your 16th birthday (%(birthday_16)s). Care "
                    "leavers must have been looked after on or after their 16th birthday, so you "
                    "are not a care leaver."
                ),
                birthday_16=days_of.b16,
            ),
            CA_S24_1B,
        )
    refer = (NOT_ASKED_QUALIFYING_ROUTES,) if days_of.b16 <= on < days_of.b21 else ()
    return _Finding(NONE, None, None, (reason,), refer)


# -- adults: fixed by the day before the 18th birthday --------------------------------------


def _as_adult(route: _Route, answers: Answers, on: date, days_of: Birthdays) -> _Finding:
    """Status at 18 to 24 from where the person stood at 18 (Children Act 1989, ss.23C, 24)."""
    in_education = _in_education(answers)
    match route.route:
        case "eligible" | "relevant" | "detained":
            return _former_relevant(route, days_of)
        case "counting":
            at_18 = _Route(QUALIFYING, "in_care_at_18", since=days_of.b18)
            finding = _qualifying(at_18, days_of, in_education, adult=True)
        case "parent" | "special_guardianship" | "left_after_16":
            finding = _qualifying(route, days_of, in_education, adult=True)
        case _:
            return _not_a_care_leaver(route, on, days_of)
    if on >= days_of.b21 and not in_education:
        return _qualifying_ended(finding, days_of)
    return finding


def _former_relevant(route: _Route, days_of: Birthdays) -> _Finding:
    """Eligible at 18, or once relevant, means former relevant from 18 (s.23C(1))."""
    if route.route == "eligible":
        reason = Reason(
            Message(
                N_(
                    "You were still looked after, as an eligible child, the day before your 18th "
                    "birthday. Care ends at 18, so you became a former relevant child on your "
                    "18th birthday (%(birthday_18)s)."
                ),
                birthday_18=days_of.b18,
            ),
            CA_S23C,
        )
        reasons: tuple[Reason, ...] = (reason,)
    elif route.route == "relevant":
        assert route.left_on is not None
        reason = Reason(
            Message(
                N_(
                    "Your last day looked after was %(left_on)s, when you were 16 or 17 and an "
                    "eligible child, so you were a relevant child and became a former relevant "
                    "child on your 18th birthday (%(birthday_18)s)."
                ),
                left_on=route.left_on,
                birthday_18=days_of.b18,
            ),
            CA_S23C,
        )
        reasons = (reason,)
    else:
        reasons = (
            _detention_reason(days_of, now=False),
            Reason(
                Message(
                    N_(
                        "Relevant children become former relevant children on their 18th "
                        "birthday (%(birthday_18)s)."
                    ),
                    birthday_18=days_of.b18,
                ),
                CA_S23C,
            ),
        )
    until = Reason(
        Message(
            N_(
                "You stay a former relevant child until the day before your 25th birthday "
                "(%(until_25)s). After 21 you can still have a personal adviser if you ask "
                "for one."
            ),
            until_25=days_of.b25 - ONE_DAY,
        ),
        CA_S23CZB,
    )
    refer = (DETENTION_CHECKS,) if route.route == "detained" else ()
    return _Finding(FORMER_RELEVANT, days_of.b18, days_of.b25 - ONE_DAY, (*reasons, until), refer)


def _qualifying_ended(finding: _Finding, days_of: Birthdays) -> _Finding:
    """Qualifying ends at 21 unless in education or training (Children Act 1989, s.24B(3))."""
    ended = Reason(
        Message(
            N_(
                "Your 21st birthday was %(birthday_21)s. After 21 the council helps only with "
                "education or training, until you are 25, and you told us you are not in "
                "education or training. If you start a course or training, ask the council for "
                "help with it."
            ),
            birthday_21=days_of.b21,
        ),
        CA_S24B_3,
    )
    return _Finding(NONE, None, None, (*finding.reasons, ended))


def _past_25(days_of: Birthdays) -> _Finding:
    """At 25 every care-leaver duty has ended (Children Act 1989, ss.23CZB, 24B(3))."""
    reason = Reason(
        Message(
            N_(
                "You turned 25 on %(birthday_25)s. Support for care leavers ends on the 25th "
                "birthday, so the checker cannot show any care-leaver support for you. Your "
                "council may still be able to help you in other ways."
            ),
            birthday_25=days_of.b25,
        ),
        CA_S23CZB,
    )
    return _Finding(NONE, None, None, (reason,))


# -- the counting, said once ----------------------------------------------------------------


def _detention_not_enough(
    answers: Answers, ranges: tuple[DayRange, ...], on: date, days_of: Birthdays
) -> tuple[Reason, ...]:
    """Custody or hospital at 16 counts only after 13 weeks in care (CL Regs 2010 reg. 3(2))."""
    before_16 = days_of.b16 - ONE_DAY
    if (
        not answers.detained_or_in_hospital_on_16th_birthday
        or on < days_of.b16
        or days_in(ranges, days_of.b14, before_16) >= THIRTEEN_WEEKS
    ):
        return ()
    return (
        Reason(
            Message(
                N_(
                    "You told us you were in custody or in hospital on your 16th birthday, but "
                    "before then you had not been looked after for 13 weeks since your 14th "
                    "birthday, so that does not make you a relevant child."
                )
            ),
            CLR_REG3_2,
        ),
    )


def _counting_reasons(
    answers: Answers, on: date, days: int, days_of: Birthdays
) -> tuple[Reason, ...]:
    """How the 13 weeks were counted: days since 14, short breaks, care ending at 18 (reg. 40)."""
    reasons: list[Reason] = []
    if not answers.care_periods:
        return ()
    if on < days_of.b14:
        reasons.append(
            Reason(
                Message(
                    N_(
                        "You are not 14 yet. Only time looked after from your 14th birthday "
                        "(%(birthday_14)s) counts towards the 13 weeks (91 days)."
                    ),
                    birthday_14=days_of.b14,
                ),
                CPPCR_REG40,
            )
        )
    else:
        reasons.append(Reason(_days_message(days, adult=on > days_of.last_child_day), CPPCR_REG40))
    if any(period.short_break for period in answers.care_periods):
        reasons.append(
            Reason(
                Message(
                    N_(
                        "We have not counted your short breaks: time in a planned series of short "
                        "breaks does not count towards the 13 weeks, and does not on its own make "
                        "you a care leaver."
                    )
                ),
                CPPCR_REG48,
            )
        )
    if (
        any(
            period.end is None or period.end > days_of.last_child_day
            for period in answers.care_periods
            if not period.short_break
        )
        and on > days_of.last_child_day
    ):
        reasons.append(
            Reason(
                Message(
                    N_(
                        "Care ends by law on the 18th birthday, so we have counted your time "
                        "looked after up to the day before it (%(last_child_day)s)."
                    ),
                    last_child_day=days_of.last_child_day,
                ),
                CA_S105,
            )
        )
    return tuple(reasons)


def _days_message(days: int, adult: bool) -> Message:
    """The 13-week count in words (CPPCR Regulations 2010, reg. 40).

    One whole sentence for each comparison, tense and singular or plural, so no language has
    to fit its grammar around an English fragment. Only "less than" can be a single day.
    """
    if adult:
        if days > THIRTEEN_WEEKS:
            message = Message(
                N_(
                    "You were looked after for %(days)s days between your 14th and 18th "
                    "birthdays, which is more than 13 weeks (91 days)."
                ),
                days=days,
            )
        elif days == THIRTEEN_WEEKS:
            message = Message(
                N_(
                    "You were looked after for %(days)s days between your 14th and 18th "
                    "birthdays, which is exactly 13 weeks (91 days)."
                ),
                days=days,
            )
        elif days == 1:
            message = Message(
                N_(
                    "You were looked after for %(days)s day between your 14th and 18th "
                    "birthdays, which is less than 13 weeks (91 days)."
                ),
                days=days,
            )
        else:
            message = Message(
                N_(
                    "You were looked after for %(days)s days between your 14th and 18th "
                    "birthdays, which is less than 13 weeks (91 days)."
                ),
                days=days,
            )
    elif days > THIRTEEN_WEEKS:
        message = Message(
            N_(
                "You have been looked after for %(days)s days since your 14th birthday, which is "
                "more than 13 weeks (91 days)."
            ),
            days=days,
        )
    elif days == THIRTEEN_WEEKS:
        message = Message(
            N_(
                "You have been looked after for %(days)s days since your 14th birthday, which is "
                "exactly 13 weeks (91 days)."
            ),
            days=days,
        )
    elif days == 1:
        message = Message(
            N_(
                "You have been looked after for %(days)s day since your 14th birthday, which is "
                "less than 13 weeks (91 days)."
            ),
            days=days,
        )
    else:
        message = Message(
            N_(
                "You have been looked after for %(days)s days since your 14th birthday, which is "
                "less than 13 weeks (91 days)."
            ),
            days=days,
        )
    return message
