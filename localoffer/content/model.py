"""The offer as the rest of the portal sees it: plain, immutable data held in memory."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from markupsafe import Markup

from localoffer.rules.vocabulary import Criteria

THEMES: tuple[str, ...] = (
    "health",
    "housing",
    "education-employment-training",
    "finances",
    "relationships",
    "participation",
)
KINDS: tuple[str, ...] = ("statutory", "national", "council")
AMOUNT_PERIODS: tuple[str, ...] = ("once", "week", "month", "year", "course", "birthday")
AMOUNT_QUALIFIERS: tuple[str, ...] = ("exactly", "up_to", "at_least")
# How often a page is looked at again, by how fast its source changes: announced and
# "coming in" law monthly, benefit figures after April's uprating, education funding
# before each academic year (August), everything else once a year.
REVIEW_CADENCES: tuple[str, ...] = ("monthly", "april", "august", "yearly")
REQUIRED_CONTACTS: tuple[str, ...] = (
    "leaving_care_team",
    "out_of_hours",
    "advocacy",
    "complaints",
    "forum",
)


@dataclass(frozen=True)
class Amount:
    gbp: Decimal
    per: str
    qualifier: str = "exactly"


@dataclass(frozen=True)
class DatedAmount(Amount):
    """An amount and the day it took effect; the source entry (url or title) it comes from."""

    starts: date = date.min
    source: str = ""


@dataclass(frozen=True)
class Source:
    """Where a fact or figure comes from, and the day someone last checked it there."""

    title: str
    checked: date
    url: str | None = None


def amount_on(amounts: tuple[DatedAmount, ...], on: date) -> DatedAmount | None:
    """The amount in force on a day: the last whose start is on or before it (sorted by start)."""
    current = None
    for amount in amounts:
        if amount.starts > on:
            break
        current = amount
    return current


@dataclass(frozen=True)
class Translation:
    """A translated title, summary and body, and whether it still matches its source."""

    lang: str
    title: str
    summary: str
    body_html: Markup
    translated_from: str
    reviewed: bool
    stale: bool


@dataclass(frozen=True)
class Entitlement:
    id: str
    title: str
    theme: str
    kind: str
    summary: str
    criteria: Criteria
    body_html: Markup
    body_text: str
    markdown: str = field(repr=False)
    path: str
    source_hash: str
    last_reviewed: date
    review_due: date
    sources: tuple[Source, ...]
    contacts: tuple[str, ...] = ("leaving_care_team",)
    amounts: tuple[DatedAmount, ...] = ()
    review_cadence: str = "yearly"
    legal_basis: str | None = None
    translations: dict[str, Translation] = field(default_factory=dict, compare=False)

    @property
    def url(self) -> str:
        return f"/{self.theme}/{self.id}/"

    @property
    def who(self) -> frozenset[str]:
        return self.criteria.who

    @property
    def age_from(self) -> int:
        return self.criteria.age_from

    @property
    def age_to(self) -> int:
        return self.criteria.age_to

    def amount_on(self, on: date) -> DatedAmount | None:
        """The amount in force on `on`, or None if there is none (yet)."""
        return amount_on(self.amounts, on)

    def review_overdue(self, on: date) -> bool:
        return self.review_due < on

    def review_due_within(self, on: date, days: int) -> bool:
        """Not overdue yet, but due within `days` days of `on`."""
        return on <= self.review_due <= on + timedelta(days=days)


@dataclass(frozen=True)
class Contact:
    key: str
    name: str
    phone: str | None = None
    email: str | None = None
    hours: str | None = None
    address: str | None = None


@dataclass(frozen=True)
class ContactWords:
    """A contact's name and opening hours in another language (None: not translated)."""

    name: str | None = None
    hours: str | None = None


@dataclass(frozen=True)
class CouncilTranslation:
    """council.<lang>.yaml: contact names and hours; numbers and addresses stay as written."""

    lang: str
    contacts: dict[str, ContactWords]
    stale: bool  # council.yaml's names or hours changed since this was translated
    reviewed: bool


@dataclass(frozen=True)
class Council:
    name: str
    demo: bool
    contacts: dict[str, Contact]
    website: str | None = None
    translations: dict[str, CouncilTranslation] = field(default_factory=dict)
    source_hash: str = ""  # what council.<lang>.yaml records in translated_from


@dataclass(frozen=True)
class GlossaryTerm:
    id: str
    term: str
    definition_html: Markup


@dataclass(frozen=True)
class GlossaryTranslation:
    lang: str
    terms: dict[str, GlossaryTerm]
    stale: bool
    reviewed: bool


@dataclass(frozen=True)
class ExampleAnswer:
    """A made-up "You said, we did" answer a demonstration council ships (content/examples.py)."""

    entitlement_id: str
    answered: date
    said: str
    did: str


@dataclass(frozen=True)
class Offer:
    """The whole offer: every entitlement, the council and the glossary, loaded once."""

    council: Council
    entitlements: tuple[Entitlement, ...]
    glossary: tuple[GlossaryTerm, ...]
    glossary_translations: dict[str, GlossaryTranslation] = field(default_factory=dict)
    # Each glossary file ("national/glossary.yaml") and the hash its translations record.
    glossary_source_hashes: dict[str, str] = field(default_factory=dict)
    # Search synonyms by language: what people type -> words of the offer (content/search/).
    synonyms: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    # A demonstration council's made-up "You said, we did" answers (content/examples.py).
    example_answers: tuple[ExampleAnswer, ...] = ()
    _by_id: dict[str, Entitlement] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {e.id: e for e in self.entitlements})

    def get(self, entitlement_id: str) -> Entitlement | None:
        return self._by_id.get(entitlement_id)

    @property
    def glossary_ids(self) -> frozenset[str]:
        return frozenset(term.id for term in self.glossary)

    def in_theme(self, theme: str) -> tuple[Entitlement, ...]:
        return tuple(e for e in self.entitlements if e.theme == theme)

    def overdue(self, on: date) -> tuple[Entitlement, ...]:
        return tuple(e for e in self.entitlements if e.review_overdue(on))

    def due_soon(self, on: date, days: int = 30) -> tuple[Entitlement, ...]:
        """Entries whose review falls due within `days` days of `on`, soonest first."""
        soon = (e for e in self.entitlements if e.review_due_within(on, days))
        return tuple(sorted(soon, key=lambda e: (e.review_due, e.path)))
