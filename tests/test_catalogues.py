"""Every screen and message is translated into every language, and what is served is current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from localoffer.languages import SHIPPED_LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
LANGUAGES = [lang for lang in SHIPPED_LANGUAGES if lang != "en"]


def catalogue(lang: str):
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").open("rb") as po:
        return read_po(po, locale=lang)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The strings the code and templates use today, extracted afresh."""
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
         "-k", "_l", "-k", "N_", "-k", "NP_:1,2", "-o", str(pot), "."],
        cwd=ROOT, check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    with pot.open("rb") as handle:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_has_every_string_in_use(lang: str, extracted: set[str]) -> None:
    """No string on any page is missing from the language's catalogue (run make translations)."""
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in catalogue(lang) if m.id}
    assert sorted(extracted - ids) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_is_fully_translated_with_nothing_fuzzy(lang: str) -> None:
    """100% translated, no fuzzy guesses, and placeholders kept."""
    untranslated, fuzzy = [], []
    for message in catalogue(lang):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            untranslated.append(message.id)
        if message.fuzzy:
            fuzzy.append(message.id)
    assert untranslated == [] and fuzzy == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_survive_translation(lang: str) -> None:
    """A translation that drops or renames %(name)s would crash or mislead at run time."""
    import re

    placeholder = re.compile(r"%\([a-z_]+\)[sd]")
    for message in catalogue(lang):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(placeholder.findall(ids[-1]))
        for string in strings:
            assert set(placeholder.findall(string)) <= wanted | set(placeholder.findall(ids[0])), (
                message.id
            )
            assert wanted - {"%(num)d"} <= set(placeholder.findall(string)), message.id


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_catalogue_matches_its_source(lang: str) -> None:
    """The committed .mo the portal serves says exactly what the .po says."""
    def plain(value: object) -> object:
        return tuple(value) if isinstance(value, list | tuple) else value

    with (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.mo").open("rb") as mo:
        served = {plain(m.id): plain(m.string) for m in read_mo(mo) if m.id}
    source = {plain(m.id): plain(m.string) for m in catalogue(lang) if m.id and not m.fuzzy}
    assert served == source
