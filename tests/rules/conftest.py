"""Shared set-up for the rules tests: the YAML case files, fed to tests by fixture name.

Tests ask for `status_case` or `bad_input_case` and get one parametrized run per case, so
no test module needs to import from another.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

HERE = Path(__file__).parent

# Every status case gives its own as_of; `today` only bounds how far ahead as_of may be and
# is the default when a bad-input case leaves as_of out.
TODAY = date(2026, 11, 23)

CASE_FILES = {"status_case": "cases.yaml", "bad_input_case": "bad_input.yaml"}


class _JsonLikeLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as strings, as they arrive in JSON."""


# Without the timestamp resolver, "2024-03-10" stays the string the API receives.
_JsonLikeLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_cases(file_name: str) -> list[dict[str, Any]]:
    """Read the named cases of a YAML file: a list, or a mapping whose `cases` is the list.

    The mapping form lets a file define named sets once (YAML anchors) beside its cases.
    """
    with (HERE / file_name).open(encoding="utf-8") as stream:
        data = yaml.load(stream, Loader=_JsonLikeLoader)
    return data["cases"] if isinstance(data, dict) else data  # type: ignore[no-any-return]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run a test once per case in the file its fixture name points to."""
    for fixture, file_name in CASE_FILES.items():
        if fixture in metafunc.fixturenames:
            cases = load_cases(file_name)
            metafunc.parametrize(fixture, cases, ids=[case["name"] for case in cases])


@pytest.fixture
def today() -> date:
    """The fixed 'today' the rules tests run on."""
    return TODAY


@pytest.fixture
def all_status_cases() -> list[dict[str, Any]]:
    """Every case in cases.yaml, for checks across the whole file."""
    return load_cases("cases.yaml")


@pytest.fixture
def all_bad_input_cases() -> list[dict[str, Any]]:
    """Every case in bad_input.yaml, for checks across the whole file."""
    return load_cases("bad_input.yaml")
