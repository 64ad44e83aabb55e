"""The glossary: words care leavers meet, with their translations, validated like the offer."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from localoffer.content.fields import KEBAB, FieldReader, parse_yaml
from localoffer.content.model import GlossaryTerm, GlossaryTranslation
from localoffer.content.problems import Problem
from localoffer.content.render import render_markdown

_TRANSLATION = re.compile(r"^glossary\.(?P<lang>[a-z]{2,3})\.yaml$")


@dataclass
class Glossary:
    terms: tuple[GlossaryTerm, ...] = ()
    translations: dict[str, GlossaryTranslation] = field(default_factory=dict)
    source_hashes: dict[Path, str] = field(default_factory=dict)


def glossary_hash(entries: list[Any]) -> str:
    """What a glossary translation records it was made from."""
    canonical = json.dumps(entries, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def load_glossary(folders: list[Path], problems: list[Problem]) -> Glossary:
    """Terms from each folder's glossary.yaml, and translations from glossary.<lang>.yaml."""
    glossary = Glossary()
    terms: dict[str, GlossaryTerm] = {}
    translated: dict[str, dict[str, GlossaryTerm]] = {}
    state: dict[str, tuple[bool, bool]] = {}
    for folder in folders:
        source = folder / "glossary.yaml"
        if source.is_file():
            entries = _entries(source, _shown(source), problems)
            if entries is not None:
                glossary.source_hashes[source] = glossary_hash(entries)
                _read_terms(entries, _shown(source), problems, terms)
        for path in sorted(folder.glob("glossary.*.yaml")):
            match = _TRANSLATION.match(path.name)
            if not match:
                continue
            lang = match["lang"]
            stale, reviewed = _read_translation(
                path, glossary.source_hashes.get(source), problems, translated.setdefault(lang, {})
            )
            was_stale, was_reviewed = state.get(lang, (False, True))
            state[lang] = (was_stale or stale, was_reviewed and reviewed)
    unknown = {(lang, term_id) for lang, found in translated.items() for term_id in found
               if term_id not in terms}  # fmt: skip
    for lang, term_id in sorted(unknown):
        problems.append(Problem(f"glossary.{lang}.yaml", "terms", f"{term_id!r} is not in the "
                                "English glossary"))  # fmt: skip
    glossary.terms = tuple(sorted(terms.values(), key=lambda t: t.term.casefold()))
    glossary.translations = {
        lang: GlossaryTranslation(lang, found, *state[lang]) for lang, found in translated.items()
    }
    return glossary


def _shown(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def _entries(path: Path, shown: str, problems: list[Problem]) -> list[Any] | None:
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        problems.append(Problem(shown, "yaml", f"cannot be read: {' '.join(str(error).split())}"))
        return None
    entries = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        problems.append(Problem(shown, "terms", "must be a list of terms"))
        return None
    return entries


def _read_terms(
    entries: list[Any], shown: str, problems: list[Problem], into: dict[str, GlossaryTerm]
) -> None:
    for number, entry in enumerate(entries, start=1):
        field_name = f"terms[{number}]"
        if not isinstance(entry, dict):
            problems.append(Problem(shown, field_name, "must be a mapping: id, term, definition"))
            continue
        read = FieldReader(shown, {f"{field_name}.{k}": v for k, v in entry.items()}, problems)
        read.reject_unknown({f"{field_name}.{k}" for k in ("id", "term", "definition")})
        term_id = read.text(f"{field_name}.id", max_length=60)
        term = read.text(f"{field_name}.term", max_length=120)
        definition = read.text(f"{field_name}.definition", max_length=1000)
        if term_id and not KEBAB.match(term_id):
            read.problem(f"{field_name}.id", f"{term_id!r} must be kebab-case")
        elif term_id in into:
            read.problem(f"{field_name}.id", f"{term_id!r} is defined twice")
        elif term_id and term and definition:
            into[term_id] = GlossaryTerm(term_id, term, render_markdown(definition))


def _read_translation(
    path: Path, source_hash: str | None, problems: list[Problem], into: dict[str, GlossaryTerm]
) -> tuple[bool, bool]:
    """Read one glossary translation; returns (stale, reviewed)."""
    shown = _shown(path)
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        problems.append(Problem(shown, "yaml", f"cannot be read: {' '.join(str(error).split())}"))
        return False, False
    if not isinstance(data, dict):
        problems.append(Problem(shown, "yaml", "must be a mapping of fields"))
        return False, False
    read = FieldReader(shown, data, problems)
    read.reject_unknown({"translated_from", "reviewed", "terms"})
    translated_from = read.text("translated_from", max_length=64)
    reviewed = read.boolean("reviewed", default=False)
    entries = data.get("terms")
    if not isinstance(entries, list):
        problems.append(Problem(shown, "terms", "must be a list of terms"))
        return False, reviewed
    _read_terms(entries, shown, problems, into)
    return translated_from != source_hash, reviewed
