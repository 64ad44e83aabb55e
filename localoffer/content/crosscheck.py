"""Translations compared with their English source: the same numbers, and no "should" made "must".

A reviewer found the government's *recommended* £3,000 turned into a right (يجب, باید, duhet),
so every translated passage is held to two rules that need no fluent speaker to apply:

- every number in it (amounts, ages, durations, dates) is a number its source has, and the other
  way round, once Arabic-Indic and Persian digits are read as 0-9;
- where the source says "should" or "recommended", the translation uses its language's word for
  "must" no more often than the source says "must".

Passages are paired by place: a page's title, summary and each paragraph of its body; each text
of a glossary term or council contact. The word lists live in `translation_rules.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import yaml

from localoffer.content.fields import _YAML_LOADER
from localoffer.content.problems import Problem

RULES_FILE = Path(__file__).with_name("translation_rules.yaml")

# Arabic-Indic (U+0660...) and Persian (U+06F0...) digits; Arabic thousands and decimal marks.
_DIGITS = str.maketrans(
    "".join(chr(0x660 + d) for d in range(10)) + "".join(chr(0x6F0 + d) for d in range(10))
    + "\u066c\u066b",
    "0123456789" * 2 + ",.",
)
_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")
_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?!\d|,\d)|\d+(?:\.\d+)?")
_CLOCK = re.compile(
    r"(?<![\d.,])(\d{1,2})(?:[:.](\d{2}))?\s?(?:am|pm)\b|(?<![\d.,])(\d{1,2}):(\d{2})(?!\d)"
)
# Link targets and web addresses hold ids and page numbers, not figures a reader relies on.
_ADDRESSES = re.compile(r"\]\([^)]*\)|https?://\S+|\{#[^}]*\}|%\([a-z_]+\)[sd]")
_SHOULD = re.compile(r"\b(?:should|shouldn't|recommend(?:s|ed|ation|ations)?|ought to)\b", re.I)
_MUST = re.compile(
    r"\b(?:must|mustn't|has to|have to|had to|required to|duty|obliged|should have)\b", re.I
)
_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)


@dataclass(frozen=True)
class LanguageRules:
    must: tuple[re.Pattern[str], ...]
    not_must: tuple[re.Pattern[str], ...]
    number_words: tuple[tuple[re.Pattern[str], tuple[Decimal, ...]], ...]


@dataclass(frozen=True)
class Passage:
    """One piece of text, where it is (1-based line), and what it is (for the message)."""

    key: str
    line: int
    text: str


@lru_cache(maxsize=1)
def language_rules() -> dict[str, LanguageRules]:
    """Each language's words for "must", their harmless look-alikes, and number words."""
    data = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    return {
        lang: LanguageRules(
            must=tuple(re.compile(pattern) for pattern in entry["must"]),
            not_must=tuple(re.compile(pattern) for pattern in entry.get("not_must") or ()),
            number_words=tuple(
                (re.compile(word["pattern"]), tuple(Decimal(n) for n in word["means"]))
                for word in entry.get("number_words") or ()
            ),
        )
        for lang, entry in data.items()
    }


def numbers(text: str) -> set[Decimal]:
    """Every number written in `text`, in any of the digits the shipped languages use.

    Clock times count by the hour on a 12-hour clock, so "5pm" in the source matches "17:00".
    """
    text = _ADDRESSES.sub(" ", text.translate(_DIGITS))
    found: set[Decimal] = set()

    def clock(match: re.Match[str]) -> str:
        hour = int(match.group(1) or match.group(3))
        minutes = int(match.group(2) or match.group(4) or 0)
        found.add(Decimal(hour % 12 or 12))
        if minutes:
            found.add(Decimal(minutes))
        return " "

    text = _CLOCK.sub(clock, text)
    for figure in _NUMBER.findall(text):
        found.add(Decimal(figure.replace(",", "")).normalize())
    return found


def _number_words(text: str, lang: str) -> tuple[str, set[Decimal]]:
    """The text without the language's number words and fixed terms, and what they stood for."""
    rules = language_rules().get(lang)
    meant: set[Decimal] = set()
    for pattern, means in rules.number_words if rules else ():
        text, count = pattern.subn(" ", _ARABIC_MARKS.sub("", text))
        if count:
            meant.update(means)
    return text, meant


def must_words(text: str, lang: str) -> list[str]:
    """The words in a translation that say "must", after removing phrases that do not."""
    rules = language_rules().get(lang)
    if rules is None:
        return []
    text = _ARABIC_MARKS.sub("", text)
    for phrase in rules.not_must:
        text = phrase.sub(" ", text)
    return [m.group(0) for pattern in rules.must for m in pattern.finditer(text)]


