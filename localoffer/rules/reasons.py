"""The sentences the status rules give, each a whole `Message` with the law behind it.

`status.py` decides; this module only words the decision. Every sentence stands on its own,
never pieced together from fragments, so each can be translated as a sentence, and every
sentence with a number in it is a counted message with its own plural forms.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import NamedTuple

from localoffer.rules.messages import N_, NP_, Message

CA_S22 = "Children Act 1989, s.22(1)"
CA_S22_2 = "Children Act 1989, s.22(1) and (2); CPPCR Regulations 2010, reg. 40(2)"
CA_SCH2_19B = "Children Act 1989, Sch. 2 para 19B"
CPPCR_REG40 = "Care Planning, Placement and Case Review (England) Regulations 2010, reg. 40"
CPPCR_REG48 = "Care Planning, Placement and Case Review (England) Regulations 2010, reg. 48"
CA_S23A = "Children Act 1989, s.23A(2)"
CLR_REG3_2 = "Care Leavers (England) Regulations 2010, reg. 3(2)"
CLR_REG3_3 = "Care Leavers (England) Regulations 2010, reg. 3(3) and (4)"
CA_S23C = "Children Act 1989, s.23C(1)"
CA_S23C_6 = "Children Act 1989, s.23C(6) and s.23CA"
CA_S23C_7 = "Children Act 1989, s.23C(7)"
CA_S23CA = "Children Act 1989, s.23CA"
CA_S23CZB = "Children Act 1989, s.23CZB"
CA_S24_1A = "Children Act 1989, s.24(1A)"
CA_S24_1B = "Children Act 1989, s.24(1B)"
CA_S24B_3 = "Children Act 1989, s.24B(3)"
CA_S105 = "Children Act 1989, s.105(1)"

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


class Reason(NamedTuple):
    """One step of the decision, in words for the young person, with the law behind it.

    A named tuple rather than a dataclass: as cheap to build as the rules need, and as immutable.
    """

    message: Message
    legal_basis: str

    @property
    def text(self) -> str:
        """The reason in English, as the JSON API and the CLI give it."""
        return self.message.text


# -- children -------------------------------------------------------------------------------


def become_former_relevant(birthday_18: date) -> Reason:
    """Eligible and relevant children become former relevant at 18 (s.23C(1))."""
    return Reason(
        Message(
            N_(
                "From your 18th birthday (%(birthday_18)s) you will be a former relevant "
                "child, with support until the day before your 25th birthday."
            ),
            birthday_18=birthday_18,
        ),
        CA_S23C,
    )


def eligible_now(since: date) -> Reason:
    """Looked after at 16 or 17 with 13 weeks since 14 (Sch. 2 para 19B)."""
    return Reason(
        Message(
            N_(
                "You are 16 or over and looked after now, and you have been looked after "
                "for at least 13 weeks since your 14th birthday, so you are an eligible "
                "child (since %(since)s) until you leave care or turn 18."
            ),
            since=since,
        ),
        CA_SCH2_19B,
    )


def relevant_now(left_on: date, last_child_day: date) -> Reason:
    """Left care as an eligible child at 16 or 17 (s.23A(2))."""
    return Reason(
        Message(
            N_(
                "Your last day looked after was %(left_on)s, after your 16th birthday, and "
                "you were an eligible child then, so you are a relevant child until the day "
                "before your 18th birthday (%(last_child_day)s)."
            ),
            left_on=left_on,
            last_child_day=last_child_day,
        ),
        CA_S23A,
    )


def under_16(birthday_16: date) -> Reason:
    """Looked after, and not yet old enough to be eligible (s.22(1))."""
    return Reason(
        Message(
            N_(
                "You are looked after now and you are under 16, so you are a looked-after child. "
                "If you are still looked after on or after your 16th birthday (%(birthday_16)s) "
                "and have been looked after for 13 weeks (91 days) since your 14th birthday, you "
                "will be an eligible child."
            ),
            birthday_16=birthday_16,
        ),
        CA_S22,
    )


def counting_on(eligible_from: date | None) -> Reason:
    """When a looked-after 16 or 17 year old would reach 13 weeks; None: not before 18."""
    if eligible_from is not None:
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


@cache
def on_a_short_break() -> Reason:
    """A child on a short break is looked after while it lasts (s.22(1), (2); reg. 40(2))."""
    return Reason(
        Message(
            N_(
                "You are on a short break now, so you are looked after while it lasts. Time on "
                "short breaks does not count towards the 13 weeks, so short breaks on their own "
                "do not make you an eligible child."
            )
        ),
        CA_S22_2,
    )


def detention(last_child_day: date, birthday_18: date, now: bool) -> Reason:
    """Relevant because detained or in hospital at 16 (Care Leavers Regs 2010 reg. 3(2))."""
    if now:
        text = Message(
            N_(
                "You told us you were in custody or in hospital on your 16th birthday, and "
                "before that you had been looked after for at least 13 weeks since your 14th "
                "birthday, so you are a relevant child until the day before your 18th birthday "
                "(%(last_child_day)s)."
            ),
            last_child_day=last_child_day,
        )
    else:
        text = Message(
            N_(
                "You told us you were in custody or in hospital on your 16th birthday, and "
                "before that you had been looked after for at least 13 weeks since your 14th "
                "birthday, so you were a relevant child, and became a former relevant child on "
                "your 18th birthday (%(birthday_18)s)."
            ),
            birthday_18=birthday_18,
        )
    return Reason(text, CLR_REG3_2)


# -- qualifying -----------------------------------------------------------------------------


def qualifying_special_guardianship(until_21: date) -> Reason:
    """On a special guardianship order made when looked after (s.24(1A))."""
    return Reason(
        Message(
            N_(
                "You told us you are on a special guardianship order (or were when you turned "
                "18) that was made when you were looked after, so you qualify for advice and "
                "assistance from your 16th birthday until the day before your 21st birthday "
                "(%(until_21)s)."
            ),
            until_21=until_21,
        ),
        CA_S24_1A,
    )


def qualifying_in_care_at_18(birthday_18: date, until_21: date) -> Reason:
    """In care at 18 without the 13 weeks (s.24(1B))."""
    return Reason(
        Message(
            N_(
                "You were looked after when you turned 18, but you had been looked after for "
                "less than 13 weeks since your 14th birthday, so you were not an eligible child. "
                "Care ends at 18, so you qualify for advice and assistance from your 18th "
                "birthday (%(birthday_18)s) until the day before your 21st birthday "
                "(%(until_21)s)."
            ),
            birthday_18=birthday_18,
            until_21=until_21,
        ),
        CA_S24_1B,
    )


def qualifying_left_after_16(left_on: date, until_21: date) -> Reason:
    """Looked after on or after the 16th birthday, and no longer (s.24(1B))."""
    return Reason(
        Message(
            N_(
                "You were looked after on or after your 16th birthday and your last day looked "
                "after was %(left_on)s, so you qualify for advice and assistance until the day "
                "before your 21st birthday (%(until_21)s)."
            ),
            left_on=left_on,
            until_21=until_21,
        ),
        CA_S24_1B,
    )


def education_to_25(until_25: date) -> Reason:
    """Help with education or training continues to 25 (s.24B(3))."""
    return Reason(
        Message(
            N_(
                "Because you are in education or training, the council can keep helping you "
                "with it until the day before your 25th birthday (%(until_25)s)."
            ),
            until_25=until_25,
        ),
        CA_S24B_3,
    )


def qualifying_ended_at_21_in_education(birthday_21: date) -> Reason:
    """After 21 only s.24B(3) help with education or training continues."""
    return Reason(
        Message(
            N_(
                "Qualifying for advice and assistance ended on your 21st birthday "
                "(%(birthday_21)s). Now the council can help only with your education or "
                "training, including somewhere to live in the holidays if you study full time "
                "and your term-time home is not available."
            ),
            birthday_21=birthday_21,
        ),
        CA_S24B_3,
    )


def parent(adult: bool) -> Reason:
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


def qualifying_ended(birthday_21: date) -> Reason:
    """Qualifying ends at 21 unless in education or training (s.24B(3))."""
    return Reason(
        Message(
            N_(
                "Your 21st birthday was %(birthday_21)s. After 21 the council helps only with "
                "education or training, until you are 25, and you told us you are not in "
                "education or training. If you start a course or training, ask the council for "
                "help with it."
            ),
            birthday_21=birthday_21,
        ),
        CA_S24B_3,
    )


# -- not a care leaver ----------------------------------------------------------------------


@cache
def never_looked_after() -> Reason:
    """No time looked after given at all (s.22(1))."""
    return Reason(
        Message(
            N_(
                "You have not told us about any time looked after by a council, so you are "
                "not a care leaver."
            )
        ),
        CA_S22,
    )


@cache
def only_short_breaks() -> Reason:
    """Looked after only on short breaks: never eligible (CPPCR regs 40(2), 48)."""
    return Reason(
        Message(
            N_(
                "Your only time looked after was on short breaks. Time on short breaks does not "
                "count towards the 13 weeks, so short breaks on their own do not make you a "
                "care leaver."
            )
        ),
        CPPCR_REG48,
    )


@cache
def not_in_care_under_16() -> Reason:
    """Not looked after now, and under 16 (s.24(1B))."""
    return Reason(
        Message(
            N_(
                "You are not looked after now and you are under 16. Care-leaver support is "
                "for young people looked after on or after their 16th birthday."
            )
        ),
        CA_S24_1B,
    )


def left_before_16(birthday_16: date) -> Reason:
    """Care ended before 16 (s.24(1B))."""
    return Reason(
        Message(
            N_(
                "Your time in care ended before your 16th birthday (%(birthday_16)s). Care "
                "leavers must have been looked after on or after their 16th birthday, so you "
                "are not a care leaver."
            ),
            birthday_16=birthday_16,
        ),
        CA_S24_1B,
    )


# -- former relevant and after 25 -----------------------------------------------------------


def former_relevant_was_eligible(birthday_18: date) -> Reason:
    """Eligible the day before 18 (s.23C(1)(b))."""
    return Reason(
        Message(
            N_(
                "You were still looked after, as an eligible child, the day before your 18th "
                "birthday. Care ends at 18, so you became a former relevant child on your "
                "18th birthday (%(birthday_18)s)."
            ),
            birthday_18=birthday_18,
        ),
        CA_S23C,
    )


def former_relevant_was_relevant(left_on: date, birthday_18: date) -> Reason:
    """A relevant child at 18 (s.23C(1)(a))."""
    return Reason(
        Message(
            N_(
                "Your last day looked after was %(left_on)s, when you were 16 or 17 and an "
                "eligible child, so you were a relevant child and became a former relevant "
                "child on your 18th birthday (%(birthday_18)s)."
            ),
            left_on=left_on,
            birthday_18=birthday_18,
        ),
        CA_S23C,
    )


def relevant_become_former_relevant(birthday_18: date) -> Reason:
    """Relevant children become former relevant at 18 (s.23C(1)(a))."""
    return Reason(
        Message(
            N_(
                "Relevant children become former relevant children on their 18th "
                "birthday (%(birthday_18)s)."
            ),
            birthday_18=birthday_18,
        ),
        CA_S23C,
    )


def former_relevant_until(until_25: date, adviser_on_request: bool) -> Reason:
    """Former relevant to 25; a personal adviser after 21 on request from 1 April 2018."""
    if adviser_on_request:
        return Reason(
            Message(
                N_(
                    "You stay a former relevant child until the day before your 25th birthday "
                    "(%(until_25)s). After 21 you can still have a personal adviser if you ask "
                    "for one."
                ),
                until_25=until_25,
            ),
            CA_S23CZB,
        )
    return Reason(
        Message(
            N_(
                "You stay a former relevant child until the day before your 25th birthday "
                "(%(until_25)s). After 21 you keep a personal adviser only while you are in "
                "education or training."
            ),
            until_25=until_25,
        ),
        CA_S23CA,
    )


def former_relevant_until_21_before_2018(until_21: date) -> Reason:
    """Before s.23CZB (1 April 2018), duties ended at 21 outside education (ss.23C(6), 23CA)."""
    return Reason(
        Message(
            N_(
                "Before 1 April 2018 the law gave former relevant children support until the day "
                "before their 21st birthday (for you, %(until_21)s), and after that only while "
                "they were in education or training, up to 25."
            ),
            until_21=until_21,
        ),
        CA_S23C_6,
    )


@cache
def programme_past_25() -> Reason:
    """Duties continue past 25 while the pathway plan's programme lasts (s.23C(7))."""
    return Reason(
        Message(
            N_(
                "If your pathway plan sets out education or training that goes on after your "
                "25th birthday, the council must keep helping you with it, with your personal "
                "adviser and pathway plan, for as long as you are on it."
            )
        ),
        CA_S23C_7,
    )


