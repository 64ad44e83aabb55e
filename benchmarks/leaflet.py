"""The leaflet's PDF in every language: time to make it, its size and its page count.

Run from the repository root: python benchmarks/leaflet.py
Each language is made once from cold (WeasyPrint loaded and warmed on English first, then
the cache emptied), then asked for again to time the cached answer.
"""

from __future__ import annotations

import io
import time
from datetime import date

import pypdf

from localoffer import create_app
from localoffer.leaflet import pdf

LANGUAGES = ("en", "ar", "fa", "ps", "ckb", "ti", "vi", "sq")


def main() -> None:
    app = create_app({"TESTING": True, "DATABASE_URL": "sqlite://", "TODAY": date(2026, 11, 23)})
    client = app.test_client()
    client.get("/leaflet.pdf")  # loads WeasyPrint and Pango once
    pdf._kept.clear()
    print(f"{'lang':<5} {'pages':>5} {'KiB':>6} {'make s':>7} {'cached ms':>9}")
    for lang in LANGUAGES:
        url = "/leaflet.pdf" if lang == "en" else f"/{lang}/leaflet.pdf"
        start = time.perf_counter()
        body = client.get(url).data
        made = time.perf_counter() - start
        start = time.perf_counter()
        client.get(url)
        cached = time.perf_counter() - start
        pages = len(pypdf.PdfReader(io.BytesIO(body)).pages)
        print(f"{lang:<5} {pages:>5} {len(body) / 1024:>6.0f} {made:>7.2f} {cached * 1000:>9.0f}")


if __name__ == "__main__":
    main()
