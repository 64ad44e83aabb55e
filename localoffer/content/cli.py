"""`flask --app localoffer content check`: validate every content file and report on it.

Registered as a Flask plugin command so it still runs, and reports, when bad content
stops the app itself from starting.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import click

from localoffer.clock import today
from localoffer.config import content_dirs
from localoffer.content.coverage import coverage
from localoffer.content.crosscheck import check_translations
from localoffer.content.glossary import Glossary, load_glossary
from localoffer.content.loader import load_offer
from localoffer.content.model import Offer
from localoffer.content.problems import ContentError
from localoffer.languages import SHIPPED_LANGUAGES

DUE_SOON_DAYS = 30


@click.group("content", help="Check the offer's content files.")
def content() -> None:
    """Commands for the content under content/ (or LOCALOFFER_CONTENT_DIR)."""


def load_or_exit() -> Offer:
    """The offer, or every problem on its own line and exit status 1."""
    try:
        return load_offer(*content_dirs())
    except ContentError as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        click.echo(f"{len(error.problems)} problem(s) found: the portal will not start.", err=True)
        raise SystemExit(1) from None


@content.command("check")
def check() -> None:
    """Validate every content file; list problems, overdue reviews and translations."""
    offer = load_or_exit()
    compare_with_sources_or_exit()
    on = today()
    counts = {kind: sum(e.kind == kind for e in offer.entitlements) for kind in
              ("statutory", "national", "council")}  # fmt: skip
    click.echo(
        f"OK: {len(offer.entitlements)} entitlements ({counts['statutory']} statutory, "
        f"{counts['national']} national, {counts['council']} council), "
        f"{len(offer.glossary)} glossary terms."
    )
    for lang in SHIPPED_LANGUAGES[1:]:
        got = coverage(offer, lang)
        click.echo(
            f"{lang}: national {got.national_translated}/{got.national_total}, council "
            f"{got.council_translated}/{got.council_total}, glossary "
            f"{got.glossary_translated}/{got.glossary_total}"
            f"{' (out of date)' if got.glossary_stale else ''}, "
            f"contacts {got.contacts_translated}/{got.contacts_total}"
            f"{' (out of date)' if got.contacts_stale else ''}, "
            f"{got.reviewed} checked by a fluent speaker, {len(got.stale)} out of date"
        )
        for path in got.stale:
            click.echo(f"  Out of date ({lang}): {path}")
    listed = ", ".join(f"{lang} {len(words)}" for lang, words in offer.synonyms.items())
    click.echo(f"Search synonyms: {listed or 'none'}.")
    overdue = offer.overdue(on)
    for item in overdue:
        click.echo(
            f"Review overdue: {item.path} (was due {item.review_due.isoformat()}, "
            f"reviewed {item.review_cadence})"
        )
    if not overdue:
        click.echo("No reviews overdue.")
    due_soon = offer.due_soon(on, DUE_SOON_DAYS)
    for item in due_soon:
        click.echo(
            f"Review due within {DUE_SOON_DAYS} days: {item.path} "
            f"(due {item.review_due.isoformat()}, reviewed {item.review_cadence})"
        )
    if not due_soon:
        click.echo(f"No reviews due within {DUE_SOON_DAYS} days.")


@content.command("reminders")
def reminders() -> None:
    """Email each editor the reviews that are overdue or due within 30 days (for cron)."""
    # Flask's command line keeps its ScriptInfo on the root context: the app is built from
    # it here, and the feature that sends the email is found through the app, so the
    # content commands still load no web framework until this one runs.
    info = click.get_current_context().find_root().obj
    app = info.load_app()
    with app.app_context():
        try:
            sent = app.extensions["localoffer.review_reminders"]()
        except RuntimeError as error:  # no mail server configured
            click.echo(str(error), err=True)
            raise SystemExit(1) from None
        except OSError as error:  # the mail server refused or could not be reached
            click.echo(f"Could not send the reminders: {error}", err=True)
            raise SystemExit(1) from None
    if sent:
        click.echo(f"Sent review reminders to {len(sent)} editor(s): {', '.join(sent)}")
    else:
        click.echo("Nothing overdue or due soon, or no editors: no reminders sent.")


def compare_with_sources_or_exit() -> None:
    """Every translation against its source: the same numbers, and no "should" made "must"."""
    content_dir, council_dir = content_dirs()
    folders = [content_dir / "national", council_dir]
    problems = check_translations(folders, list(SHIPPED_LANGUAGES[1:]))
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        click.echo(f"{len(problems)} translation problem(s) found.", err=True)
        raise SystemExit(1)


@content.command("sources")
def sources() -> None:
    """List each source file with the hash its translations must record in translated_from."""
    offer = load_or_exit()
    content_dir, council_dir = content_dirs()
    for item in offer.entitlements:
        click.echo(f"{item.source_hash}  {item.path}  {_states(item.translations)}")
    for path, digest in glossary_hashes(content_dir, council_dir).items():
        click.echo(f"{digest}  {path}")
    council = offer.council
    click.echo(
        f"{council.source_hash}  {council_dir.name}/council.yaml  {_states(council.translations)}"
    )


def _states(translations: Mapping[str, Any]) -> str:
    """Each language's translation of a source: ok, stale (out of date) or missing."""
    return " ".join(
        f"{lang}:{'stale' if translations[lang].stale else 'ok'}"
        if lang in translations
        else f"{lang}:missing"
        for lang in SHIPPED_LANGUAGES[1:]
    )