def past_25(birthday_25: date, former_relevant_in_education: bool) -> Reason:
    """At 25 care-leaver duties end, except a former relevant child's programme (s.23C(7))."""
    if former_relevant_in_education:
        return Reason(
            Message(
                N_(
                    "You turned 25 on %(birthday_25)s. Most support for care leavers ends on the "
                    "25th birthday, but if you are still on the education or training set out "
                    "in your pathway plan, the council must keep helping you with it until it "
                    "ends: ask your personal adviser."
                ),
                birthday_25=birthday_25,
            ),
            CA_S23C_7,
        )
    return Reason(
        Message(
            N_(
                "You turned 25 on %(birthday_25)s. Support for care leavers ends on the 25th "
                "birthday, so the checker cannot show any care-leaver support for you. Your "
                "council may still be able to help you in other ways."
            ),
            birthday_25=birthday_25,
        ),
        CA_S23CZB,
    )


# -- how the days were counted --------------------------------------------------------------


@cache
def detention_not_enough() -> Reason:
    """Custody or hospital at 16 counts only after 13 weeks in care (CL Regs 2010 reg. 3(2))."""
    return Reason(
        Message(
            N_(
                "You told us you were in custody or in hospital on your 16th birthday, but "
                "before then you had not been looked after for 13 weeks since your 14th "
                "birthday, so that does not make you a relevant child."
            )
        ),
        CLR_REG3_2,
    )


