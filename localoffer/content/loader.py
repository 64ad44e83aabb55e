"""Reads and validates every content file, building the Offer or failing with every problem."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from localoffer.content.council import load_council
from localoffer.content.examples import load_examples
from localoffer.content.fields import KEBAB, FieldReader, parse_yaml
from localoffer.content.front_matter import (
    ENTITLEMENT_RULES,
    MAX_AGE,
    MIN_AGE,
    NOT_YET_SET,
    read_field,
)
from localoffer.content.glossary import load_glossary
from localoffer.content.model import (
    KINDS,
    REQUIRED_CONTACTS,
    THEMES,
    Entitlement,
    Offer,
    Translation,
)
from localoffer.content.problems import ContentError, Problem, shown_path
from localoffer.content.provenance import read_amounts, read_sources
from localoffer.content.render import render_markdown
from localoffer.content.review import read_review_dates
from localoffer.content.synonyms import left_without_words, load_synonyms
from localoffer.languages import DEFAULT_LANGUAGE
from localoffer.rules.vocabulary import Criteria

ENTITLEMENT_FIELDS = frozenset(ENTITLEMENT_RULES)
TRANSLATION_FIELDS = frozenset({"title", "summary", "translated_from", "reviewed"})
_TRANSLATION_NAME = re.compile(r"^(?P<id>[^.]+)\.(?P<lang>[a-z]{2,3})$")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)(.*)\Z", re.DOTALL)
_MONEY = re.compile(r"£\s?(\d[\d,]*(?:\.\d{2})?)")
_GLOSSARY_LINK = re.compile(r"\(/glossary/#([^)\s]+)\)")
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_SYNTAX = re.compile(r"^\s{0,3}(?:#{1,6}\s+|[-*+]\s+|\d+\.\s+|>\s?)|[*_`|]", re.MULTILINE)


def source_hash(title: str, summary: str, body: str) -> str:
    """What a translation records it was made from: it changes when the words change."""
    digest = hashlib.sha256("\n\0".join((title, summary, body.strip())).encode("utf-8"))
    return digest.hexdigest()[:12]


def plain_text(markdown_body: str) -> str:
    """The words of a Markdown body without its syntax, for reading-level and search."""
    return _MARKDOWN_SYNTAX.sub("", _MARKDOWN_LINK.sub(r"\1", markdown_body)).strip()


def load_offer(content_dir: Path, council_dir: Path | None = None) -> Offer:
    """Load national content from `content_dir` and council content from `council_dir`."""
    content_dir = Path(content_dir)
    council_dir = Path(council_dir) if council_dir else content_dir / "council"
    problems: list[Problem] = []
    national = content_dir / "national"
    for folder in (national, council_dir):
        if not folder.is_dir():
            problems.append(Problem(str(folder), "folder", "does not exist"))
    if problems:
        raise ContentError(problems)

    council = load_council(council_dir, council_dir.parent, problems)
    contact_keys = set(council.contacts) if council else set(REQUIRED_CONTACTS)
    entitlements: list[Entitlement] = []
    for folder, kinds in ((national, ("statutory", "national")), (council_dir, ("council",))):
        entitlements += _load_folder(folder, kinds, contact_keys, problems)

    seen: dict[str, str] = {}
    for item in entitlements:
        if item.id in seen:
            problems.append(
                Problem(item.path, "id", f"{item.id!r} is also used by {seen[item.id]}")
            )
        seen.setdefault(item.id, item.path)

    glossary = load_glossary([national, council_dir], problems)
    known_terms = {term.id for term in glossary.terms}
    for item in entitlements:
        _check_cross_references(item, known_terms, problems)
    synonyms = load_synonyms(content_dir, entitlements, problems)
    examples = load_examples(council_dir, bool(council and council.demo), seen, problems)
    if problems or council is None:
        raise ContentError(problems)
    entitlements.sort(key=lambda e: (THEMES.index(e.theme), KINDS.index(e.kind), e.title))
    return Offer(
        council=council,
        entitlements=tuple(entitlements),
        glossary=glossary.terms,
        glossary_translations=glossary.translations,
        glossary_source_hashes={f"{path.parent.name}/{path.name}": digest
                                for path, digest in glossary.source_hashes.items()},
        synonyms={lang: found.entries for lang, found in synonyms.items()},
        example_answers=examples,
    )  # fmt: skip


def money_figures(text: str) -> list[Decimal]:
    """Every £ amount written in a piece of text."""
    return [Decimal(figure.replace(",", "")) for figure in _MONEY.findall(text)]


def _check_cross_references(item: Entitlement, terms: set[str], problems: list[Problem]) -> None:
    """Figures in prose must be ones the data carries; glossary links must land."""
    known = {amount.gbp for amount in item.amounts}
    for field, text in (("summary", item.summary), ("body", item.body_text)):
        for figure in money_figures(text):
            if figure not in known:
                expected = ", ".join(f"£{gbp:,}" for gbp in sorted(known)) or "no amount"
                problems.append(
                    Problem(
                        item.path,
                        field,
                        f"mentions £{figure:,} but amounts give "
                        f"{expected}; only figures in the front matter amounts may appear",
                    )
                )
    for term in _GLOSSARY_LINK.findall(item.markdown):
        if term not in terms:
            problems.append(
                Problem(
                    item.path, "body", f"links to /glossary/#{term}, which is not in the glossary"
                )
            )


def _read_yaml(path: Path, shown: str, problems: list[Problem]) -> Any:
    try:
        return parse_yaml(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        problems.append(Problem(shown, "yaml", f"cannot be read: {_one_line(error)}"))
        return None


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())


def _split_front_matter(
    path: Path, shown: str, problems: list[Problem]
) -> tuple[Mapping[str, Any], str] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problems.append(Problem(shown, "file", "is not UTF-8 text"))
        return None
    return split_document(text, shown, problems)


def split_document(
    text: str, shown: str, problems: list[Problem]
) -> tuple[Mapping[str, Any], str] | None:
    """A content file's front matter and body, or None with the problem recorded."""
    match = _FRONT_MATTER.match(text)
    if not match:
        problems.append(Problem(shown, "front matter", "missing: start the file with --- lines"))
        return None
    try:
        data = parse_yaml(match.group(1))
    except yaml.YAMLError as error:
        problems.append(Problem(shown, "yaml", f"cannot be read: {_one_line(error)}"))
        return None
    if not isinstance(data, dict):
        problems.append(Problem(shown, "front matter", "must be a mapping of fields"))
        return None
    return data, match.group(2)


