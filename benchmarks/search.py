"""Search: the in-memory inverted index against SQLite FTS5, on the shipped offer.

Run from the repository root: python benchmarks/search.py [seconds per engine]
Prints, for each engine, the time to build the index for every published language and the
queries answered per second on one core over a mix of English and Arabic queries. Both
engines are fed the same folded, stemmed words (localoffer.search.text), so the figures
compare the index structures, not the normalisation. FTS5 ranks with bm25 weighted
title 100, summary 10, body 1, the same field weights the in-memory index uses.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path

# Run as a script, the repository root is not on the path.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from localoffer.config import PROJECT_ROOT
from localoffer.content import Offer, load_offer
from localoffer.languages import SHIPPED_LANGUAGES
from localoffer.search.index import Document, SearchIndex, build_indexes
from localoffer.search.text import terms

QUERIES: dict[str, tuple[str, ...]] = {
    "en": ("bursary", "staying put", "advisers", "money for university", "somewhere to live",
           "council tax", "accomm", "health", "complaints", "personal adviser pathway plan"),
    "ar": ("منحة", "البقاء مع عائلتك الحاضنة", "المستشار الشخصي", "سكن", "خطة"),
}  # fmt: skip


def fts_build(offer: Offer, languages: tuple[str, ...]) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    for lang in languages:
        db.execute(
            f"CREATE VIRTUAL TABLE search_{lang} USING fts5("
            "id UNINDEXED, title, summary, body, tokenize='unicode61 remove_diacritics 2')"
        )
        rows = []
        for item in offer.entitlements:
            doc = Document.of(item, lang)
            folded = (" ".join(terms(text)) for text in (doc.title, doc.summary, doc.body))
            rows.append((item.id, *folded))
        db.executemany(f"INSERT INTO search_{lang} VALUES (?, ?, ?, ?)", rows)
    db.commit()
    return db


def fts_search(db: sqlite3.Connection, lang: str, query: str) -> list[str]:
    words = terms(query)
    if not words:
        return []
    # Each word quoted (so no FTS5 operator can be smuggled in) and matched as a prefix.
    match = " AND ".join(f'"{word}"*' for word in words)
    rows = db.execute(
        f"SELECT id FROM search_{lang} WHERE search_{lang} MATCH ? "
        f"ORDER BY bm25(search_{lang}, 0, 100, 10, 1)",
        (match,),
    )
    return [row[0] for row in rows]


def rate(run: Callable[[str, str], object], seconds: float) -> float:
    mix = [(lang, q) for lang, queries in QUERIES.items() for q in queries]
    done, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        for lang, query in mix:
            run(lang, query)
        done += len(mix)
    return done / elapsed


def timed(build: Callable[[], object], repeats: int = 20) -> float:
    """The best of several builds, in milliseconds: the least disturbed by the machine."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        build()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
    offer = load_offer(PROJECT_ROOT / "content")
    languages = SHIPPED_LANGUAGES
    print(f"{len(offer.entitlements)} entitlements, {len(languages)} languages")

    memory_ms = timed(lambda: build_indexes(offer, languages))
    indexes: dict[str, SearchIndex] = build_indexes(offer, languages)
    memory_qps = rate(lambda lang, q: indexes[lang].search(q), seconds)

    fts_ms = timed(lambda: fts_build(offer, languages).close())
    db = fts_build(offer, languages)
    fts_qps = rate(lambda lang, q: fts_search(db, lang, q), seconds)

    for lang, queries in QUERIES.items():
        for query in queries:
            mine = [h.entitlement.id for h in indexes[lang].search(query)[:3]]
            theirs = fts_search(db, lang, query)[:3]
            print(f"  {lang} {query!r}: in-memory {mine} | fts5 {theirs}")
    print(f"in-memory index: build {memory_ms:7.1f} ms, {memory_qps:9,.0f} queries/second")
    print(f"SQLite FTS5:     build {fts_ms:7.1f} ms, {fts_qps:9,.0f} queries/second")
    faster = "in-memory index" if memory_qps >= fts_qps else "SQLite FTS5"
    print(
        f"faster per query: {faster} ({max(memory_qps, fts_qps) / min(memory_qps, fts_qps):.1f}x)"
    )


if __name__ == "__main__":
    main()
