"""Words the rules say, kept translatable: an English template and the values that fill it.

The rules must stay pure, so they never translate anything themselves. Each reason and each
validation message is a `Message`: a complete English sentence with %(name)s placeholders,
marked with `N_` so `pybabel extract -k N_` puts it in the catalogue, and the raw values
(dates as dates, counts as ints) so each language can write them its own way. `text` is the
English the JSON API and the CLI have always given; `render` is for every other language.

A sentence with a number in it is a counted message: singular and plural English marked
together with `NP_` (extracted as msgid and msgid_plural), and the name of the value that
picks the form, so every language gets its own plural forms (Arabic has six).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from localoffer.rules.dates import long_date

Param = date | int | str

# A placeholder as gettext's python-format knows it; the rules use only the %(name)s form.
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


# N_ is the conventional name for a no-op gettext marker: pybabel is told to look for it.
def N_(message: str) -> str:
    """Mark `message` for extraction without translating it: translation happens at the edge."""
    return message


# NP_ marks a singular and plural pair: pybabel is told `-k NP_:1,2`.
def NP_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a counted sentence's two English forms for extraction, untranslated."""
    return singular, plural


def english_plural(singular: str, plural: str, count: int) -> str:
    """English has two forms: one, and everything else (0 days, 2 days)."""
    return singular if count == 1 else plural


def english_number(number: int) -> str:
    """A count as the English text has always shown it: 1,430."""
    return f"{number:,}"


def _identity(template: str) -> str:
    return template


@dataclass(frozen=True, init=False)
class Message:
    """A sentence to show a person: `Message(N_("Turned 25 on %(day)s."), day=date(...))`."""

    template: str
    params: tuple[tuple[str, Param], ...]
    # A counted message: its English plural, and the name of the value that picks the form.
    plural: str | None = None
    count_param: str | None = None

    # Positional-only, so a placeholder may be called anything, even `template`.
    def __init__(self, template: str, /, **params: Param) -> None:
        # One update rather than a frozen __setattr__ per field: the rules build thousands a
        # second. `plural` and `count_param` keep their class defaults unless `counted` sets them.
        self.__dict__.update(template=template, params=tuple(params.items()))

    @classmethod
    def counted(cls, forms: tuple[str, str], count: str, /, **params: Param) -> Message:
        """A sentence whose grammar follows the value named `count`: `Message.counted(NP_(
        "%(days)s day", "%(days)s days"), "days", days=3)`."""
        if not isinstance(params.get(count), int):
            raise ValueError(f"{count!r} must name a whole-number value of the message")
        message = cls.__new__(cls)
        message.__dict__.update(
            template=forms[0], params=tuple(params.items()), plural=forms[1], count_param=count
        )
        return message

    @property
    def count(self) -> int | None:
        """The number that picks a counted message's form; None for other messages."""
        if self.count_param is None:
            return None
        value = dict(self.params)[self.count_param]
        assert isinstance(value, int)
        return value

    @classmethod
    def verbatim(cls, text: str) -> Message:
        """Text a caller has already worded (perhaps already translated), shown exactly as is."""
        return _Verbatim(text)

    @property
    def text(self) -> str:
        """The message in English, exactly as the JSON API and the CLI give it."""
        return self.render(_identity, long_date, english_number)

    def render(
        self,
        translate: Callable[[str], str],
        format_date: Callable[[date], str],
        format_number: Callable[[int], str],
        translate_plural: Callable[[str, str, int], str] = english_plural,
    ) -> str:
        """The message in another language: its template translated, then the values written in.

        A counted message is looked up with `translate_plural` (ngettext), which picks the
        language's own form for the count; others with `translate` (gettext).
        """
        count = self.count
        if count is not None and self.plural is not None:
            translated = translate_plural(self.template, self.plural, count)
        else:
            translated = translate(self.template)
        if not self.params:
            # Without values there is nothing to fill, and a lone % must not be read as one.
            return translated
        return translated % {
            name: _written(value, format_date, format_number) for name, value in self.params
        }


@dataclass(frozen=True, init=False)
class _Verbatim(Message):
    """Already final text: never looked up in a catalogue, never formatted."""

    def render(
        self,
        translate: Callable[[str], str],
        format_date: Callable[[date], str],
        format_number: Callable[[int], str],
        translate_plural: Callable[[str, str, int], str] = english_plural,
    ) -> str:
        """The text as it was given."""
        return self.template


def _written(
    value: Param, format_date: Callable[[date], str], format_number: Callable[[int], str]
) -> str:
    """One value as the reader's language writes it; strings are names and examples, kept."""
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, int):
        return format_number(value)
    return value
