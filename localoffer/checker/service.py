"""One place where answers meet the offer: used by the web checker, the JSON API and the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from localoffer.content import Entitlement, Offer
from localoffer.rules import (
    Answers,
    Assessment,
    EntitlementResult,
    Match,
    Message,
    assess,
    entitlements_for,
)


@dataclass(frozen=True)
class CheckResult:
    answers: Answers
    on: date
    assessment: Assessment
    entitlements: EntitlementResult[Entitlement]

    @property
    def reason_messages(self) -> tuple[Message, ...]:
        """Why, as translatable messages: the web checker shows them in the reader's language."""
        return tuple(r.message for r in (*self.assessment.reasons, *self.entitlements.reasons))

    @property
    def reasons(self) -> tuple[str, ...]:
        """Why, in English: what the JSON API and the CLI give."""
        return tuple(message.text for message in self.reason_messages)

    @property
    def legal_basis(self) -> tuple[str, ...]:
        reasons = (*self.assessment.reasons, *self.entitlements.reasons)
        return tuple(dict.fromkeys(r.legal_basis for r in reasons if r.legal_basis))


def check(answers: Answers, on: date, offer: Offer) -> CheckResult:
    """Assess the young person's status on `on` and match it against the whole offer."""
    assessment = assess(answers, on=on)
    matches = entitlements_for(assessment, answers, offer.entitlements, on=on)
    return CheckResult(answers, on, assessment, matches)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _match_json(match: Match[Entitlement]) -> dict[str, Any]:
    item = match.item
    data: dict[str, Any] = {
        "id": item.id,
        "title": item.title,
        "kind": item.kind,
        "theme": item.theme,
        "from": _iso(match.from_),
        "until": _iso(match.until),
        "url": item.url,
    }
    if match.unknown_conditions:
        data["depends_on"] = list(match.unknown_conditions)
    return data


def result_json(result: CheckResult) -> dict[str, Any]:
    """The JSON API's response body (docs/architecture.md), with what may apply and is coming in."""
    assessment = result.assessment
    return {
        "status": assessment.status,
        "as_of": result.on.isoformat(),
        "status_since": _iso(assessment.status_since),
        "status_until": _iso(assessment.status_until),
        "days_looked_after_since_14": assessment.days_looked_after_since_14,
        "reasons": list(result.reasons),
        "legal_basis": list(result.legal_basis),
        "entitlements": [_match_json(m) for m in result.entitlements.applies],
        "may_also_apply": [_match_json(m) for m in result.entitlements.may_also_apply],
        "coming_in": [_match_json(m) for m in result.entitlements.coming_in],
    }
