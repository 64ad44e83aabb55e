"""`flask --app localoffer content check`: validate every content file and report on it.

Registered as a Flask plugin command so it still runs, and reports, when bad content
stops the app itself from starting.
"""

from __future__ import annotations

import click

from localoffer.clock import uk_today
from localoffer.config import content_dirs
from localoffer.content.loader import load_offer
from localoffer.content.problems import ContentError


@click.group("content", help="Check the offer's content files.")
def content() -> None:
    """Commands for the content under content/ (or LOCALOFFER_CONTENT_DIR)."""


@content.command("check")
def check() -> None:
    """Validate every content file; list problems, overdue reviews and translations."""
    content_dir, council_dir = content_dirs()
    try:
        offer = load_offer(content_dir, council_dir)
    except ContentError as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        click.echo(f"{len(error.problems)} problem(s) found: the portal will not start.", err=True)
        raise SystemExit(1) from None
    today = uk_today()
    counts = {kind: sum(e.kind == kind for e in offer.entitlements) for kind in
              ("statutory", "national", "council")}  # fmt: skip
    click.echo(
        f"OK: {len(offer.entitlements)} entitlements ({counts['statutory']} statutory, "
        f"{counts['national']} national, {counts['council']} council), "
        f"{len(offer.glossary)} glossary terms."
    )
    overdue = offer.overdue(today)
    for item in overdue:
        click.echo(f"Review overdue: {item.path} (was due {item.review_due.isoformat()})")
    if not overdue:
        click.echo("No reviews overdue.")
