"""council.yaml (the council's name and contacts) and its translations, council.<lang>.yaml.

A translation carries only what a reader needs in their own words, each contact's name and
opening hours: phone numbers, email addresses and postal addresses stay exactly as written.
Like every translation it records the source it was made from (`translated_from`); when
council.yaml's names or hours change, the old words are no longer shown.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import yaml

from localoffer.content.fields import KEBAB, FieldReader, parse_yaml
from localoffer.content.model import (
    REQUIRED_CONTACTS,
    Contact,
    ContactWords,
    Council,
    CouncilTranslation,
)
from localoffer.content.problems import Problem, shown_path

_TRANSLATION = re.compile(r"^council\.(?P<lang>[a-z]{2,3})\.yaml$")
TRANSLATED_FIELDS = ("name", "hours")


def contacts_hash(contacts: dict[str, Contact]) -> str:
    """What a council translation records it was made from: every name and opening hours."""
    words = {key: [contact.name, contact.hours] for key, contact in contacts.items()}
    canonical = json.dumps(words, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def load_council(folder: Path, root: Path, problems: list[Problem]) -> Council | None:
    """The council from `folder`/council.yaml with its translations, or None after problems."""
    path = folder / "council.yaml"
    shown = shown_path(path, root)
    if not path.is_file():
        problems.append(Problem(shown, "file", "is missing: every council needs a council.yaml"))
        return None
    data = _read(path, shown, problems)
    if data is None:
        return None
    before = len(problems)
    read = FieldReader(shown, data, problems)
    read.reject_unknown({"name", "demo", "website", "contacts"})
    name = read.text("name", max_length=120)
    demo = read.boolean("demo", default=False)
    website = read.text("website", required=False)
    if website and not website.startswith("https://"):
        read.problem("website", "must start with https://")
    contacts: dict[str, Contact] = {}
    raw = read.mapping("contacts") or {}
    for key in REQUIRED_CONTACTS:
        if key not in raw:
            read.problem(f"contacts.{key}", "missing (this contact is required)")
    for key, value in raw.items():
        contact = _contact(str(key), value, shown, problems)
        if contact:
            contacts[contact.key] = contact
    if len(problems) > before:
        return None
    assert name
    source_hash = contacts_hash(contacts)
    translations = {}
    for translation_path in sorted(folder.glob("council.*.yaml")):
        match = _TRANSLATION.match(translation_path.name)
        if match is None:
            continue
        translation = _translation(
            translation_path, shown_path(translation_path, root), match["lang"], contacts,
            source_hash, problems,
        )  # fmt: skip
        if translation is not None:
            translations[translation.lang] = translation
    return Council(name=name, demo=demo, contacts=contacts, website=website,
                   translations=translations, source_hash=source_hash)  # fmt: skip


def _read(path: Path, shown: str, problems: list[Problem]) -> dict[str, Any] | None:
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        problems.append(Problem(shown, "yaml", f"cannot be read: {' '.join(str(error).split())}"))
        return None
    if not isinstance(data, dict):
        problems.append(Problem(shown, "yaml", "must be a mapping of fields"))
        return None
    return data


def _contact(key: str, value: Any, shown: str, problems: list[Problem]) -> Contact | None:
    field = f"contacts.{key}"
    if not KEBAB.match(key.replace("_", "-")):
        problems.append(Problem(shown, field, "use lower-case words joined by _"))
        return None
    if not isinstance(value, dict):
        problems.append(Problem(shown, field, "must be a mapping with name, phone, email"))
        return None
    before = len(problems)
    read = FieldReader(shown, {f"{field}.{k}": v for k, v in value.items()}, problems)
    read.reject_unknown({f"{field}.{k}" for k in ("name", "phone", "email", "hours", "address")})
    name = read.text(f"{field}.name", max_length=120)
    phone = read.text(f"{field}.phone", required=False, max_length=40)
    email = read.text(f"{field}.email", required=False, max_length=120)
    if phone is None and email is None:
        read.problem(field, "give a phone number or an email address")
    if phone and not re.fullmatch(r"\+?[0-9 ]{6,20}", phone):
        read.problem(f"{field}.phone", f"{phone!r} is not a phone number (digits and spaces)")
    if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        read.problem(f"{field}.email", f"{email!r} is not an email address")
    hours = read.text(f"{field}.hours", required=False)
    address = read.text(f"{field}.address", required=False)
    if len(problems) > before:
        return None
    assert name
    return Contact(key=key, name=name, phone=phone, email=email, hours=hours, address=address)


def _translation(
    path: Path, shown: str, lang: str, contacts: dict[str, Contact], source_hash: str,
    problems: list[Problem],
) -> CouncilTranslation | None:  # fmt: skip
    data = _read(path, shown, problems)
    if data is None:
        return None
    before = len(problems)
    read = FieldReader(shown, data, problems)
    read.reject_unknown({"translated_from", "reviewed", "contacts"})
    translated_from = read.text("translated_from", max_length=64)
    reviewed = read.boolean("reviewed", default=False)
    words: dict[str, ContactWords] = {}
    for key, value in (read.mapping("contacts") or {}).items():
        field = f"contacts.{key}"
        if key not in contacts:
            read.problem(field, f"{key!r} is not a contact in council.yaml")
            continue
        if not isinstance(value, dict):
            read.problem(field, "must be a mapping with name and hours")
            continue
        fields = FieldReader(shown, {f"{field}.{k}": v for k, v in value.items()}, problems)
        fields.reject_unknown({f"{field}.{k}" for k in TRANSLATED_FIELDS})
        name = fields.text(f"{field}.name", required=False, max_length=120)
        hours = fields.text(f"{field}.hours", required=False)
        if hours and contacts[key].hours is None:
            fields.problem(f"{field}.hours", "council.yaml gives no hours for this contact")
        words[str(key)] = ContactWords(name=name, hours=hours)
    if len(problems) > before:
        return None
    return CouncilTranslation(lang, words, stale=translated_from != source_hash,
                              reviewed=reviewed)  # fmt: skip
