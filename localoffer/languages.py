"""The languages the portal is published in: codes, names and writing direction.

Kept free of Flask so the content commands, the search index and scripts can use it;
`localoffer.i18n` builds the language part of every URL on top of it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from babel import Locale

DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # the language's name in itself, as a speaker would look for it
    english_name: str
    direction: str = "ltr"
    babel_locale: str = ""

    @property
    def locale(self) -> str:
        return self.babel_locale or self.code


def _language(code: str) -> Language:
    """A shipped language, named and directed as the Unicode CLDR data says."""
    locale = Locale.parse(code)
    name = locale.get_display_name() or code
    return Language(
        code=code,
        name=name[:1].upper() + name[1:],
        english_name=locale.get_display_name("en") or code,
        direction=locale.text_direction,
    )


ENGLISH = Language("en", "English", "English", babel_locale="en_GB")
# The languages care leavers in England most often read, many of them having arrived as
# unaccompanied asylum-seeking children: Arabic, Persian, Pashto, Central Kurdish (Sorani),
# Tigrinya, Albanian and Vietnamese.
SHIPPED_LANGUAGES: tuple[str, ...] = ("en", "ar", "fa", "ps", "ckb", "ti", "sq", "vi")
KNOWN_LANGUAGES: dict[str, Language] = {
    ENGLISH.code: ENGLISH,
    **{code: _language(code) for code in SHIPPED_LANGUAGES if code != ENGLISH.code},
}


def language_in_path(path: str, codes: Collection[str]) -> str:
    """The language a path is in: its first segment when that is one of `codes` (/ar/housing/
    is Arabic), otherwise the default, which has no prefix."""
    first = path.strip("/").split("/", 1)[0]
    return first if first in codes else DEFAULT_LANGUAGE


__all__ = [
    "DEFAULT_LANGUAGE",
    "ENGLISH",
    "KNOWN_LANGUAGES",
    "SHIPPED_LANGUAGES",
    "Language",
    "language_in_path",
]
