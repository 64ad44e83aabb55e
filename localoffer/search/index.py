"""Search across every entitlement's title, summary and body, one index per language.

The offer is small (54 entitlements, a few hundred words each), so the index is a plain
in-memory inverted index built once at start-up: term -> entitlement -> points (field weight
times count). `benchmarks/search.py` measured it against SQLite FTS5 (in memory, unicode61
tokenizer, bm25 with the same field weights, fed the same folded words) on the shipped offer,
8 languages, on a 2-core machine, over three runs:

    in-memory index: 14,000-29,000 queries/second; all 8 indexes built in 66-72 ms
    SQLite FTS5:     12,000-26,000 queries/second; all 8 tables built in 51-119 ms

The in-memory index answered more queries per second in every run (1.1x to 1.6x), which is
what a reader waits for; FTS5 built a little faster when the machine was quiet, a one-off
at start-up either way. The in-memory index is used: faster per query, and no SQLite
connection to share between a worker's threads.

Ranking: every query word must be found (if no entitlement has them all, those with the
most are shown); then the whole query as a phrase in the title, then words in the title,
then in the summary, then in the body. A query word also matches longer words it starts
(from three letters), at half weight, so "accomm" finds "accommodation". Arabic-script words
are indexed with and without the article "al-", so "مساعدة" finds "المساعدة"; a query word
typed with the article also matches the bare word, at half weight, since what looks like an
article may be part of the word.

Synonyms (`content/search/synonyms.<lang>.yaml`) let everyday words find the page that uses
other words: when the query holds "kicked out", that part of the query is found by the
words "kicked out" or by any of the synonym's words ("homeless"), whichever scores best. A
synonym's phrase counts as one word of the query, so "kicked out help" still wants "help".
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from markupsafe import Markup

from localoffer.content import Entitlement, Offer
from localoffer.languages import DEFAULT_LANGUAGE
from localoffer.search.text import terms, without_article

MAX_QUERY_TERMS = 20  # more words than any real question; keeps the work per query bounded
PREFIX_MIN_LENGTH = 3
BODY_COUNT_CAP = 5  # a word repeated in the body is a little more relevant, not endlessly more

TITLE_WEIGHT, SUMMARY_WEIGHT, BODY_WEIGHT = 100, 10, 1
PHRASE_WEIGHTS = (1000, 100, 20)
EXACT, PREFIX = 2, 1  # an exact word counts twice a word it only starts


@dataclass(frozen=True)
class Document:
    """One entitlement's words in one language (English where it has no translation)."""

    entitlement: Entitlement
    lang: str  # the language the words are actually in
    title: str
    summary: str
    body: str

    @classmethod
    def of(cls, item: Entitlement, lang: str) -> Document:
        translation = item.translations.get(lang) if lang != DEFAULT_LANGUAGE else None
        if translation is None:
            return cls(item, DEFAULT_LANGUAGE, item.title, item.summary, item.body_text)
        body = Markup(translation.body_html).striptags()
        return cls(item, lang, translation.title, translation.summary, body)


@dataclass(frozen=True)
class Hit:
    document: Document
    score: int
    matched: int  # how many of the query's words were found

    @property
    def entitlement(self) -> Entitlement:
        return self.document.entitlement


