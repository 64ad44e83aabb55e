"""Translations go out to agencies as PO or XLIFF 2 and come back checked before being written."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from localoffer.content.exchange import (
    ExchangeError,
    Unit,
    export_units,
    import_units,
    read_units,
    translatable_files,
    write_units,
)
from localoffer.content.loader import load_offer
from localoffer.content.model import Offer
from localoffer.i18n import SHIPPED_LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = list(SHIPPED_LANGUAGES[1:])
HOME = "national/finances/setting-up-home-allowance.md"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the shipped content that a test may write to."""
    copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", copy)
    return copy


@pytest.fixture(scope="module")
def shipped() -> Offer:
    """The shipped offer, loaded once: its English, and so its hashes, never change here."""
    return load_offer(ROOT / "content", ROOT / "content" / "council")


def files_of(content: Path, lang: str, offer: Offer | None = None):
    return translatable_files(content, content / "council", lang, offer)


def translated(content: Path) -> dict:
    """Everything a reader sees in translation: pages, glossary terms and council contacts."""
    offer = load_offer(content, content / "council")
    return {
        "pages": {(e.path, lang): (t.title, t.summary, t.body_html, t.stale)
                  for e in offer.entitlements for lang, t in e.translations.items()},
        "glossary": {lang: g.terms for lang, g in offer.glossary_translations.items()},
        "contacts": {lang: c.contacts for lang, c in offer.council.translations.items()},
    }  # fmt: skip


def test_every_language_round_trips_through_po_and_xliff(content: Path, shipped: Offer) -> None:
    """Exported and imported unchanged, every language's translations read exactly as before."""
    before = translated(content)
    for number, lang in enumerate(LANGUAGES):
        files = files_of(content, lang, shipped)
        units = export_units(files, everything=True)
        assert len({u.location.partition("#")[0] for u in units}) == 67
        for fmt in ("po", "xliff"):
            said, back = read_units(write_units(units, lang, fmt), fmt)
            assert said == lang and back == units
        fmt = ("po", "xliff")[number % 2]
        written = import_units(files, read_units(
            write_units(units, lang, fmt), fmt)[1], lang)  # fmt: skip
        assert len(written) == 67
    assert translated(content) == before


def test_export_holds_only_missing_and_out_of_date_files(content: Path, shipped: Offer) -> None:
    """Up-to-date translations stay out; a stale one comes with its current translation."""
    assert export_units(files_of(content, "ar", shipped)) == []
    stale = content / HOME.replace(".md", ".ar.md")
    stale.write_text(stale.read_text(encoding="utf-8").replace(
        "translated_from: ", "translated_from: 0", 1), encoding="utf-8")  # fmt: skip
    (content / HOME.replace(".md", ".vi.md")).unlink()
    ar = export_units(files_of(content, "ar", shipped))
    vi = export_units(files_of(content, "vi", shipped))
    assert {u.location.partition("#")[0] for u in ar} == {HOME}
    summary = next(u for u in ar if u.location == f"{HOME}#summary")
    assert "£3,000" in summary.source and "£3,000" in summary.target
    assert {u.location.partition("#")[0] for u in vi} == {HOME}
    assert all(u.target == "" for u in vi)


def bad(units: list[Unit], location: str, old: str, new: str) -> list[Unit]:
    return [replace(u, target=u.target.replace(old, new)) if u.location == location else u
            for u in units]  # fmt: skip


@pytest.mark.parametrize("change,expected", [
    (lambda us: bad(us, f"{HOME}#summary", "£3,000", "£300"), "missing 3000"),
    (lambda us: bad(us, f"{HOME}#summary", "ينبغي", "يجب"), "the word for must"),
    (lambda us: bad(us, f"{HOME}#paragraph 1", "](/ar/glossary/#setting-up-home-allowance)", ""),
     "links to /glossary/#setting-up-home-allowance are missing"),
    (lambda us: bad(us, f"{HOME}#title", "بدل", "بدل\nتأسيس"), "must be one line"),
    (lambda us: [replace(u, target="") if u.location == f"{HOME}#paragraph 2" else u
                 for u in us], "paragraph 2: not translated"),
    (lambda us: [u for u in us if u.location != f"{HOME}#paragraph 3"], "paragraph 3: missing"),
    (lambda us: [replace(u, source_hash="0123456789ab") for u in us],
     "the English has changed since this was exported"),
    (lambda us: [*us, Unit("national/nowhere.md#title", "x", "y", "0")], "not a passage"),
])  # fmt: skip
def test_a_bad_import_is_refused_and_nothing_is_written(
    content: Path, shipped: Offer, change, expected
) -> None:
    """Every problem is named by file and passage, and not one file changes."""
    files = files_of(content, "ar", shipped)
    units = [u for u in export_units(files, everything=True)
             if u.location.startswith(HOME) or u.location.startswith("national/glossary.yaml")]
    before = {p: p.read_bytes() for p in content.rglob("*.ar.*")}
    with pytest.raises(ExchangeError) as raised:
        import_units(files, change(units), "ar")
    assert any(expected in problem for problem in raised.value.problems), raised.value.problems
    assert {p: p.read_bytes() for p in content.rglob("*.ar.*")} == before


def test_commands_export_and_import_an_agency_file(
    content: Path, tmp_path: Path, shipped: Offer
) -> None:
    """`content export-translations` then `import-translations` round-trip an XLIFF file."""
    stale = content / HOME.replace(".md", ".sq.md")
    original = stale.read_text(encoding="utf-8")
    stale.write_text(original.replace("translated_from: ", "translated_from: 0", 1), "utf-8")
    env = {**os.environ, "LOCALOFFER_CONTENT_DIR": str(content)}
    flask = [str(Path(sys.executable).with_name("flask")), "--app", "localoffer", "content"]
    agency = tmp_path / "sq.xlf"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*flask, *args], capture_output=True, text=True, env=env,
                              timeout=60, check=False)  # fmt: skip

    exported = run("export-translations", "--lang", "sq", "--output", str(agency))
    assert exported.returncode == 0, exported.stderr
    assert "from 1 file(s)" in exported.stdout
    assert 'trgLang="sq"' in agency.read_text(encoding="utf-8")
    wrong = run("import-translations", str(agency), "--lang", "vi")
    assert wrong.returncode == 1 and "the file is for sq, not vi" in wrong.stderr
    imported = run("import-translations", str(agency))
    assert imported.returncode == 0, imported.stderr
    assert "Imported 1 file(s) for sq" in imported.stdout
    assert stale.read_text(encoding="utf-8").startswith("---\ntitle: ")
    assert export_units(files_of(content, "sq", shipped)) == []
