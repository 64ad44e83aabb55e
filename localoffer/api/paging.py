"""Query parameters of the Open Referral lists, checked, and the page they select.

Every number and date is checked before anything is filtered, and each bad value is named
with what to send instead (400), as the rest of the API does: a directory that sends
`page=two` learns why it got nothing instead of silently getting page 1.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 500
MAX_PAGE = 1_000_000


class BadQuery(Exception):
    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(problems)
        self.problems = problems


def _whole(args: Mapping[str, str], name: str, default: int, low: int, high: int,
           problems: dict[str, str]) -> int:  # fmt: skip
    raw = args.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isascii() or not raw.isdigit() or not low <= int(raw) <= high:
        problems[name] = f"Enter a whole number from {low} to {high}, not {raw[:40]!r}"
        return default
    return int(raw)


def _age(args: Mapping[str, str], name: str, problems: dict[str, str]) -> float | None:
    raw = args.get(name)
    if raw is None or raw == "":
        return None
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or not 0 <= value <= 150:
        problems[name] = f"Enter an age in years from 0 to 150, not {raw[:40]!r}"
        return None
    return value


def _moment(args: Mapping[str, str], name: str, problems: dict[str, str]) -> datetime | None:
    """A date (YYYY-MM-DD) or an ISO 8601 date-time; one without a zone is taken as UTC."""
    raw = args.get(name)
    if raw is None or raw == "":
        return None
    try:
        if len(raw) == 10:
            return datetime.combine(date.fromisoformat(raw), datetime.min.time(), tzinfo=UTC)
        moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        problems[name] = (
            f"Enter a date as YYYY-MM-DD or a date-time as YYYY-MM-DDThh:mm:ssZ, not {raw[:40]!r}"
        )
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def page_numbers(args: Mapping[str, str], problems: dict[str, str]) -> tuple[int, int]:
    """`page` (from 1) and `per_page`, or their defaults."""
    page = _whole(args, "page", 1, 1, MAX_PAGE, problems)
    per_page = _whole(args, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE, problems)
    return page, per_page


def service_filters(args: Mapping[str, str], problems: dict[str, str]) -> dict[str, Any]:
    return {
        "search": (args.get("search") or "").strip()[:200] or None,
        "taxonomy_term_id": args.get("taxonomy_term_id") or None,
        "taxonomy_id": args.get("taxonomy_id") or None,
        "minimum_age": _age(args, "minimum_age", problems),
        "maximum_age": _age(args, "maximum_age", problems),
        "modified_after": _moment(args, "modified_after", problems),
    }


def page_of(items: Sequence[Any], page: int, per_page: int) -> dict[str, Any]:
    """The HSDS page of `items`: beyond the last page is empty, never an error."""
    total = len(items)
    total_pages = math.ceil(total / per_page)
    contents = list(items[(page - 1) * per_page : page * per_page])
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not contents,
        "contents": contents,
    }