class SearchIndex:
    """An inverted index over one language's documents."""

    def __init__(
        self,
        documents: Iterable[Document],
        synonyms: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.documents: tuple[Document, ...] = tuple(documents)
        # A phrase people type, as folded terms -> the alternatives that may find it.
        self._synonyms: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}
        for said, finds in (synonyms or {}).items():
            key = tuple(terms(said))
            alternatives = [tuple(terms(words)) for words in finds]
            if key:
                known = self._synonyms.get(key, ())
                self._synonyms[key] = known + tuple(a for a in alternatives if a)
        self._longest_synonym = max(map(len, self._synonyms), default=0)
        self._synonym_starts = frozenset(key[0] for key in self._synonyms)
        # term -> entitlement -> points: the field weights times the counts, summed once here
        # so that a query only adds numbers up.
        self._postings: dict[str, dict[int, int]] = {}
        self._phrases: list[tuple[str, str, str]] = []
        for number, doc in enumerate(self.documents):
            fields = [terms(doc.title), terms(doc.summary), terms(doc.body)]
            title, summary, body = (f" {' '.join(words)} " for words in fields)
            self._phrases.append((title, summary, body))
            title_counts, summary_counts, body_counts = (
                Counter(_with_bare_forms(words)) for words in fields
            )
            for term in title_counts.keys() | summary_counts.keys() | body_counts.keys():
                self._postings.setdefault(term, {})[number] = (
                    TITLE_WEIGHT * title_counts[term]
                    + SUMMARY_WEIGHT * summary_counts[term]
                    + BODY_WEIGHT * min(body_counts[term], BODY_COUNT_CAP)
                )
        self._vocabulary = sorted(self._postings)

    @classmethod
    def for_language(cls, offer: Offer, lang: str) -> SearchIndex:
        documents = (Document.of(item, lang) for item in offer.entitlements)
        return cls(documents, offer.synonyms.get(lang))

    def __len__(self) -> int:
        return len(self.documents)

    def _variants(self, term: str) -> list[tuple[str, int]]:
        """The indexed words a query word matches: itself, and the words it starts."""
        found = [(term, EXACT)] if term in self._postings else []
        bare = without_article(term)
        if bare is not None and bare in self._postings:
            found.append((bare, PREFIX))
        if len(term) >= PREFIX_MIN_LENGTH:
            start = bisect_left(self._vocabulary, term)
            for word in self._vocabulary[start:]:
                if not word.startswith(term):
                    break
                if word != term:
                    found.append((word, PREFIX))
        return found

    def _slots(self, wanted: list[str]) -> list[tuple[tuple[str, ...], ...]]:
        """The query's parts, each with the alternatives that may find it: a word alone, or a
        synonym's phrase (longest first) with the offer's words for it."""
        slots: list[tuple[tuple[str, ...], ...]] = []
        at = 0
        while at < len(wanted):
            if wanted[at] not in self._synonym_starts:  # most words: no synonym to look for
                slots.append(((wanted[at],),))
                at += 1
                continue
            for length in range(min(self._longest_synonym, len(wanted) - at), 0, -1):
                phrase = tuple(wanted[at : at + length])
                if phrase in self._synonyms:
                    slots.append((phrase, *self._synonyms[phrase]))
                    at += length
                    break
            else:
                slots.append(((wanted[at],),))
                at += 1
        return slots

    def _word_points(self, term: str) -> dict[int, int]:
        """Points per document for one query word: its best match (exact, bare or prefix)."""
        best: dict[int, int] = {}
        for word, strength in self._variants(term):
            for number, points in self._postings[word].items():
                if points * strength > best.get(number, 0):
                    best[number] = points * strength
        return best

    def _alternative_points(self, words: tuple[str, ...]) -> dict[int, int]:
        """Points per document having every word of one alternative, plus its phrase bonus."""
        if len(words) == 1:  # most query words: no intersection or phrase to look for
            return self._word_points(words[0])
        per_word = [self._word_points(word) for word in words]
        found = set.intersection(*(set(points) for points in per_word))
        scores = {number: sum(points[number] for points in per_word) for number in found}
        needle = f" {' '.join(words)} "
        for number in scores:
            for place, text in enumerate(self._phrases[number]):
                if needle in text:
                    scores[number] += PHRASE_WEIGHTS[place]
        return scores

    def search(self, query: str) -> list[Hit]:
        """Entitlements matching the query, best first; none for a query with no words."""
        wanted = list(dict.fromkeys(terms(query)))[:MAX_QUERY_TERMS]
        if not wanted:
            return []
        scores: dict[int, int] = {}
        matched: dict[int, int] = {}
        for alternatives in self._slots(wanted):
            best = self._alternative_points(alternatives[0])
            for words in alternatives[1:]:
                best = dict(best)  # never change the dict a single word's points came in
                for number, points in self._alternative_points(words).items():
                    if points > best.get(number, 0):
                        best[number] = points
            for number, points in best.items():
                scores[number] = scores.get(number, 0) + points
                matched[number] = matched.get(number, 0) + 1
        if len(wanted) > 1:
            needle = f" {' '.join(wanted)} "
            for number in scores:
                for field, text in enumerate(self._phrases[number]):
                    if needle in text:
                        scores[number] += PHRASE_WEIGHTS[field]
        ranked = sorted(scores, key=lambda n: (-matched[n], -scores[n], n))
        most = matched[ranked[0]] if ranked else 0
        return [Hit(self.documents[n], scores[n], matched[n]) for n in ranked if matched[n] == most]


def _with_bare_forms(words: list[str]) -> Iterable[str]:
    """Each word, and after it the same word without an Arabic article if it may have one."""
    for word in words:
        yield word
        bare = without_article(word)
        if bare is not None:
            yield bare


def build_indexes(offer: Offer, languages: Iterable[str]) -> dict[str, SearchIndex]:
    """One index per published language, built once when the app starts."""
    return {lang: SearchIndex.for_language(offer, lang) for lang in languages}


__all__ = ["Document", "Hit", "SearchIndex", "build_indexes"]
