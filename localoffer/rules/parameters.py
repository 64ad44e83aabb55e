"""The law's dated parameters: every age, count and start date, read for the day asked about.

The values live in `parameters.yaml`, each with the provision that sets it and the date from
which each value applied, so a check on a day in the past applies the law as it stood then.
`law_on(day)` gives all of them for one day; it is cached because a day's law never changes.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, fields
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

PARAMETERS_FILE = Path(__file__).with_name("parameters.yaml")


class NotInForce(LookupError):
    """A parameter asked for on a day before the law gave it a value."""


@dataclass(frozen=True)
class Parameter:
    """One legal parameter: what it is, the law that sets it, and its value from each date."""

    name: str
    description: str
    unit: str
    reference: str
    starts: tuple[date, ...]
    values: tuple[Any, ...]

    def on(self, day: date) -> Any:
        """The value in force on `day` (the latest dated on or before it)."""
        index = bisect_right(self.starts, day)
        if index == 0 or self.values[index - 1] is None:
            raise NotInForce(f"{self.name} has no value on {day.isoformat()}")
        return self.values[index - 1]

    def in_force_on(self, day: date) -> bool:
        """Whether the parameter has a value on `day`."""
        index = bisect_right(self.starts, day)
        return index > 0 and self.values[index - 1] is not None


@dataclass(frozen=True)
class Law:
    """The rules' parameters as they stood on one day (see parameters.yaml for each source)."""

    counting_from_age: int
    eligible_from_age: int
    child_until_age: int
    qualifying_until_age: int
    care_leaver_until_age: int
    prescribed_period_days: int
    short_break_max_days: int
    short_breaks_max_days_in_12_months: int
    parent_months: int
    personal_adviser_on_request_to_25: bool
    junior_isa_months_looked_after: int | None


# Parameters that did not exist on some days the checker covers: None on those days.
_OPTIONAL = frozenset({"junior_isa_months_looked_after"})


def _read(path: Path) -> dict[str, Parameter]:
    """Every parameter in the file, its values in date order."""
    with path.open(encoding="utf-8") as stream:
        raw: dict[str, Any] = yaml.safe_load(stream)
    parameters = {}
    for name, entry in raw.items():
        dated = sorted((start, value["value"]) for start, value in entry["values"].items())
        parameters[name] = Parameter(
            name=name,
            description=" ".join(str(entry["description"]).split()),
            unit=str(entry["unit"]),
            reference=" ".join(str(entry["reference"]).split()),
            starts=tuple(start for start, _ in dated),
            values=tuple(value for _, value in dated),
        )
    return parameters


PARAMETERS: dict[str, Parameter] = _read(PARAMETERS_FILE)

# The first day every parameter the status rules need has a value: no earlier day is checked.
EARLIEST_DAY: date = max(
    PARAMETERS[field.name].starts[0] for field in fields(Law) if field.name not in _OPTIONAL
)


def parameter(name: str) -> Parameter:
    """One parameter by name, with its reference and dated values."""
    return PARAMETERS[name]


@lru_cache(maxsize=4096)
def law_on(day: date) -> Law:
    """Every parameter's value on `day`; NotInForce before EARLIEST_DAY."""
    values: dict[str, Any] = {}
    for field in fields(Law):
        item = PARAMETERS[field.name]
        if field.name in _OPTIONAL and not item.in_force_on(day):
            values[field.name] = None
        else:
            values[field.name] = item.on(day)
    return Law(**values)
