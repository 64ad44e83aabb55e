"""Checks for single front matter values; each records a Problem instead of raising."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml

from localoffer.content.problems import Problem

KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_MISSING = object()


class FieldReader:
    """Reads fields of one mapping from one file, noting each problem against its field."""

    def __init__(self, path: str, data: Mapping[str, Any], problems: list[Problem]) -> None:
        self.path = path
        self.data = data
        self.problems = problems

    def problem(self, field: str, message: str) -> None:
        self.problems.append(Problem(self.path, field, message))

    def reject_unknown(self, known: Collection[str]) -> None:
        for key in self.data:
            if key not in known:
                self.problem(str(key), "unknown field (check the spelling)")

    def _get(self, field: str, required: bool) -> Any:
        value = self.data.get(field, _MISSING)
        if value is _MISSING or value is None:
            if required:
                self.problem(field, "missing (this field is required)")
            return _MISSING
        return value

    def text(self, field: str, required: bool = True, max_length: int = 500) -> str | None:
        value = self._get(field, required)
        if value is _MISSING:
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(field, "must be text")
            return None
        if len(value) > max_length:
            self.problem(field, f"is {len(value)} characters long; keep it under {max_length}")
            return None
        return value.strip()

    def choice(self, field: str, choices: Collection[str], required: bool = True) -> str | None:
        value = self._get(field, required)
        if value is _MISSING:
            return None
        if value not in choices:
            self.problem(field, f"unknown value {value!r}; use one of: {', '.join(choices)}")
            return None
        return str(value)

    def boolean(self, field: str, default: bool) -> bool:
        value = self._get(field, False)
        if value is _MISSING:
            return default
        if not isinstance(value, bool):
            self.problem(field, f"must be true or false, not {value!r}")
            return default
        return value

    def day(self, field: str, required: bool = True) -> date | None:
        value = self._get(field, required)
        if value is _MISSING:
            return None
        day = as_date(value)
        if day is None:
            self.problem(field, f"{value!r} is not a date; write it as YYYY-MM-DD")
        return day

    def text_list(
        self,
        field: str,
        required: bool = True,
        choices: Collection[str] | None = None,
        item_check: Callable[[str], bool] | None = None,
    ) -> tuple[str, ...]:
        value = self._get(field, required)
        if value is _MISSING:
            return ()
        if not isinstance(value, list) or (required and not value):
            self.problem(field, "must be a list with at least one item")
            return ()
        items: list[str] = []
        for item in value:
            if not isinstance(item, str) or not item.strip():
                self.problem(field, f"{item!r} must be text")
            elif choices is not None and item not in choices:
                self.problem(field, f"unknown value {item!r}; use one of: {', '.join(choices)}")
            elif item_check is not None and not item_check(item):
                self.problem(field, f"{item!r} is not allowed here")
            else:
                items.append(item.strip())
        if len(set(items)) != len(items):
            self.problem(field, "lists the same value twice")
        return tuple(items)

    def mapping(self, field: str, required: bool = True) -> Mapping[str, Any] | None:
        value = self._get(field, required)
        if value is _MISSING:
            return None
        if not isinstance(value, dict):
            self.problem(field, "must be a mapping, like {key: value}")
            return None
        return value


def as_money(value: Any) -> Decimal | None:
    """A positive amount of pounds, whole or with pence; YAML booleans are not numbers."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return None
    if not amount.is_finite() or amount <= 0 or amount != amount.quantize(Decimal("0.01")):
        return None
    return amount


# The C parser, where PyYAML was built with it: start-up reads every file in every language.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """Parse YAML safely (no arbitrary objects), as fast as this machine allows."""
    return yaml.load(text, Loader=_YAML_LOADER)


def as_date(value: Any) -> date | None:
    """A YAML date, or text written YYYY-MM-DD; None for anything else."""
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None