def not_14_yet(birthday_14: date) -> Reason:
    """Only days from the 14th birthday count (CPPCR reg. 40(1))."""
    return Reason(
        Message(
            N_(
                "You are not 14 yet. Only time looked after from your 14th birthday "
                "(%(birthday_14)s) counts towards the 13 weeks (91 days)."
            ),
            birthday_14=birthday_14,
        ),
        CPPCR_REG40,
    )


@cache
def short_breaks_not_counted() -> Reason:
    """Short-break days do not count (CPPCR regs 40(2), 48)."""
    return Reason(
        Message(
            N_(
                "We have not counted your short breaks: time in a planned series of short "
                "breaks does not count towards the 13 weeks, and does not on its own make "
                "you a care leaver."
            )
        ),
        CPPCR_REG48,
    )


def short_breaks_over_limit(limit: int) -> Reason:
    """Breaks beyond reg. 48(1)(c)'s days in 12 months are ordinary placements."""
    return Reason(
        Message.counted(
            NP_(
                "Your short breaks add up to more than %(days)s day in 12 months, so they were "
                "not a series of short breaks in law: we have counted them as time looked after.",
                "Your short breaks add up to more than %(days)s days in 12 months, so they were "
                "not a series of short breaks in law: we have counted them as time looked after.",
            ),
            "days",
            days=limit,
        ),
        CPPCR_REG48,
    )


