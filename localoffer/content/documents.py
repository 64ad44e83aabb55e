"""One entitlement's file as text: where it lives, its fields for a form, and back again.

The edit form works on the same Markdown document a council keeps in git, so every
revision stored in the database is a file `content check` could read.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from localoffer.content.fields import parse_yaml
from localoffer.content.front_matter import ENTITLEMENT_RULES
from localoffer.content.loader import split_document
from localoffer.content.problems import Problem

# Fields fixed when the entitlement is created: its address and place in the offer.
FIXED_FIELDS: tuple[str, ...] = ("id", "theme", "kind")
EDITABLE_FIELDS: tuple[str, ...] = tuple(f for f in ENTITLEMENT_RULES if f not in FIXED_FIELDS)
# Written one item a line in the form; the rest of the structured fields are YAML.
LINE_LIST_FIELDS = frozenset(f for f, r in ENTITLEMENT_RULES.items() if r.kind == "list")
YAML_FIELDS = frozenset(
    f for f, r in ENTITLEMENT_RULES.items() if r.kind in ("ages", "amounts", "sources")
)


def file_for(shown: str, content_dir: Path, council_dir: Path) -> Path:
    """The file on disk behind a path as the loader shows it (national/... or council/...)."""
    folder, _, rest = shown.partition("/")
    return content_dir / shown if folder == "national" else council_dir / rest


def read_document(text: str) -> tuple[dict[str, Any], str]:
    """Front matter and body of a valid document."""
    split = split_document(text, "", [])
    if split is None:
        raise ValueError("not a content document")
    return dict(split[0]), split[1]


def form_values(data: Mapping[str, Any], body: str) -> dict[str, str]:
    """Each editable field as the text a person edits in the form."""
    values: dict[str, str] = {}
    for name in EDITABLE_FIELDS:
        value = data.get(name)
        if value is None:
            values[name] = ""
        elif name in LINE_LIST_FIELDS and isinstance(value, list):
            values[name] = "\n".join(str(item) for item in value)
        elif name in YAML_FIELDS:
            values[name] = yaml.safe_dump(value, sort_keys=False, allow_unicode=True).strip()
        else:
            values[name] = value.isoformat() if isinstance(value, date) else str(value)
    values["body"] = body.strip()
    return values


def compose(
    fixed: Mapping[str, Any], values: Mapping[str, str], problems: list[Problem], shown: str
) -> str:
    """The document for a form's values; fields that cannot be read are recorded in problems."""
    data: dict[str, Any] = {name: fixed[name] for name in FIXED_FIELDS}
    for name in EDITABLE_FIELDS:
        raw = (values.get(name) or "").strip()
        if not raw:
            continue
        if name in LINE_LIST_FIELDS:
            data[name] = [line.strip() for line in raw.splitlines() if line.strip()]
        elif name in YAML_FIELDS:
            try:
                data[name] = parse_yaml(raw)
            except yaml.YAMLError as error:
                message = " ".join(str(error).split())
                problems.append(Problem(shown, name, f"cannot be read as YAML: {message}"))
        elif ENTITLEMENT_RULES[name].kind in ("date", "in_force"):
            data[name] = _day_or_text(raw)
        else:
            data[name] = raw
    front = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return f"---\n{front}---\n\n{(values.get('body') or '').strip()}\n"


def _day_or_text(raw: str) -> date | str:
    try:
        return date.fromisoformat(raw)
    except ValueError:
        return raw


def readable_diff(before: str, after: str) -> str:
    """What changed between two documents, line by line, for the audit record."""
    lines = difflib.unified_diff(
        before.splitlines(), after.splitlines(), "before", "after", lineterm="", n=1
    )
    return "\n".join(lines)


def write_atomically(path: Path, text: str) -> None:
    """Replace a content file in one step, so no reader ever sees half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(temporary, path)
