"""The published JSON Schema of the front matter accepts every shipped file and refuses bad ones.

It is generated from the same rules the loader checks files with; the bad files are the
loader's own bad-content cases (tests/test_content_validation.py), so a rule that changes
in one place and not the other fails here.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient
from jsonschema import Draft202012Validator, FormatChecker
from test_content_validation import BAD_CONTENT

from localoffer.content import load_offer
from localoffer.content.fields import parse_yaml
from localoffer.content.front_matter import json_schema

ROOT = Path(__file__).parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "content"
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---", re.DOTALL)
# Checks only the loader can make: across fields, against the folder or file name, or the body.
LOADER_ONLY = {"bad yaml", "kind in the wrong folder", "id not matching the file name",
               "from not below to", "review due before last reviewed",
               "theme not matching the folder", "amounts out of date order",
               "two amounts on one date", "amount from a source not listed",
               "review due later than a monthly cadence allows",
               "benefit figures not reviewed by April",
               "education funding not reviewed by August"}  # fmt: skip


def as_json(value: Any) -> Any:
    """Front matter as a JSON document would carry it: YAML dates become YYYY-MM-DD."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value.isoformat() if isinstance(value, date) else value


def front_matter(text: str) -> Any:
    match = FRONT_MATTER.match(text)
    assert match, text[:80]
    return as_json(parse_yaml(match.group(1)))


@pytest.fixture
def schema(client: FlaskClient) -> Draft202012Validator:
    response = client.get("/api/v1/schema/entitlement.json")
    assert response.status_code == 200
    document = response.get_json()
    Draft202012Validator.check_schema(document)
    return Draft202012Validator(document, format_checker=FormatChecker())


def entitlement_files(root: Path) -> list[Path]:
    return [p for p in sorted(root.rglob("*.md"))
            if p.name != "README.md" and "." not in p.stem]  # fmt: skip


def test_every_shipped_content_file_validates(schema: Draft202012Validator) -> None:
    """Every entitlement file in content/ fits the published schema."""
    files = entitlement_files(ROOT / "content")
    assert len(files) == len(load_offer(ROOT / "content").entitlements)
    for path in files:
        errors = [e.message for e in schema.iter_errors(front_matter(path.read_text("utf-8")))]
        assert not errors, (path.name, errors)


@pytest.fixture
def app_for_fixtures() -> Draft202012Validator:
    """The schema for the fixture council, whose contacts differ from the shipped one's."""
    council = load_offer(FIXTURES).council
    return Draft202012Validator(json_schema(council.contacts), format_checker=FormatChecker())


def test_the_fixture_files_validate_before_they_are_broken(
    app_for_fixtures: Draft202012Validator,
) -> None:
    """The files the bad cases start from are themselves valid."""
    for path in entitlement_files(FIXTURES):
        assert app_for_fixtures.is_valid(front_matter(path.read_text("utf-8"))), path.name


CASES = [case for case in BAD_CONTENT
         if case[1].endswith(".md") and case[4] not in {"body", "front matter", "yaml"}
         and case[0] not in LOADER_ONLY]  # fmt: skip


@pytest.mark.parametrize(("case", "file", "old", "new", "field", "message"), CASES,
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_front_matter_the_loader_refuses_the_schema_refuses(
    app_for_fixtures: Draft202012Validator, case: str, file: str, old: str, new: str,
    field: str, message: str,
) -> None:  # fmt: skip
    """Each of the loader's bad front-matter cases fails the schema too, at the same field."""
    text = (FIXTURES / file).read_text("utf-8")
    assert old in text
    data = front_matter(text.replace(old, new, 1))
    errors = list(app_for_fixtures.iter_errors(data))
    assert errors, case
    places = {str(e.absolute_path[0]) if e.absolute_path else "" for e in errors}
    messages = " ".join(e.message for e in errors)
    # The loader names an item ("amounts[2]"); the schema names the field that holds it.
    name = field.partition("[")[0]
    assert name in places or repr(field) in messages, (case, places, messages)


def test_the_schema_allows_what_the_loader_allows(app_for_fixtures: Draft202012Validator) -> None:
    """Optional fields may be empty, amounts may be text, and a law may be not yet in force."""
    text = (FIXTURES / "council/health/free-gym.md").read_text("utf-8")
    data = front_matter(text)
    source = data["sources"][0]["title"]
    text_amount = [{"gbp": "250.50", "per": "year", "from": "2026-04-01", "source": source}]
    for extra in ({"conditions": None}, {"amounts": text_amount}, {"amounts": None},
                  {"in_force_from": "not yet set"}, {"in_force_from": "2027-04-01"},
                  {"legal_basis": None}):  # fmt: skip
        assert app_for_fixtures.is_valid({**data, **extra}), extra
