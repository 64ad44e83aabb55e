"""The printed plan: its words in English and in the young person's language, and its QR code.

Both languages are printed on one page, whatever language the page itself is in, so each
column's words are worked out under that language's locale (`force_locale`).
"""

from __future__ import annotations

from dataclasses import dataclass

import segno
from flask_babel import force_locale
from flask_babel import gettext as _
from markupsafe import Markup

from localoffer.content import Offer
from localoffer.i18n import DEFAULT_LANGUAGE
from localoffer.languages import KNOWN_LANGUAGES, Language
from localoffer.walkthrough.plan import Plan
from localoffer.web.formatting import long_date, money
from localoffer.web.localise import localise


@dataclass(frozen=True)
class Column:
    """One language's side of the printed plan."""

    language: Language
    labels: dict[str, str]
    titles: dict[str, tuple[str, str]]  # id: (title, the language it is really in)
    dates: dict[str, str]  # id: its "by when" date written in this language
    amounts: dict[str, str]


def _column(plan: Plan, offer: Offer, code: str) -> Column:
    language = KNOWN_LANGUAGES[code]
    with force_locale(language.locale):
        labels = {
            "plan": _("My plan"),
            "amount": _("Amount"),
            "action": _("What to do"),
            "who": _("Who does it"),
            "by": _("By when"),
            "note": _("Other notes"),
        }
        titles = {}
        for item in plan.items:
            entitlement = offer.get(item.id)
            assert entitlement is not None  # read_plan takes only ids in the offer
            text = localise(entitlement, code)
            titles[item.id] = (text.title, text.lang)
        dates = {item.id: long_date(item.by) for item in plan.items}
    amounts = {i.id: money(i.amount) for i in plan.items if i.amount is not None}
    return Column(language, labels, titles, dates, amounts)


def plan_sheet(plan: Plan, offer: Offer) -> tuple[Column, ...]:
    """English first, then the young person's language when it is another one."""
    codes = [DEFAULT_LANGUAGE] + ([plan.lang] if plan.lang != DEFAULT_LANGUAGE else [])
    return tuple(_column(plan, offer, code) for code in codes)


def qr_code(link: str) -> Markup:
    """The plan's link as an inline SVG QR code, drawn here: nothing is fetched."""
    svg = segno.make(link, error="l").svg_inline(
        scale=2, border=4, dark="#0b0c0c", light="#ffffff", svgclass="app-plan__qr",
        title=_("QR code of this plan's link"),
    )  # fmt: skip
    return Markup(svg.replace("<svg ", '<svg role="img" focusable="false" ', 1))
