"""How much of the offer each language has: translated, out of date, checked by a speaker."""

from __future__ import annotations

from dataclasses import dataclass

from localoffer.content.model import Offer


@dataclass(frozen=True)
class LanguageCoverage:
    lang: str
    national_total: int
    national_translated: int
    council_total: int
    council_translated: int
    stale: tuple[str, ...]  # paths of sources whose translation is out of date
    reviewed: int
    glossary_translated: int
    glossary_total: int
    glossary_stale: bool
    contacts_translated: int  # council.<lang>.yaml: contacts with a name or hours in `lang`
    contacts_total: int
    contacts_stale: bool

    @property
    def complete(self) -> bool:
        return self.national_translated == self.national_total and not self.stale


def coverage(offer: Offer, lang: str) -> LanguageCoverage:
    national = [e for e in offer.entitlements if e.kind != "council"]
    council = [e for e in offer.entitlements if e.kind == "council"]
    translations = [e.translations[lang] for e in offer.entitlements if lang in e.translations]
    glossary = offer.glossary_translations.get(lang)
    contacts = offer.council.translations.get(lang)
    return LanguageCoverage(
        lang=lang,
        national_total=len(national),
        national_translated=sum(lang in e.translations for e in national),
        council_total=len(council),
        council_translated=sum(lang in e.translations for e in council),
        stale=tuple(
            e.path
            for e in offer.entitlements
            if lang in e.translations and e.translations[lang].stale
        ),
        reviewed=sum(t.reviewed for t in translations),
        glossary_translated=len(glossary.terms) if glossary else 0,
        glossary_total=len(offer.glossary),
        glossary_stale=bool(glossary and glossary.stale),
        contacts_translated=len(contacts.contacts) if contacts else 0,
        contacts_total=len(offer.council.contacts),
        contacts_stale=bool(contacts and contacts.stale),
    )