def _load_folder(
    folder: Path, kinds: tuple[str, ...], contact_keys: set[str], problems: list[Problem]
) -> list[Entitlement]:
    root = folder.parent
    sources: dict[Path, Entitlement] = {}
    translation_files: list[Path] = []
    for path in sorted(folder.rglob("*.md")):
        if path.name.upper() == "README.MD":
            continue
        if "." in path.stem:
            translation_files.append(path)
            continue
        item = _load_entitlement(path, shown_path(path, root), kinds, contact_keys, problems)
        if item is not None:
            sources[path] = item
    for path in translation_files:
        _attach_translation(path, shown_path(path, root), sources, problems)
    return list(sources.values())


def _load_entitlement(
    path: Path, shown: str, kinds: tuple[str, ...], contact_keys: set[str], problems: list[Problem]
) -> Entitlement | None:
    split = _split_front_matter(path, shown, problems)
    if split is None:
        return None
    return read_entitlement(split, path, shown, kinds, contact_keys, problems)


def check_document(
    text: str, path: Path, offer: Offer, kinds: tuple[str, ...]
) -> tuple[Entitlement | None, list[Problem]]:
    """Validate one entitlement's file text as `content check` would, at `path`, in `offer`.

    The edit form uses it so that nothing the loader would refuse can ever be saved.
    """
    problems: list[Problem] = []
    shown = f"{path.parent.parent.name}/{path.parent.name}/{path.name}"
    split = split_document(text, shown, problems)
    if split is None:
        return None, problems
    item = read_entitlement(split, path, shown, kinds, set(offer.council.contacts), problems)
    for other in offer.entitlements:
        if item is not None and other.id == item.id and other.path != shown:
            problems.append(Problem(shown, "id", f"{item.id!r} is also used by {other.path}"))
    if item is not None:
        _check_cross_references(item, {term.id for term in offer.glossary}, problems)
        after = [item if other.id == item.id else other for other in offer.entitlements]
        lost = left_without_words(after, DEFAULT_LANGUAGE, offer.synonyms.get(DEFAULT_LANGUAGE, {}))
        for said, words in lost:
            problems.append(Problem(shown, "body", f"no page would say {words!r} any more, which "
                                    f"search finds for {said!r}: change search/synonyms."
                                    f"{DEFAULT_LANGUAGE}.yaml first"))  # fmt: skip
    return (item if not problems else None), problems


