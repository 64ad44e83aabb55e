"""The rules for an entitlement's front matter, as data: the loader checks files with them,
and the published JSON Schema (`/api/v1/schema/entitlement.json`) is generated from them, so
the two cannot disagree.

What a JSON Schema cannot say is checked by the loader alone and named in the schema's
description: the id matches the file name, theme and kind match the folder, ages `from` is
below `to`, `review_due` is after `last_reviewed` and within its `review_cadence`, amounts are
in date order and each names one of the file's sources, and money in the text is one of the
`amounts`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from localoffer.content.fields import KEBAB, FieldReader
from localoffer.content.model import (
    AMOUNT_PERIODS,
    AMOUNT_QUALIFIERS,
    KINDS,
    REVIEW_CADENCES,
    THEMES,
)
from localoffer.rules.parameters import parameter
from localoffer.rules.vocabulary import CONDITIONS, STATUSES

NOT_YET_SET = "not yet set"
# The ages an entitlement can cover: from the youngest care leaver to the end of support,
# as the law stands today (the rules' dated parameters).
MIN_AGE: int = parameter("eligible_from_age").values[-1]
MAX_AGE: int = parameter("care_leaver_until_age").values[-1]
SCHEMA_ID = "/api/v1/schema/entitlement.json"


@dataclass(frozen=True)
class Rule:
    """One field: its kind of value and the limits the loader applies to it."""

    kind: str  # text, choice, list, date, ages, amounts, sources, in_force
    description: str
    required: bool = True
    max_length: int = 500
    choices: tuple[str, ...] = ()
    pattern: str | None = None
    required_for_kinds: tuple[str, ...] = ()  # required only for entitlements of these kinds


ENTITLEMENT_RULES: dict[str, Rule] = {
    "id": Rule("text", "The file name without .md, in kebab-case.", max_length=80,
               pattern=KEBAB.pattern),
    "title": Rule("text", "The name of the entitlement, as a care leaver would say it.",
                  max_length=120),
    "theme": Rule("choice", "The theme it belongs to; the file lives in that folder.",
                  choices=THEMES),
    "kind": Rule("choice", "statutory or national (national/ folder), or council (council/).",
                 choices=KINDS),
    "summary": Rule("text", "One or two plain sentences.", max_length=300),
    "who": Rule("list", "The care-leaver statuses it is for.", choices=STATUSES),
    "conditions": Rule("list", "Facts that decide whether it applies.", required=False,
                       choices=tuple(CONDITIONS)),
    "ages": Rule("ages", f"From the `from` birthday until the day before the `to` birthday "
                 f"({MIN_AGE} to {MAX_AGE}); `from` must be less than `to`."),
    "amounts": Rule("amounts", "Money given, in pounds, one entry per date the figure changed, "
                    "oldest first; only these figures may appear in the text.", required=False),
    "legal_basis": Rule("text", "The law behind it; required for statutory and national.",
                        required=False, required_for_kinds=("statutory", "national")),
    "sources": Rule("sources", "Where the facts were checked: each with its title, the day it "
                    "was checked and, for statutory and national entitlements, a link.",
                    required_for_kinds=("statutory", "national")),
    "in_force_from": Rule("in_force", f"The day the law starts, or '{NOT_YET_SET}'.",
                          required=False),
    "contacts": Rule("list", "Keys of the council.yaml contacts to show; the leaving care "
                     "team if absent.", required=False),
    "last_reviewed": Rule("date", "The day the facts were last checked."),
    "review_due": Rule("date", "The day they must be checked again; after last_reviewed."),
    "review_cadence": Rule("choice", "How often the source changes: monthly (announced or "
                           "coming in), april (benefit figures), august (education funding) "
                           "or yearly.", choices=REVIEW_CADENCES),
}  # fmt: skip


def read_field(
    read: FieldReader, rules: dict[str, Rule], name: str, required: bool | None = None,
    item_check: Callable[[str], bool] | None = None,
) -> Any:  # fmt: skip
    """Read one simple field with its rule; `required` overrides a kind-dependent rule."""
    rule = rules[name]
    need = rule.required if required is None else required
    if rule.kind == "text":
        return read.text(name, required=need, max_length=rule.max_length)
    if rule.kind == "choice":
        return read.choice(name, rule.choices, required=need)
    if rule.kind == "list":
        return read.text_list(name, required=need, choices=rule.choices or None,
                              item_check=item_check)  # fmt: skip
    if rule.kind == "date":
        return read.day(name, required=need)
    raise ValueError(f"{name} ({rule.kind}) is read by its own function")


_NOT_BLANK = r"\S"
_DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_HTTPS = r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}([/?#]\S*)?$"


def _value_schema(rule: Rule, contact_keys: Collection[str]) -> dict[str, Any]:
    if rule.kind == "text":
        schema: dict[str, Any] = {"type": "string", "minLength": 1, "maxLength": rule.max_length,
                                  "pattern": rule.pattern or _NOT_BLANK}  # fmt: skip
        return schema
    if rule.kind == "choice":
        return {"enum": list(rule.choices)}
    if rule.kind == "list":
        item: dict[str, Any] = {"type": "string", "pattern": _NOT_BLANK}
        if rule.choices:
            item = {"enum": list(rule.choices)}
        elif rule is ENTITLEMENT_RULES["contacts"]:
            item = {"enum": sorted(contact_keys)}
        return {"type": "array", "items": item, "uniqueItems": True,
                "minItems": 1 if rule.required else 0}  # fmt: skip
    if rule.kind == "date":
        return dict(_DATE)
    if rule.kind == "ages":
        bound = {"type": "integer", "minimum": MIN_AGE, "maximum": MAX_AGE}
        return {"type": "object", "additionalProperties": False, "required": ["from", "to"],
                "properties": {"from": bound, "to": bound}}  # fmt: skip
    if rule.kind == "amounts":
        pounds = {"anyOf": [{"type": "number", "exclusiveMinimum": 0},
                            {"type": "string", "pattern": r"^\d+(\.\d{1,2})?$"}]}  # fmt: skip
        dated = {"type": "object", "additionalProperties": False,
                 "required": ["gbp", "per", "from", "source"],
                 "properties": {"gbp": pounds, "per": {"enum": list(AMOUNT_PERIODS)},
                                "qualifier": {"enum": list(AMOUNT_QUALIFIERS),
                                              "default": "exactly"},
                                "from": dict(_DATE),
                                "source": {"type": "string", "pattern": _NOT_BLANK}}}  # fmt: skip
        return {"type": "array", "items": dated, "minItems": 1}
    if rule.kind == "sources":
        source = {"type": "object", "additionalProperties": False,
                  "required": ["title", "checked"],
                  "properties": {"title": {"type": "string", "pattern": _NOT_BLANK},
                                 "url": {"type": "string", "pattern": _HTTPS},
                                 "checked": dict(_DATE)}}  # fmt: skip
        return {"type": "array", "items": source, "minItems": 1}
    if rule.kind == "in_force":
        return {"anyOf": [dict(_DATE), {"const": NOT_YET_SET}]}
    raise ValueError(rule.kind)


def _required_for_kind(name: str, rule: Rule) -> dict[str, Any]:
    """What a kind-dependent rule adds: the field itself, or (sources) a link in each item."""
    if rule.kind == "sources":
        return {"properties": {name: {"items": {"required": ["url"]}}}}
    return {"required": [name], "properties": {name: {"not": {"type": "null"}}}}


def json_schema(contact_keys: Collection[str]) -> dict[str, Any]:
    """The JSON Schema (2020-12) of an entitlement file's front matter, read as JSON (dates as
    YYYY-MM-DD strings), for a council whose contacts are `contact_keys`."""
    properties = {}
    for name, rule in ENTITLEMENT_RULES.items():
        schema = {"description": rule.description, **_value_schema(rule, contact_keys)}
        # The loader treats an empty (null) optional field as absent.
        if not rule.required:
            schema = {"anyOf": [schema, {"type": "null"}], "description": rule.description}
        properties[name] = schema
    conditional = [
        {"if": {"required": ["kind"],
                "properties": {"kind": {"enum": list(rule.required_for_kinds)}}},
         "then": _required_for_kind(name, rule)}
        for name, rule in ENTITLEMENT_RULES.items()
        if rule.required_for_kinds
    ]  # fmt: skip
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Local offer entitlement: front matter",
        "description": "The YAML front matter between the --- lines of content/<national|"
        "council>/<theme>/<id>.md. The portal also checks what a schema cannot: the id "
        "matches the file name, theme and kind match the folder, ages 'from' is below 'to', "
        "review_due is after last_reviewed and within its cadence, amounts are in date order "
        "and name one of the sources, and any £ figure in the text is one of the amounts.",
        "type": "object",
        "additionalProperties": False,
        "required": [name for name, rule in ENTITLEMENT_RULES.items() if rule.required],
        "properties": properties,
        "allOf": conditional,
    }
