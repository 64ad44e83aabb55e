"""Translations out to an agency and back: PO or XLIFF 2, written and read by translate-toolkit.

An export holds, for one language, every passage of every file whose translation is missing or
out of date (or of every file, on request): where it belongs ("national/x.md#summary"), the
English, the current translation if there is one, and the hash of the English it was made from.
An import checks every passage first (the English it was made from is still current, nothing is
missing, placeholders and links are kept, numbers match and no "should" became "must", and the
files it would write can be read) and writes nothing at all if any check fails.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from lxml import etree
from translate.storage import po, xliff2

from localoffer.content.crosscheck import (
    Passage,
    _markdown_passages,
    _yaml_passages,
    compare_passage,
)
from localoffer.content.fields import parse_yaml
from localoffer.content.glossary import load_glossary
from localoffer.content.loader import load_offer
from localoffer.content.model import Offer

FORMATS = ("po", "xliff")
# What a translation carries: phone numbers, addresses and ids stay as the English has them.
_TRANSLATED = re.compile(
    r"title|summary|paragraph \d+|terms\[[^\]]+\]\.(?:term|definition)"
    r"|contacts\.\w+\.(?:name|hours)"
)
_PLACEHOLDERS = re.compile(r"%\([a-z_]+\)[sd]|\{#[^}]*\}")
_LINK = re.compile(r"\]\(([^)\s]*)")


class ExchangeError(Exception):
    """Raised with every problem found in an import, so that none of it is written."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class SourceFile:
    """A translatable English file and where its translation into one language lives."""

    shown: str
    source: Path
    translation: Path
    source_hash: str
    state: str  # missing, stale or current


@dataclass(frozen=True)
class Unit:
    """One passage for an agency: its place, the English, the translation and the source hash."""

    location: str
    source: str
    target: str
    source_hash: str


def translatable_files(
    content_dir: Path, council_dir: Path, lang: str, offer: Offer | None = None
) -> list[SourceFile]:
    """Every page, glossary and council file, with the state of its translation into `lang`.

    `offer` is the offer already loaded from these folders, if the caller has it.
    """
    offer = offer or load_offer(content_dir, council_dir)
    found: list[tuple[str, Path, str, Path]] = []
    for item in offer.entitlements:
        folder = council_dir if item.kind == "council" else content_dir / "national"
        source = folder / item.path.split("/", 1)[1]
        found.append((item.path, source, item.source_hash, source.with_suffix(f".{lang}.md")))
    glossary = load_glossary([content_dir / "national", council_dir], [])
    for source, digest in glossary.source_hashes.items():
        shown = f"{source.parent.name}/{source.name}"
        found.append((shown, source, digest, source.with_name(f"glossary.{lang}.yaml")))
    council_source = council_dir / "council.yaml"
    found.append((f"{council_dir.name}/council.yaml", council_source, offer.council.source_hash,
                  council_dir / f"council.{lang}.yaml"))  # fmt: skip
    return [SourceFile(shown, source, translation, digest, _state(translation, digest))
            for shown, source, digest, translation in found]  # fmt: skip


def export_units(files: list[SourceFile], everything: bool = False) -> list[Unit]:
    """The passages of each missing or out-of-date file (of every file, if `everything`)."""
    units = []
    for file in files:
        if file.state == "current" and not everything:
            continue
        current = {p.key: p.text for p in passages(file.translation)} if file.state != "missing" \
            else {}  # fmt: skip
        for passage in passages(file.source):
            units.append(Unit(f"{file.shown}#{passage.key}", passage.text,
                              current.get(passage.key, ""), file.source_hash))  # fmt: skip
    return units


def write_units(units: list[Unit], lang: str, fmt: str) -> bytes:
    """The units as a PO or an XLIFF 2 file, made by translate-toolkit."""
    if fmt == "po":
        store: Any = po.pofile()
        store.updateheader(add=True, Language=lang, Content_Type="text/plain; charset=UTF-8")
        for unit in units:
            entry = store.addsourceunit(unit.source)
            entry.setcontext(unit.location)
            entry.target = unit.target
            entry.addnote(f"source-hash: {unit.source_hash}", origin="developer")
        return bytes(store)
    if fmt == "xliff":
        store = xliff2.Xliff2File(sourcelanguage="en")
        store.settargetlanguage(lang)
        for number, unit in enumerate(units, start=1):
            entry = store.addsourceunit(unit.source)
            entry.setid(f"u{number}")
            if unit.target:
                entry.target = unit.target
            _unit_notes(entry, {"location": unit.location, "source-hash": unit.source_hash})
        return bytes(store)
    raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")


def read_units(data: bytes, fmt: str) -> tuple[str | None, list[Unit]]:
    """The target language and the units of a PO or XLIFF 2 file an agency sends back."""
    units = []
    if fmt == "po":
        store: Any = po.pofile(io.BytesIO(data))
        for entry in store.units:
            if entry.isheader() or entry.isobsolete():
                continue
            digest = entry.getnotes("developer").removeprefix("source-hash: ").strip()
            units.append(Unit(entry.getcontext(), entry.source, entry.target or "", digest))
        return store.gettargetlanguage(), units
    if fmt == "xliff":
        store = xliff2.Xliff2File(io.BytesIO(data))
        for entry in store.units:
            notes = {note.get("category"): note.text or "" for note in
                     entry.getunitelement().iterfind(f"{{{xliff2.Xliff2Unit.namespace}}}notes/*")}
            units.append(Unit(notes.get("location", ""), entry.source, entry.target or "",
                              notes.get("source-hash", "")))  # fmt: skip
        return store.gettargetlanguage(), units
    raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")


