"""My plan: what a personal adviser and a young person agree to do, carried in its own link.

Nothing is stored, so the plan travels in the address, as readable parameters (like the
checker's shared link), and holds no date of birth and no name:

    /walkthrough/plan/?item=setting-up-home-allowance&amount-setting-up-home-allowance=3000
        &action-setting-up-home-allowance=Make+a+list&who-setting-up-home-allowance=Sam
        &by-setting-up-home-allowance=2027-01-31&reads=ar&note=...

- `item`: an entitlement's id (repeatable, in the plan's order, at most MAX_ITEMS)
- `amount-<id>`, `action-<id>`, `who-<id>`, `by-<id>`: that item's amount in pounds, what
  will be done, who does it and by when (an ISO date; the form sends day, month and year)
- `reads`: the language the young person reads, printed beside English; `note`: anything else

The whole address is bounded (MAX_LINK) so that it fits in a QR code a phone can read from
paper. Parameters with other names are ignored: messaging apps add their own to links.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlencode

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

MAX_ITEMS = 10  # what fits on two sides of A4 in two languages
MAX_ACTION = 200
MAX_WHO = 60
MAX_NOTE = 300
MAX_AMOUNT = Decimal(100_000)
MAX_LINK = 2000  # characters of query: a QR code of this size still reads from paper
MAX_YEARS_AHEAD = 10
FIELDS: tuple[str, ...] = ("amount", "action", "who", "by")


@dataclass(frozen=True)
class PlanItem:
    id: str
    amount: Decimal | None
    action: str
    who: str
    by: date


@dataclass(frozen=True)
class Plan:
    items: tuple[PlanItem, ...]
    lang: str
    note: str = ""


class InvalidPlan(Exception):
    """The plan's problems, each against its field (`action-<id>`, `note`...)."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(errors)
        self.errors = errors


def picked(args: MultiDict[str, str]) -> list[str]:
    """The items a link or form names, in order, each once."""
    return list(dict.fromkeys(args.getlist("item")))


def written_by(args: MultiDict[str, str], item_id: str) -> str:
    """The "by when" date as sent: ISO from a link, or the form's day, month and year."""
    if args.get(f"by-{item_id}"):
        return args[f"by-{item_id}"].strip()
    parts = [args.get(f"by-{item_id}-{part}", "").strip() for part in ("year", "month", "day")]
    return "-".join(parts) if any(parts) else ""


def read_plan(
    args: MultiDict[str, str],
    known: Collection[str],
    languages: Collection[str],
    today: date,
    saving: bool = False,
) -> Plan:
    """The plan in a link or a sent form, or InvalidPlan naming every problem in words.

    `saving`: the adviser has just pressed "Save": a "by when" date must not be in the past
    then, but a saved plan opened later may be overdue.
    """
    errors: dict[str, str] = {}
    ids = picked(args)
    if not ids:
        errors["item"] = _("Pick at least one thing for the plan")
    elif len(ids) > MAX_ITEMS:
        errors["item"] = _("A plan can hold up to %(count)d things", count=MAX_ITEMS)
    elif any(item_id not in known for item_id in ids):
        errors["item"] = _("The plan names something that is not in the offer")
    items = []
    if "item" not in errors:
        for item_id in ids:
            field = {name: f"{name}-{item_id}" for name in FIELDS}
            amount = _amount(args.get(field["amount"], ""), field["amount"], errors)
            action = _text(args.get(field["action"], ""), MAX_ACTION, field["action"], errors)
            if not action and field["action"] not in errors:
                errors[field["action"]] = _("Enter what will be done")
            who = _text(args.get(field["who"], ""), MAX_WHO, field["who"], errors)
            if not who and field["who"] not in errors:
                errors[field["who"]] = _("Enter who will do it")
            by = _by(written_by(args, item_id), field["by"], today, saving, errors)
            if by is not None:
                items.append(PlanItem(item_id, amount, action, who, by))
    # Checked after the items, so that the problems are listed in the order of the page.
    lang = args.get("reads", "").strip()
    if lang not in languages:
        errors["reads"] = _("Choose the young person's language from the list")
    note = _text(args.get("note", ""), MAX_NOTE, "note", errors, multiline=True)
    if errors:
        raise InvalidPlan(errors)
    plan = Plan(tuple(items), lang, note)
    if len(plan_query(plan)) > MAX_LINK:
        raise InvalidPlan({"note": _(
            "The plan is too long to keep in a link: make the notes shorter"
        )})  # fmt: skip
    return plan


def plan_args(plan: Plan) -> dict[str, Any]:
    """The query parameters that reopen this plan (for `url_for`), empty ones left out."""
    args: dict[str, Any] = {"item": [item.id for item in plan.items]}
    for item in plan.items:
        if item.amount is not None:
            args[f"amount-{item.id}"] = str(item.amount)
        args[f"action-{item.id}"] = item.action
        args[f"who-{item.id}"] = item.who
        args[f"by-{item.id}"] = item.by.isoformat()
    args["reads"] = plan.lang
    if plan.note:
        args["note"] = plan.note
    return args


def plan_query(plan: Plan) -> str:
    return urlencode(plan_args(plan), doseq=True)


def _text(
    value: str, limit: int, field: str, errors: dict[str, str], multiline: bool = False
) -> str:
    text = value.strip().replace("\r\n", "\n")
    allowed = "\n" if multiline else ""
    if any(ord(c) < 32 and c not in allowed for c in text):
        errors[field] = _("Use letters, numbers and punctuation only")
    elif len(text) > limit:
        errors[field] = _("Use %(count)d characters or fewer", count=limit)
    return text


def _amount(value: str, field: str, errors: dict[str, str]) -> Decimal | None:
    written = value.strip().removeprefix("£").replace(",", "").strip()
    if not written:
        return None
    try:
        amount = Decimal(written)
    except InvalidOperation:
        amount = Decimal("NaN")
    if not amount.is_finite() or amount < 0 or amount != amount.quantize(Decimal("0.01")):
        errors[field] = _("Enter an amount in pounds, like 3000 or 45.50")
        return None
    if amount > MAX_AMOUNT:
        errors[field] = _("Enter an amount of £100,000 or less")
        return None
    # 3000.00 and 3000 are the same amount: keep the shorter link.
    return amount.quantize(Decimal(1)) if amount == amount.to_integral_value() else amount


def _by(value: str, field: str, today: date, saving: bool, errors: dict[str, str]) -> date | None:
    if not value or value == "--":
        errors[field] = _("Enter the date it will be done by")
        return None
    try:
        year, month, day = (int(part) for part in value.split("-"))
        by = date(year, month, day)
    except ValueError:
        errors[field] = _("Enter a real date, like 31 1 2027")
        return None
    if saving and by < today:
        errors[field] = _("Enter a date that is today or later")
        return None
    if by > today + timedelta(days=365 * MAX_YEARS_AHEAD):
        errors[field] = _("Enter a date within the next %(count)d years", count=MAX_YEARS_AHEAD)
        return None
    return by
