"""Hostile input for the fuzz tests, and what every answer to it must look like."""

from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO
from typing import Any
from urllib.parse import quote, urlsplit

from bs4 import BeautifulSoup
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

# Any character a browser (or a script) can send, but lone surrogates, which no encoding carries.
ANY_CHAR = st.characters(exclude_categories=("Cs",))
CONTROL = st.characters(max_codepoint=0x1F) | st.sampled_from(
    "\x7f\x85\u200b\u200e\u202e\ufeff\u2028"
)
NASTY = [
    "", " ", "\t", "\r\n", "\x00", "yes", "no", "unsure", "dates", "rough", "y", "on", "true",
    "1", "0", "-1", "+1", "01", "29", "31", "2", "13", "2008", "02", "1e9", "NaN", "0x10",
    "99999999999999999999", "\u00b2\u00b2\u00b2\u00b2", "\u0662\u0660\u0660\u0668",
    "\U0001d7da\U0001d7d8\U0001d7d8\U0001d7e0", "care_leaver", "accepted", "done", "new",
    "in_review", "a@b.co", "moderator@council.example", "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>", "' OR 1=1 --", "../../etc/passwd", "%00", "%s%n",
    "{{ 7*7 }}", "/", "//evil.example/", "/relationships/personal-adviser/", "2021-06-01",
    "2021-06-01..2025-04-30", "2021-06-01..", "..", "in_higher_education", "\u202eevil",
]
VALUES = st.one_of(
    st.sampled_from(NASTY),
    st.text(ANY_CHAR, max_size=40),
    st.text(CONTROL, min_size=1, max_size=6),
    st.integers().map(str),
    st.floats().map(str),
    # Lengths either side of every limit: 200 (search), 254 (email), 1000, 2000, 64 KiB (body).
    st.sampled_from([199, 200, 201, 254, 255, 999, 1000, 1001, 1999, 2000, 2001, 70_000]).map(
        lambda n: "\u00e9" * n
    ),
)
NAMES = st.text(ANY_CHAR, max_size=12) | st.sampled_from(
    ["csrf_token", "submit", "website", "lang", "next", "answer-day", "answer[]", "__proto__"]
)
DATE_PART = st.integers(min_value=-5, max_value=3000).map(str)


def form_pairs(fields: dict[str, st.SearchStrategy[str]]) -> st.SearchStrategy[list]:
    """The form's own fields (each missing, once, or repeated) and strangers, in any order."""
    fields = fields or {"submit": st.just("Continue")}  # a form that is only a button
    own = st.lists(
        st.sampled_from(sorted(fields)).flatmap(
            lambda name: st.tuples(st.just(name), fields[name] | VALUES)
        ),
        max_size=2 * len(fields) + 3,
    )
    strangers = st.lists(st.tuples(NAMES, VALUES), max_size=4)
    return st.tuples(own, strangers).flatmap(lambda pair: st.permutations(pair[0] + pair[1]))


RAW_TYPES = [
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=utf-16",
    "multipart/form-data; boundary=xyz",
    "multipart/form-data",
    "application/json",
    "text/plain",
    "",
]


@dataclass(frozen=True)
class Body:
    """How a request's fields travel: a normal form, multipart, another charset, junk, or
    multipart with a file uploaded in one of the form's text fields."""

    how: str
    pairs: list = field(default_factory=list)
    raw: bytes = b""
    content_type: str = ""
    upload: str = ""  # for "file": the field the file is sent in

    def kwargs(self, token: str | None = None) -> dict[str, Any]:
        pairs = list(self.pairs)
        if token is not None:
            pairs.append(("csrf_token", token))
        if self.how == "form":
            return {"data": MultiDict(pairs)}
        if self.how == "multipart":
            return {"data": MultiDict(pairs), "content_type": "multipart/form-data"}
        if self.how == "file":
            data = MultiDict(pairs)
            data.add(self.upload, (BytesIO(self.raw), "notes.txt", "text/plain"))
            return {"data": data, "content_type": "multipart/form-data"}
        if self.how == "latin-1":
            # Percent-encoded bytes that are not UTF-8, as an old browser might send.
            body = "&".join(
                f"{quote(n.encode('latin-1', 'replace'))}={quote(v.encode('latin-1', 'replace'))}"
                for n, v in pairs
            )
            return {"data": body.encode(), "content_type": RAW_TYPES[0]}
        return {"data": self.raw, "content_type": self.content_type}


def bodies(fields: dict[str, st.SearchStrategy[str]]) -> st.SearchStrategy[Body]:
    pairs = form_pairs(fields)
    upload = st.sampled_from(sorted(fields) or ["answer"])
    return st.one_of(
        pairs.map(lambda p: Body("form", p)),
        pairs.map(lambda p: Body("multipart", p)),
        st.builds(Body, st.just("file"), pairs, st.binary(max_size=200), st.just(""), upload),
        pairs.map(lambda p: Body("latin-1", p)),
        st.builds(
            Body, st.just("raw"), st.just([]), st.binary(max_size=400), st.sampled_from(RAW_TYPES)
        ),
    )


def query_strings(fields: dict[str, st.SearchStrategy[str]]) -> st.SearchStrategy[str]:
    """A query string of the page's own parameters and strangers, percent-encoded or not."""

    def encode(pairs: list) -> str:
        return "&".join(f"{quote(n, safe='')}={quote(v, safe='')}" for n, v in pairs)

    raw = st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=60)
    return form_pairs(fields).map(encode) | raw


CSRF_TOKENS = st.sampled_from(["valid", "missing", "wrong", "twice"])

STYLED_ERRORS = (400, 404, 405, 413, 429)


class BrokenBody:
    """A request body that breaks while being read, as a malformed chunked body does: the
    server's parser raises, quoting the bytes it choked on."""

    def __init__(self, error: Exception) -> None:
        self.error = error

    def read(self, *args: Any) -> bytes:
        raise self.error

    readline = read

    def readinto(self, buffer: Any) -> int:
        raise self.error


def parse(response: Any) -> BeautifulSoup:
    return BeautifulSoup(response.get_data(), "html.parser")


def assert_styled_page(page: BeautifulSoup) -> None:
    """A page of the portal: its own stylesheet, a title and a heading, no trace of code."""
    assert page.select_one("link[rel=stylesheet][href^='/static/']"), "not a styled page"
    assert page.title and page.title.get_text(strip=True)
    assert page.select_one("h1") and page.select_one("h1").get_text(strip=True)
    text = page.get_text()
    assert "Traceback" not in text and 'File "' not in text


def assert_specific_answer(response: Any, *, form: bool = True) -> None:
    """Never a 500: a redirect on, an error summary naming the field, or a styled error page."""
    status = response.status_code
    assert status < 500, f"{status}: {response.get_data(as_text=True)[:500]}"
    if 300 <= status < 400:
        location = urlsplit(response.headers["Location"])
        assert location.netloc in ("", "localhost") and location.scheme in ("", "http"), location
        return
    assert response.mimetype == "text/html"
    page = parse(response)
    assert_styled_page(page)
    if status in STYLED_ERRORS:
        return
    assert status == 200, status
    if not form:
        return
    summary = page.select_one(".govuk-error-summary")
    assert summary is not None, "a refused form without an error summary"
    links = summary.select("a[href^='#']")
    assert links, "an error summary that names no field"
    for link in links:
        assert link.get_text(strip=True), "an empty error message"
        assert page.find(id=link["href"][1:]) is not None, f"{link['href']} is not on the page"
