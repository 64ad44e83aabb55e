"""Reads `sources` and `amounts`: every figure dated, and traceable to a source someone checked."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from localoffer.content.fields import FieldReader, as_date, as_money
from localoffer.content.model import AMOUNT_PERIODS, AMOUNT_QUALIFIERS, DatedAmount, Source

_HTTPS_URL = re.compile(r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?:[/?#][^\s]*)?$")
SOURCE_KEYS = ("title", "url", "checked")
AMOUNT_KEYS = ("gbp", "per", "qualifier", "from", "source")
SOURCE_EXAMPLE = "{title: ..., url: https://..., checked: YYYY-MM-DD}"
AMOUNTS_EXAMPLE = (
    "amounts: [{gbp: 3000, per: once, from: 2023-08-01, source: <the url or title of one of "
    "the sources>}], one entry per date the figure changed, oldest first"
)


def read_sources(read: FieldReader, url_required: bool) -> tuple[Source, ...]:
    """`sources`: each {title, url, checked}; a link is required for law and national schemes."""
    value = read.data.get("sources")
    if value is None:
        read.problem("sources", "missing (this field is required)")
        return ()
    if not isinstance(value, list) or not value:
        read.problem("sources", f"must be a list with at least one item, each {SOURCE_EXAMPLE}")
        return ()
    sources: list[Source] = []
    for number, item in enumerate(value, start=1):
        source = _source(read, f"sources[{number}]", item, url_required)
        if source is not None:
            sources.append(source)
    titles = [s.title for s in sources]
    urls = [s.url for s in sources if s.url]
    if len(set(titles)) != len(titles) or len(set(urls)) != len(urls):
        read.problem("sources", "lists the same title or url twice")
    return tuple(sources)


def _source(read: FieldReader, field: str, item: Any, url_required: bool) -> Source | None:
    if not isinstance(item, dict):
        read.problem(field, f"write each source as {SOURCE_EXAMPLE}, not {item!r}")
        return None
    unknown = sorted(str(key) for key in item if key not in SOURCE_KEYS)
    if unknown:
        read.problem(field, f"unknown keys {unknown}; use {', '.join(SOURCE_KEYS)}")
    title = item.get("title")
    if not isinstance(title, str) or not title.strip():
        read.problem(field, "'title' must be text: what the document is called")
        title = None
    url = item.get("url")
    if url is None:
        if url_required:
            read.problem(
                field,
                "'url' is missing: law and national schemes need a link a reviewer can open "
                "(legislation.gov.uk for Acts and regulations, gov.uk for guidance)",
            )
    elif not isinstance(url, str) or not _HTTPS_URL.match(url):
        read.problem(field, f"'url' {url!r} must be a web address starting https://")
        url = None
    checked = as_date(item.get("checked"))
    if checked is None:
        read.problem(
            field, f"'checked' is {item.get('checked')!r}; write the day it was checked, YYYY-MM-DD"
        )
    if title is None or checked is None:
        return None
    return Source(title=title.strip(), url=url, checked=checked)


def read_amounts(read: FieldReader, sources: tuple[Source, ...]) -> tuple[DatedAmount, ...]:
    """`amounts`: dated values, oldest first, each naming the source it comes from."""
    if "amount" in read.data:
        read.problem("amount", f"is no longer used: write {AMOUNTS_EXAMPLE}")
    value = read.data.get("amounts")
    if value is None:
        return ()
    if not isinstance(value, list) or not value:
        read.problem("amounts", f"must be a list: {AMOUNTS_EXAMPLE}")
        return ()
    known = {s.title for s in sources} | {s.url for s in sources if s.url}
    amounts: list[DatedAmount] = []
    broken = False
    for number, item in enumerate(value, start=1):
        amount = _amount(read, f"amounts[{number}]", item, known)
        if amount is None:
            broken = True
        else:
            amounts.append(amount)
    starts = [a.starts for a in amounts]
    for earlier, later in pairwise(starts):
        if later == earlier:
            read.problem("amounts", f"two amounts start on {later}; give each date once")
            broken = True
        elif later < earlier:
            read.problem(
                "amounts",
                f"{later} comes after {earlier}; sort the amounts by 'from', oldest first",
            )
            broken = True
    return () if broken else tuple(amounts)


def _amount(read: FieldReader, field: str, item: Any, known: set[str]) -> DatedAmount | None:
    if not isinstance(item, dict):
        read.problem(field, f"must be a mapping: {AMOUNTS_EXAMPLE}")
        return None
    before = len(read.problems)
    unknown = sorted(str(key) for key in item if key not in AMOUNT_KEYS)
    if unknown:
        read.problem(field, f"unknown keys {unknown}; use {', '.join(AMOUNT_KEYS)}")
    gbp = as_money(item.get("gbp"))
    if gbp is None:
        read.problem(field, f"'gbp' must be a number of pounds above 0, not {item.get('gbp')!r}")
    per = item.get("per")
    if per not in AMOUNT_PERIODS:
        read.problem(field, f"'per' is {per!r}; use one of: {', '.join(AMOUNT_PERIODS)}")
    qualifier = item.get("qualifier", "exactly")
    if qualifier not in AMOUNT_QUALIFIERS:
        read.problem(
            field, f"'qualifier' is {qualifier!r}; use one of: {', '.join(AMOUNT_QUALIFIERS)}"
        )
    starts = as_date(item.get("from"))
    if starts is None:
        read.problem(
            field, f"'from' is {item.get('from')!r}; write the day it took effect, YYYY-MM-DD"
        )
    source = item.get("source")
    if not isinstance(source, str) or source not in known:
        read.problem(
            field, f"'source' is {source!r}; give the url or title of one entry in sources"
        )
    if len(read.problems) > before:
        return None
    assert gbp is not None and starts is not None
    return DatedAmount(
        gbp=gbp, per=str(per), qualifier=qualifier, starts=starts, source=str(source)
    )

