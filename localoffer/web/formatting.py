"""Amounts, ages and dates written the way a reader of the page's language expects."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency
from babel.support import NullTranslations
from flask import Flask, g
from flask_babel import format_number, get_locale, get_translations
from flask_babel import gettext as _
from jinja2 import pass_context
from markupsafe import Markup, escape

from localoffer.content import Amount
from localoffer.rules import Message
from localoffer.web.localise import council_words_state, localise, localise_contact

# The pound sign, thousands comma and decimal point of the English pages.
_STERLING_LOCALE = Locale("en", "GB")


def money(gbp: Decimal) -> str:
    """Pounds as "£3,000" in every language, without pence when there are none.

    Each language's own currency layout ("3 000 £", "3.000 £", "UK£") clashed with the
    "£3,000" the translated prose copies from the English, and in Albanian or Vietnamese
    "3.000" can read as three pounds. Sterling is written one way on every page.
    """
    pattern = "¤#,##0" if gbp == gbp.to_integral_value() else "¤#,##0.00"
    return format_currency(gbp, "GBP", format=pattern, locale=_STERLING_LOCALE,
                           currency_digits=False)  # fmt: skip


def amount_phrase(amount: Amount) -> str:
    value = money(amount.gbp)
    per = {
        "once": _("%(amount)s", amount=value),
        "week": _("%(amount)s a week", amount=value),
        "month": _("%(amount)s a month", amount=value),
        "year": _("%(amount)s a year", amount=value),
        "course": _("%(amount)s for your course", amount=value),
        "birthday": _("%(amount)s on each birthday", amount=value),
    }[amount.per]
    if amount.qualifier == "up_to":
        return _("up to %(amount)s", amount=per)
    if amount.qualifier == "at_least":
        return _("at least %(amount)s", amount=per)
    return per


def ages_phrase(age_from: int, age_to: int) -> str:
    return _("From age %(start)d until you turn %(end)d", start=age_from, end=age_to)


@lru_cache(maxsize=1 << 13)
def _written_date(day: date, width: str, locale: Locale) -> str:
    # A result page writes a hundred or more dates, most of them the same few birthdays;
    # Babel works each out from its pattern every time, so remember them.
    return format_date(day, format=width, locale=locale)


def page_babel() -> tuple[Locale | None, NullTranslations]:
    """The page's locale and catalogue, found once a request rather than once a string.

    Flask-Babel finds both again for every string and every date, through half a dozen
    context look-ups; a result page asks a few hundred times. They are kept beside Flask-
    Babel's own state for the request, tied to the locale object they were found for, so
    `force_locale` (which puts another locale there) gets its own.
    """
    state = getattr(g, "_flask_babel", None)
    locale = getattr(state, "babel_locale", None)
    if locale is None:
        # Not looked up yet this request: let Flask-Babel do it once.
        return get_locale(), get_translations()
    kept: tuple[Locale, NullTranslations] | None = getattr(state, "localoffer_kept", None)
    if kept is None or kept[0] is not locale:
        kept = state.localoffer_kept = (locale, get_translations())  # type: ignore[union-attr]
    return kept


def page_gettext(message: str) -> str:
    """gettext for the templates, with the page's catalogue found once (see page_babel)."""
    return page_babel()[1].ugettext(message)


def page_ngettext(singular: str, plural: str, count: int) -> str:
    """ngettext for the templates, with the page's catalogue found once (see page_babel)."""
    return page_babel()[1].ungettext(singular, plural, count)


def long_date(day: date) -> str:
    """A date in full in the reader's language: 1 May 2025."""
    return _written_date(day, "long", page_babel()[0])


def medium_date(day: date) -> str:
    """A short date for tight spaces such as the timeline's axis: 1 May 2025."""
    return _written_date(day, "medium", page_babel()[0])


def translate_message(message: Message) -> str:
    """A reason or problem from the rules in the reader's language, its dates and counts too."""
    return message.render(_, long_date, format_number, get_translations().ngettext)


def isolate(text: str) -> Markup:
    """Wrap a number, date or amount so it reads correctly inside right-to-left text."""
    return Markup("<bdi>%s</bdi>") % escape(text)


def per_request(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter whose answer depends on the reader's language.

    Jinja works out a filter applied to constants once, when it compiles the template, and
    reuses the answer; a filter that takes the context is always run for each page.
    """

    @pass_context
    def filter_(context: Any, value: Any, *args: Any, **kwargs: Any) -> Any:
        return function(value, *args, **kwargs)

    return filter_


def init_app(app: Flask) -> None:
    app.jinja_env.filters.update(
        money=per_request(money),
        amount_phrase=per_request(amount_phrase),
        ages_phrase=per_request(ages_phrase),
        long_date=per_request(long_date),
        medium_date=per_request(medium_date),
        isolate=isolate,
        fromiso=date.fromisoformat,
        localise=per_request(localise),
        localise_contact=per_request(localise_contact),
        translate_message=per_request(translate_message),
    )
    app.jinja_env.globals["get_locale"] = get_locale
    # Flask-Babel installed its own callables; these find the catalogue once a request.
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=page_gettext, ngettext=page_ngettext, newstyle=True
    )
    app.jinja_env.globals["council_words_state"] = council_words_state