def import_units(files: list[SourceFile], units: list[Unit], lang: str) -> list[Path]:
    """Check every unit, then write each translated file; nothing is written if anything fails."""
    by_file: dict[str, dict[str, Unit]] = {}
    known = {file.shown: file for file in files}
    problems = []
    for unit in units:
        shown, _, key = unit.location.partition("#")
        if shown not in known or not key:
            problems.append(f"{unit.location or '(no location)'}: not a passage of this offer")
            continue
        by_file.setdefault(shown, {})[key] = unit
    writes: dict[Path, str] = {}
    for shown, got in by_file.items():
        file = known[shown]
        found = _check_file(file, got, lang)
        problems.extend(found)
        if not found:
            writes[file.translation] = _render(file, got)
    if problems:
        raise ExchangeError(problems)
    for path, text in writes.items():
        path.write_text(text, encoding="utf-8")
    return sorted(writes)


def _check_file(file: SourceFile, got: dict[str, Unit], lang: str) -> list[str]:
    problems = []
    english = {p.key: p.text for p in passages(file.source)}
    hashes = {unit.source_hash for unit in got.values()}
    if hashes != {file.source_hash}:
        return [f"{file.shown}: the English has changed since this was exported (exported from "
                f"{', '.join(sorted(hashes))}, now {file.source_hash}): export it again"]
    for key in english.keys() - got.keys():
        problems.append(f"{file.shown}#{key}: missing from the file")
    for key, unit in got.items():
        where = f"{file.shown}#{key}"
        if key not in english:
            problems.append(f"{where}: not a passage of this file")
            continue
        if unit.source != english[key]:
            problems.append(f"{where}: the English in the file is not the English exported")
            continue
        target = unit.target.strip()
        if not target:
            problems.append(f"{where}: not translated")
            continue
        if sorted(_PLACEHOLDERS.findall(unit.source)) != sorted(_PLACEHOLDERS.findall(target)):
            problems.append(f"{where}: placeholders differ from the English")
        lost = _links(unit.source, lang) - _links(target, lang)
        if lost:
            problems.append(f"{where}: links to {', '.join(sorted(lost))} are missing")
        if key in ("title", "summary") and "\n" in target:
            problems.append(f"{where}: must be one line")
        if key.startswith("paragraph") and (re.search(r"\n\s*\n", target) or "\n---" in target):
            problems.append(f"{where}: must stay one paragraph (no blank lines or --- lines)")
        problems.extend(f"{where}: {message}" for message in compare_passage(
            unit.source, target, lang))  # fmt: skip
    return problems


def _render(file: SourceFile, got: dict[str, Unit]) -> str:
    """The translated file, marked as made from the current English and not yet checked."""
    texts = {key: unit.target.strip() for key, unit in got.items()}
    if file.source.suffix == ".md":
        keys = [p.key for p in passages(file.source)]
        body = "\n\n".join(texts[k] for k in keys if k.startswith("paragraph"))
        text = (f"---\ntitle: {json.dumps(texts['title'], ensure_ascii=False)}\n"
                f"summary: {json.dumps(texts['summary'], ensure_ascii=False)}\n"
                f"translated_from: {file.source_hash}\nreviewed: false\n---\n{body}\n")  # fmt: skip
    else:
        data: dict[str, Any] = {"translated_from": file.source_hash, "reviewed": False}
        for key in [p.key for p in passages(file.source)]:
            _place(data, key, texts[key])
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6)
    parse_yaml(text.split("\n---\n")[0].removeprefix("---\n"))
    return text


def _links(text: str, lang: str) -> set[str]:
    """Where a passage links to, the language prefix of a translated page's links removed."""
    return {re.sub(rf"^/{lang}(?=/)", "", target) for target in _LINK.findall(text)}


def _unit_notes(entry: xliff2.Xliff2Unit, notes: dict[str, str]) -> None:
    """Notes on the <unit>, before its segment, where XLIFF 2 puts them."""
    container = etree.Element(entry.namespaced("notes"))
    for category, text in notes.items():
        note = etree.SubElement(container, entry.namespaced("note"), category=category)
        note.text = text
    entry.getunitelement().insert(0, container)


def _place(data: dict[str, Any], key: str, value: str) -> None:
    """Put `value` where a passage key ("terms[advocacy].term", "contacts.forum.hours") says."""
    node: dict[str, Any] = data
    parts = key.split(".")
    for part in parts[:-1]:
        match = re.fullmatch(r"(\w+)\[([^\]]+)\]", part)
        if match:
            items = node.setdefault(match.group(1), [])
            item = next((i for i in items if i.get("id") == match.group(2)), None)
            if item is None:
                item = {"id": match.group(2)}
                items.append(item)
            node = item
        else:
            node = node.setdefault(part, {})
    node[parts[-1]] = value


def passages(path: Path) -> list[Passage]:
    """The translatable passages of a page, glossary or council file, in order."""
    text = path.read_text(encoding="utf-8")
    found = _markdown_passages(text) if path.suffix == ".md" else _yaml_passages(text)
    return [p for p in found if _TRANSLATED.fullmatch(p.key)]


def _state(translation: Path, digest: str) -> str:
    if not translation.exists():
        return "missing"
    text = translation.read_text(encoding="utf-8")
    match = re.search(r"^translated_from:\s*['\"]?([0-9a-f]+)", text, re.M)
    return "current" if match and match.group(1) == digest else "stale"