def compare_passage(source: str, translation: str, lang: str) -> list[str]:
    """What is wrong with one translated passage against its source, in plain words."""
    problems = []
    wanted = numbers(source)
    rest, meant = _number_words(translation, lang)
    got = numbers(rest)
    # A word such as أسبوعين ("two weeks") may stand for a number the source writes, but never
    # adds one of its own.
    missing = ", ".join(_shown(n) for n in sorted(wanted - got - meant))
    extra = ", ".join(_shown(n) for n in sorted(got - wanted))
    if missing or extra:
        problems.append(
            "numbers differ from the source"
            + (f"; missing {missing}" if missing else "")
            + (f"; not in the source {extra}" if extra else "")
        )
    if _SHOULD.search(source):
        said = must_words(translation, lang)
        if len(said) > len(_MUST.findall(source)):
            problems.append(
                f"the source says should/recommended (guidance), but the translation says "
                f"{', '.join(dict.fromkeys(said))}, the word for must (a duty)"
            )
    return problems


def compare_files(source: Path, translation: Path, lang: str, shown: str) -> list[Problem]:
    """Every problem in a translated file against its source, named by file and line."""
    split = _markdown_passages if source.suffix == ".md" else _yaml_passages
    originals = {p.key: p for p in split(source.read_text(encoding="utf-8"))}
    problems = []
    for passage in split(translation.read_text(encoding="utf-8")):
        original = originals.get(passage.key)
        if original is None:
            continue
        for message in compare_passage(original.text, passage.text, lang):
            problems.append(Problem(shown, f"line {passage.line}", f"{passage.key}: {message}"))
    return problems


def translated_pairs(folders: list[Path], languages: list[str]) -> Iterator[tuple[Path, Path, str]]:
    """(source, translation, language) for every translated page, glossary and council file."""
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            parts = path.name.split(".")
            if len(parts) == 3 and parts[1] in languages and parts[2] in ("md", "yaml"):
                source = path.with_name(f"{parts[0]}.{parts[2]}")
                if source.exists():
                    yield source, path, parts[1]


def check_translations(folders: list[Path], languages: list[str]) -> list[Problem]:
    """Every number and should/must problem in every translation under `folders`."""
    problems = []
    for folder in folders:
        for source, translation, lang in translated_pairs([folder], languages):
            shown = translation.relative_to(folder.parent).as_posix()
            problems.extend(compare_files(source, translation, lang, shown))
    return problems


def _shown(number: Decimal) -> str:
    return f"{number:f}"


def _markdown_passages(text: str) -> list[Passage]:
    """A page's title and summary, then each paragraph of its body in order."""
    passages: list[Passage] = []
    match = _FRONT_MATTER.match(text)
    offset = 0
    if match:
        passages.extend(
            p for p in _yaml_passages(match.group(1), first_line=2)
            if p.key in ("title", "summary")
        )  # fmt: skip
        offset = match.end()
    first_line = text.count("\n", 0, offset) + 1
    paragraph: list[str] = []
    start = first_line
    index = 0
    for number, line in enumerate(text[offset:].split("\n"), start=first_line):
        if line.strip():
            if not paragraph:
                start = number
            paragraph.append(line)
        elif paragraph:
            index += 1
            passages.append(Passage(f"paragraph {index}", start, "\n".join(paragraph)))
            paragraph = []
    if paragraph:
        passages.append(Passage(f"paragraph {index + 1}", start, "\n".join(paragraph)))
    return passages


def _yaml_passages(text: str, first_line: int = 1) -> list[Passage]:
    """Every text in a YAML file, keyed by where it sits (list items by their id)."""
    node = yaml.compose(text, Loader=_YAML_LOADER)
    found: list[Passage] = []
    if node is not None:
        _walk(node, "", first_line, found)
    return found


def _walk(node: yaml.Node, key: str, first_line: int, found: list[Passage]) -> None:
    if isinstance(node, yaml.MappingNode):
        for name, value in node.value:
            if name.value in ("translated_from", "reviewed", "id"):
                continue
            _walk(value, f"{key}.{name.value}" if key else name.value, first_line, found)
    elif isinstance(node, yaml.SequenceNode):
        for position, item in enumerate(node.value):
            _walk(item, f"{key}[{_item_id(item) or position}]", first_line, found)
    elif isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str"):
        found.append(Passage(key, node.start_mark.line + first_line, node.value))


def _item_id(node: yaml.Node) -> str | None:
    if isinstance(node, yaml.MappingNode):
        for name, value in node.value:
            if name.value == "id" and isinstance(value, yaml.ScalarNode):
                return str(value.value)
    return None
