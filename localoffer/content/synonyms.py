"""Search synonyms: the words young people type, and the words the offer uses for them.

`content/search/synonyms.<lang>.yaml`, one file per language, checked like every other
content file (the portal will not start while one is wrong):

    reviewed: true            # a fluent speaker has checked this list
    synonyms:
      kicked out: [homeless]  # what people type: words that are in the offer
      uni money: [higher education bursary, university]

A synonym must lead somewhere: each word on the right has to appear in the offer's pages in
that language, so a renamed page cannot leave a synonym silently finding nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from markupsafe import Markup

from localoffer.content.fields import FieldReader, parse_yaml
from localoffer.content.model import Entitlement
from localoffer.content.problems import Problem
from localoffer.languages import DEFAULT_LANGUAGE, SHIPPED_LANGUAGES

FOLDER = "search"
_FILE = re.compile(r"^synonyms\.(?P<lang>[a-z]{2,3})\.yaml$")
MAX_PHRASE = 60  # a few words: longer is a sentence, not something people type
MAX_FINDS = 8


@dataclass(frozen=True)
class Synonyms:
    """One language's list: what people type -> words of the offer to find instead."""

    lang: str
    reviewed: bool
    entries: dict[str, tuple[str, ...]] = field(default_factory=dict)


def load_synonyms(
    content_dir: Path, entitlements: Iterable[Entitlement], problems: list[Problem]
) -> dict[str, Synonyms]:
    """Every synonyms file under `content_dir/search/`, checked; problems are noted, not raised."""
    folder = content_dir / FOLDER
    if not folder.is_dir():
        return {}
    items = tuple(entitlements)
    found: dict[str, Synonyms] = {}
    for path in sorted(folder.glob("*.yaml")):
        shown = f"{FOLDER}/{path.name}"
        match = _FILE.match(path.name)
        if match is None or match["lang"] not in SHIPPED_LANGUAGES:
            problems.append(Problem(shown, "file", "name it synonyms.<language>.yaml, with one "
                                    f"of: {', '.join(SHIPPED_LANGUAGES)}"))  # fmt: skip
            continue
        lang = match["lang"]
        synonyms = _read(path, shown, lang, _words_of(items, lang), problems)
        if synonyms is not None:
            found[lang] = synonyms
    return found


def _words_of(items: tuple[Entitlement, ...], lang: str) -> str:
    """Every page's words in `lang` (English where a page has no translation), folded."""
    texts: list[str] = []
    for item in items:
        translation = item.translations.get(lang) if lang != DEFAULT_LANGUAGE else None
        if translation is None:
            texts += [item.title, item.summary, item.body_text]
        else:
            texts += [translation.title, translation.summary,
                      Markup(translation.body_html).striptags()]
    return " ".join(texts).casefold()


def _read(
    path: Path, shown: str, lang: str, offer_words: str, problems: list[Problem]
) -> Synonyms | None:
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        problems.append(Problem(shown, "yaml", f"cannot be read: {' '.join(str(error).split())}"))
        return None
    if not isinstance(data, dict):
        problems.append(Problem(shown, "yaml", "must be a mapping with reviewed and synonyms"))
        return None
    reader = FieldReader(shown, data, problems)
    reader.reject_unknown(("reviewed", "synonyms"))
    reviewed = reader.boolean("reviewed", False)
    listed = reader.mapping("synonyms")
    if listed is None:
        return None
    entries: dict[str, tuple[str, ...]] = {}
    for said, finds in listed.items():
        where = f"synonyms: {said}"
        if not isinstance(said, str) or not said.strip() or len(said) > MAX_PHRASE:
            problems.append(Problem(shown, where, f"must be words people type, at most "
                                    f"{MAX_PHRASE} characters"))  # fmt: skip
            continue
        if not isinstance(finds, list) or not finds or len(finds) > MAX_FINDS:
            problems.append(Problem(shown, where, f"must be a list of 1 to {MAX_FINDS} words "
                                    "from the offer"))  # fmt: skip
            continue
        good: list[str] = []
        for words in finds:
            if not isinstance(words, str) or not words.strip():
                problems.append(Problem(shown, where, f"{words!r} must be text"))
            elif words.casefold() not in offer_words:
                problems.append(Problem(shown, where, f"{words!r} is not in any page in this "
                                        "language, so it would find nothing"))  # fmt: skip
            else:
                good.append(words.strip())
        entries[said.strip()] = tuple(good)
    return Synonyms(lang, reviewed, entries)


def left_without_words(
    entitlements: Iterable[Entitlement], lang: str, synonyms: Mapping[str, tuple[str, ...]]
) -> list[tuple[str, str]]:
    """(what people type, offer words) pairs whose words no page in `lang` holds any more:
    an edit that would leave a synonym finding nothing (and stop the next start)."""
    offer_words = _words_of(tuple(entitlements), lang)
    return [(said, words) for said, finds in synonyms.items() for words in finds
            if words.casefold() not in offer_words]  # fmt: skip


__all__ = ["Synonyms", "left_without_words", "load_synonyms"]