def read_entitlement(
    split: tuple[Mapping[str, Any], str],
    path: Path,
    shown: str,
    kinds: tuple[str, ...],
    contact_keys: set[str],
    problems: list[Problem],
) -> Entitlement | None:
    """Build one entitlement from its front matter and body, recording every problem."""
    data, body = split
    before = len(problems)
    read = FieldReader(shown, data, problems)
    read.reject_unknown(ENTITLEMENT_FIELDS)

    rules = ENTITLEMENT_RULES
    entitlement_id = read_field(read, rules, "id")
    if entitlement_id is not None:
        if not KEBAB.match(entitlement_id):
            read.problem("id", f"{entitlement_id!r} must be kebab-case, like staying-put")
        elif entitlement_id != path.stem:
            read.problem("id", f"{entitlement_id!r} does not match the file name {path.name!r}")
    title = read_field(read, rules, "title")
    theme = read_field(read, rules, "theme")
    if theme is not None and path.parent.name != theme:
        read.problem("theme", f"{theme!r} but the file is in the folder {path.parent.name!r}")
    kind = read_field(read, rules, "kind")
    if kind is not None and kind not in kinds:
        read.problem("kind", f"{kind!r} does not belong in this folder; use {' or '.join(kinds)}")
    summary = read_field(read, rules, "summary")
    who = read_field(read, rules, "who")
    conditions = read_field(read, rules, "conditions")
    age_from, age_to = _ages(read)
    legal_basis = read_field(
        read, rules, "legal_basis", required=kind in rules["legal_basis"].required_for_kinds
    )
    # A council's own policy may have no public page; the law and national schemes always do.
    sources = read_sources(read, url_required=kind in rules["sources"].required_for_kinds)
    amounts = read_amounts(read, sources)
    in_force_from, pending = _in_force(read)
    contacts = read_field(read, rules, "contacts", item_check=contact_keys.__contains__)
    last_reviewed, review_due, review_cadence = read_review_dates(read)
    if not body.strip():
        read.problem("body", "is empty: say what you can get, who can get it and how to ask")

    if len(problems) > before:
        return None
    assert entitlement_id and title and theme and kind and summary and age_from and age_to
    assert last_reviewed and review_due and review_cadence
    return Entitlement(
        id=entitlement_id,
        title=title,
        theme=theme,
        kind=kind,
        summary=summary,
        criteria=Criteria(
            who=frozenset(who),
            age_from=age_from,
            age_to=age_to,
            conditions=frozenset(conditions),
            in_force_from=in_force_from,
            commencement_pending=pending,
        ),
        body_html=render_markdown(body),
        body_text=plain_text(body),
        markdown=body,
        path=shown,
        source_hash=source_hash(title, summary, body),
        last_reviewed=last_reviewed,
        review_due=review_due,
        sources=sources,
        contacts=contacts or ("leaving_care_team",),
        amounts=amounts,
        review_cadence=review_cadence,
        legal_basis=legal_basis,
        translations={},
    )