def care_ends_at_18(last_child_day: date) -> Reason:
    """Care ends on the 18th birthday, so counting stops the day before (s.105(1))."""
    return Reason(
        Message(
            N_(
                "Care ends by law on the 18th birthday, so we have counted your time "
                "looked after up to the day before it (%(last_child_day)s)."
            ),
            last_child_day=last_child_day,
        ),
        CA_S105,
    )


def days_counted(days: int, prescribed: int, adult: bool) -> Reason:
    """The 13-week count in words: one counted sentence per comparison and tense (reg. 40)."""
    if adult:
        if days > prescribed:
            forms = NP_(
                "You were looked after for %(days)s day between your 14th and 18th "
                "birthdays, which is more than 13 weeks (91 days).",
                "You were looked after for %(days)s days between your 14th and 18th "
                "birthdays, which is more than 13 weeks (91 days).",
            )
        elif days == prescribed:
            forms = NP_(
                "You were looked after for %(days)s day between your 14th and 18th "
                "birthdays, which is exactly 13 weeks (91 days).",
                "You were looked after for %(days)s days between your 14th and 18th "
                "birthdays, which is exactly 13 weeks (91 days).",
            )
        else:
            forms = NP_(
                "You were looked after for %(days)s day between your 14th and 18th "
                "birthdays, which is less than 13 weeks (91 days).",
                "You were looked after for %(days)s days between your 14th and 18th "
                "birthdays, which is less than 13 weeks (91 days).",
            )
    elif days > prescribed:
        forms = NP_(
            "You have been looked after for %(days)s day since your 14th birthday, which is "
            "more than 13 weeks (91 days).",
            "You have been looked after for %(days)s days since your 14th birthday, which is "
            "more than 13 weeks (91 days).",
        )
    elif days == prescribed:
        forms = NP_(
            "You have been looked after for %(days)s day since your 14th birthday, which is "
            "exactly 13 weeks (91 days).",
            "You have been looked after for %(days)s days since your 14th birthday, which is "
            "exactly 13 weeks (91 days).",
        )
    else:
        forms = NP_(
            "You have been looked after for %(days)s day since your 14th birthday, which is "
            "less than 13 weeks (91 days).",
            "You have been looked after for %(days)s days since your 14th birthday, which is "
            "less than 13 weeks (91 days).",
        )
    return Reason(Message.counted(forms, "days", days=days), CPPCR_REG40)
