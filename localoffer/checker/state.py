"""The checker's answers while they are being given: kept only in the browser's session cookie.

The answers are never written to the server: they are sealed (encrypted, with an expiry) in
the young person's cookie, and gone when they close the browser, leave them unused, or press
"clear my answers" (see localoffer.checker.sealed).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import Any

from localoffer.checker import sealed
from localoffer.checker.sealed import SESSION_KEY
from localoffer.rules.answers import PersonalAnswers

__all__ = ["SESSION_KEY", "CheckerState"]


@dataclass
class CheckerState:
    route: str | None = None
    date_of_birth: str | None = None
    periods: list[dict[str, Any]] = field(default_factory=list)
    add_another: str | None = None
    in_care_now: str | None = None
    care_after_16: str | None = None
    time_in_care: str | None = None
    special_guardianship: str | None = None
    custody: str | None = None
    lived_with_parent: str | None = None
    education: str | None = None
    # The optional questions: "yes", "no", "prefer_not", or "" when left blank.
    parent: str | None = None
    came_to_uk_alone: str | None = None
    disability: str | None = None
    where_you_live: str | None = None
    in_custody_now: str | None = None

    @classmethod
    def load(cls) -> CheckerState:
        stored = sealed.load_answers()
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in stored.items() if k in known})

    def save(self) -> None:
        sealed.save_answers(asdict(self))

    @staticmethod
    def clear() -> None:
        sealed.clear_answers()

    @property
    def dob(self) -> date | None:
        return date.fromisoformat(self.date_of_birth) if self.date_of_birth else None

    @property
    def still_in_care(self) -> bool | None:
        """True or False once known from the answers so far, None before."""
        if self.route == "dates":
            return any(p["end"] is None for p in self.periods) if self.periods else None
        if self.route == "rough":
            return None if self.in_care_now is None else self.in_care_now == "yes"
        return None

    def api_body(self, as_of: date) -> dict[str, Any]:
        """The answers in the JSON API's shape, so the one validator checks them."""
        return {
            "date_of_birth": self.date_of_birth,
            "as_of": as_of.isoformat(),
            "care_periods": [dict(p) for p in self.periods],
            **self.flags(),
            **self.personal(),
        }

    def flags(self) -> dict[str, bool]:
        return {
            "detained_or_in_hospital_on_16th_birthday": self.custody == "yes",
            "special_guardianship_order": self.special_guardianship == "yes",
            "lived_with_parent_6_months": self.lived_with_parent == "yes",
            "in_education_or_training": self.education in ("education", "higher"),
            "in_higher_education": self.education == "higher",
        }

    def personal(self) -> PersonalAnswers:
        """The optional answers as the JSON API's tri-state fields: only yes or no settles one;
        "prefer not to say", a blank and a question not asked are all null."""

        def settled(reply: str | None) -> bool | None:
            return {"yes": True, "no": False}.get(reply or "")

        where = settled(self.where_you_live)
        return PersonalAnswers(
            parent_or_expecting=settled(self.parent),
            came_to_uk_alone=settled(self.came_to_uk_alone),
            disabled_or_special_educational_needs=settled(self.disability),
            # The page asks "do you live in the area?": yes means not outside it.
            lives_outside_council_area=None if where is None else not where,
            in_custody=settled(self.in_custody_now),
        )