def _ages(read: FieldReader) -> tuple[int | None, int | None]:
    ages = read.mapping("ages")
    if ages is None:
        return None, None
    unknown = set(ages) - {"from", "to"}
    if unknown:
        read.problem("ages", f"unknown keys {sorted(map(str, unknown))}; use from and to")
    bounds: list[int | None] = []
    for key in ("from", "to"):
        value = ages.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            read.problem("ages", f"{key!r} must be a whole number of years, not {value!r}")
            bounds.append(None)
        elif not MIN_AGE <= value <= MAX_AGE:
            read.problem("ages", f"{key!r} is {value}; ages run from {MIN_AGE} to {MAX_AGE}")
            bounds.append(None)
        else:
            bounds.append(value)
    low, high = bounds
    if low is not None and high is not None and low >= high:
        read.problem("ages", f"'from' ({low}) must be less than 'to' ({high})")
        return None, None
    return low, high


def _in_force(read: FieldReader) -> tuple[Any, bool]:
    if read.data.get("in_force_from") == NOT_YET_SET:
        return None, True
    return read.day("in_force_from", required=False), False


def _attach_translation(
    path: Path, shown: str, sources: dict[Path, Entitlement], problems: list[Problem]
) -> None:
    name = _TRANSLATION_NAME.match(path.stem)
    if not name:
        problems.append(Problem(shown, "file name", "use <id>.md or <id>.<language>.md"))
        return
    source = sources.get(path.with_name(f"{name['id']}.md"))
    if source is None:
        problems.append(Problem(shown, "file name", f"there is no {name['id']}.md beside it"))
        return
    split = _split_front_matter(path, shown, problems)
    if split is None:
        return
    data, body = split
    before = len(problems)
    read = FieldReader(shown, data, problems)
    read.reject_unknown(TRANSLATION_FIELDS)
    title = read.text("title", max_length=120)
    summary = read.text("summary", max_length=300)
    translated_from = read.text("translated_from", max_length=64)
    reviewed = read.boolean("reviewed", default=False)
    if not body.strip():
        read.problem("body", "is empty")
    if len(problems) > before:
        return
    assert title and summary and translated_from
    source.translations[name["lang"]] = Translation(
        lang=name["lang"],
        title=title,
        summary=summary,
        body_html=render_markdown(body),
        translated_from=translated_from,
        reviewed=reviewed,
        stale=translated_from != source.source_hash,
    )


def refresh_entitlements(offer: Offer, files: list[tuple[Path, str]]) -> Offer:
    """The offer with the entitlements in `files` (each a path and its shown path) read again.

    Publishing changes one file at a time: reading just that file and its translations takes
    milliseconds, where loading the whole offer takes seconds, so every worker can serve the
    change within moments. Raises ContentError, naming every problem, like `load_offer`.
    """
    problems: list[Problem] = []
    contact_keys = set(offer.council.contacts)
    fresh: dict[str, Entitlement] = {}
    for path, shown in files:
        kinds = ("statutory", "national") if shown.startswith("national/") else ("council",)
        item = _load_entitlement(path, shown, kinds, contact_keys, problems)
        if item is None:
            continue
        for translation in sorted(path.parent.glob(f"{path.stem}.*.md")):
            translation_shown = f"{shown.rsplit('/', 1)[0]}/{translation.name}"
            _attach_translation(translation, translation_shown, {path: item}, problems)
        _check_cross_references(item, set(offer.glossary_ids), problems)
        fresh[item.id] = item
    if problems:
        raise ContentError(problems)
    entitlements = [fresh.pop(item.id, item) for item in offer.entitlements]
    entitlements += fresh.values()  # a new entitlement, published for the first time
    entitlements.sort(key=lambda e: (THEMES.index(e.theme), KINDS.index(e.kind), e.title))
    return dataclasses.replace(offer, entitlements=tuple(entitlements))
