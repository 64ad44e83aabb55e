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