def glossary_hashes(content_dir: Path, council_dir: Path) -> dict[str, str]:
    glossary: Glossary = load_glossary([content_dir / "national", council_dir], [])
    return {f"{p.parent.name}/{p.name}": h for p, h in glossary.source_hashes.items()}


@content.command("export-translations")
@click.option("--lang", required=True, type=click.Choice(SHIPPED_LANGUAGES[1:]),
              help="The language to export.")  # fmt: skip
@click.option("--format", "fmt", default="xliff", show_default=True,
              type=click.Choice(["po", "xliff"]), help="XLIFF 2 or gettext PO.")  # fmt: skip
@click.option("--all", "everything", is_flag=True,
              help="Every file, not only those missing or out of date (for a full review).")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write it (default: translations-<lang>.<xlf|po>).")  # fmt: skip
def export_translations(lang: str, fmt: str, everything: bool, output: Path | None) -> None:
    """Write the missing and out-of-date translations of a language for an agency."""
    from localoffer.content.exchange import export_units, translatable_files, write_units

    files = translatable_files(*content_dirs(), lang, load_or_exit())
    units = export_units(files, everything)
    output = output or Path(f"translations-{lang}.{'po' if fmt == 'po' else 'xlf'}")
    output.write_bytes(write_units(units, lang, fmt))
    count = len({unit.location.partition("#")[0] for unit in units})
    click.echo(f"Wrote {len(units)} passages from {count} file(s) to {output}.")


@content.command("import-translations")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--lang", type=click.Choice(SHIPPED_LANGUAGES[1:]),
              help="The language expected in the file (default: the file's own).")  # fmt: skip
def import_translations(path: Path, lang: str | None) -> None:
    """Check an agency's PO or XLIFF file and, only if all of it is right, write the files."""
    from localoffer.content.exchange import (
        ExchangeError,
        import_units,
        read_units,
        translatable_files,
    )

    fmt = "po" if path.suffix == ".po" else "xliff"
    try:
        said, units = read_units(path.read_bytes(), fmt)
    except Exception as error:  # any failure to parse is the file's fault, reported as such
        click.echo(f"{path}: cannot be read as {fmt.upper()}: {error}", err=True)
        raise SystemExit(1) from None
    lang = lang or said
    if lang not in SHIPPED_LANGUAGES[1:] or (said and said != lang):
        click.echo(f"{path}: the file is for {said or 'no language'}, not {lang}", err=True)
        raise SystemExit(1)
    offer = load_or_exit()
    try:
        written = import_units(translatable_files(*content_dirs(), lang, offer), units, lang)
    except ExchangeError as error:
        for problem in error.problems:
            click.echo(problem, err=True)
        click.echo(f"{len(error.problems)} problem(s) found: nothing was written.", err=True)
        raise SystemExit(1) from None
    for written_path in written:
        click.echo(f"Wrote {written_path}")
    click.echo(f"Imported {len(written)} file(s) for {lang}; run content check next.")
