"""The taxonomies the Open Referral export classifies the offer with, and each service's terms.

Two are the offer's own (its themes and kinds of support); three are the LGA/esd lists that
UK directories share (services, needs, circumstances), mapped from taxonomy.yaml beside this
file. Every taxonomy and term gets a stable UUID, so a directory can store and filter by it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from flask_babel import gettext
from flask_babel import lazy_gettext as _l

from localoffer.content import Council, Entitlement
from localoffer.content.fields import parse_yaml
from localoffer.content.model import KINDS
from localoffer.web import words

MAPPING_FILE = Path(__file__).with_name("taxonomy.yaml")
# Fixed for ever: every identifier in the export is a name in this namespace.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:localoffer:openreferral")
ESD_TAXONOMIES = ("esd_services", "esd_needs", "esd_circumstances")

KIND_DESCRIPTIONS = {
    "statutory": _l("A legal duty: every council in England must give this to care leavers."),
    "national": _l("A national scheme run by another public body, such as the DWP or the NHS."),
    "council": _l("Extra support that this council chooses to give its care leavers."),
}


def stable_id(council: Council, *parts: str) -> str:
    """A UUID that names the same thing in the same council's export every time."""
    return str(uuid.uuid5(NAMESPACE, "/".join((council.name, *parts))))


@dataclass(frozen=True)
class Term:
    id: str
    key: str  # how taxonomy.yaml (or the offer, for themes and kinds) names the term
    code: str | None  # the term's code in its vocabulary; None where it is not confirmed
    name: str
    description: str
    taxonomy_id: str
    taxonomy_name: str
    uri: str | None


@dataclass(frozen=True)
class Taxonomy:
    id: str
    key: str
    name: str
    description: str
    uri: str | None
    terms: tuple[Term, ...]


@cache
def mapping() -> dict[str, Any]:
    """taxonomy.yaml, read once; its shape is checked by the tests, not at every start."""
    return parse_yaml(MAPPING_FILE.read_text(encoding="utf-8"))


def _esd_taxonomy(council: Council, key: str) -> Taxonomy:
    vocabulary = mapping()["vocabularies"][key]
    taxonomy_id = stable_id(council, "taxonomy", key)
    terms = []
    for code, value in vocabulary["terms"].items():
        label = value if isinstance(value, str) else value["label"]
        confirmed = isinstance(value, str) or value.get("esd_id") is not None
        esd_id = str(code if isinstance(value, str) else value.get("esd_id"))
        terms.append(
            Term(
                id=stable_id(council, "taxonomy", key, str(code)),
                key=str(code),
                code=esd_id if confirmed else None,
                name=label,
                description=label,
                taxonomy_id=taxonomy_id,
                taxonomy_name=vocabulary["name"],
                uri=vocabulary["term_uri"].format(id=esd_id) if confirmed else None,
            )
        )
    return Taxonomy(
        taxonomy_id, key, vocabulary["name"], " ".join(vocabulary["description"].split()),
        vocabulary["uri"], tuple(terms),
    )  # fmt: skip


def _local_taxonomy(council: Council, key: str) -> Taxonomy:
    taxonomy_id = stable_id(council, "taxonomy", key)
    if key == "themes":
        name = gettext("Local offer themes")
        description = gettext("What the support is about, as the local offer groups it.")
        labels = {
            theme.code: (str(theme.title), str(theme.description))
            for theme in words.THEME_BY_CODE.values()
        }
    else:
        name = gettext("Local offer kinds")
        description = gettext("Who gives the support, and whether the law requires it.")
        labels = {code: (words.kind_label(code, council.name), str(KIND_DESCRIPTIONS[code]))
                  for code in KINDS}  # fmt: skip
    terms = tuple(
        Term(
            id=stable_id(council, "taxonomy", key, code),
            key=code,
            code=code,
            name=label,
            description=text,
            taxonomy_id=taxonomy_id,
            taxonomy_name=name,
            uri=None,
        )
        for code, (label, text) in labels.items()
    )
    return Taxonomy(taxonomy_id, key, name, description, None, terms)


def taxonomies(council: Council) -> tuple[Taxonomy, ...]:
    """Every taxonomy, in the language of the current request."""
    return (
        _local_taxonomy(council, "themes"),
        _local_taxonomy(council, "kinds"),
        *(_esd_taxonomy(council, key) for key in ESD_TAXONOMIES),
    )


def terms_for(item: Entitlement, all_taxonomies: tuple[Taxonomy, ...]) -> list[Term]:
    """The entitlement's terms: its theme and kind, then the esd terms mapped to it."""
    by_key = {t.key: {term.key: term for term in t.terms} for t in all_taxonomies}
    found = [by_key["themes"][item.theme], by_key["kinds"][item.kind]]
    data = mapping()
    for source in (data["all"], data["themes"].get(item.theme, {}),
                   data["entitlements"].get(item.id, {})):  # fmt: skip
        for key in ESD_TAXONOMIES:
            for code in source.get(key, ()):
                term = by_key[key][str(code)]
                if term not in found:
                    found.append(term)
    return found
