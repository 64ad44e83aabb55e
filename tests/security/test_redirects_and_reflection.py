"""No open redirects, nothing typed reflected as markup, no stack traces shown to anyone."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from flask import Flask

from localoffer import create_app
from localoffer.content import Offer
from localoffer.web.security import page_template_script_hash

from .conftest import MODERATOR, PASSWORD, add_moderator, security_app
from .fuzzing import assert_styled_page, parse

ALLOWED = page_template_script_hash()


def script_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"

EVIL_TARGETS = [
    "https://evil.example/", "//evil.example/", "/\\evil.example/", "\\\\evil.example/",
    "/\\/evil.example/", "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,hi",
    "%2F%2Fevil.example/", "/%2F%2Fevil.example/", "%252F%252Fevil.example",
    "http:/evil.example/moderation/", "https:evil.example", "\t//evil.example/",
    " //evil.example/", "/moderation/\r\nLocation: https://evil.example/",
    "//evil.example/moderation/", "https://evil.example/moderation/",
    "/moderation@evil.example/", "\u3002evil.example",
]  # fmt: skip
PAYLOADS = ['<script>alert("owned")</script>', '"><svg onload=alert(1)>',
            "'><img src=x onerror=alert(1)>", "javascript:alert(1)//"]  # fmt: skip


@pytest.fixture(scope="module")
def portal(shipped_offer: Offer, tmp_path_factory: pytest.TempPathFactory) -> Flask:
    app = security_app(shipped_offer, tmp_path_factory.mktemp("redirects") / "db.sqlite3")
    add_moderator(app)
    return app


def assert_stays_on_the_site(location: str) -> None:
    """A browser following this goes to a page of this site, whatever it makes of slashes."""
    parts = urlsplit(location)
    assert parts.scheme in ("", "http") and parts.netloc in ("", "localhost"), location
    path = parts.path
    assert path.startswith("/"), location
    assert not path.startswith(("//", "/\\")), location
    assert not any(c in location for c in "\r\n\t"), location


@pytest.mark.parametrize("target", EVIL_TARGETS)
def test_sign_in_never_sends_a_moderator_off_the_site(portal: Flask, target: str) -> None:
    """`next` pointing anywhere else (absolute, //, backslashes, schemes, encoded) is ignored."""
    client = portal.test_client()
    response = client.post(
        "/moderation/login?next=" + quote(target, safe=""),
        data={"email": MODERATOR, "password": PASSWORD},
    )
    assert response.status_code == 302
    assert_stays_on_the_site(response.headers["Location"])
    assert "evil" not in response.headers["Location"]
    # Already signed in, the sign-in page passes `next` on straight away: the same rule holds.
    again = client.get("/moderation/login", query_string={"next": target})
    assert again.status_code == 302
    assert_stays_on_the_site(again.headers["Location"])
    assert "evil" not in again.headers["Location"]


@pytest.mark.parametrize(
    "url",
    ["/%2F%2Fevil.example/", "/%5Cevil.example/", "/ar/%2F%2Fevil.example/",
     "/search?q=%2F%2Fevil.example", "/search?q=javascript:alert(1)",
     "/check/?next=https://evil.example/&lang=//evil.example", "/themes/housing/?lang=https://evil",
     "/ar/themes/housing/?q=//evil.example", "/feedback/?next=//evil.example"],
)  # fmt: skip
def test_language_links_stay_on_the_site_whatever_the_address(portal: Flask, url: str) -> None:
    """The alternate links, the header's Language link and the page of languages it opens
    (which links back to the page the reader came from, its Referer) are built from the
    matched route alone."""
    client = portal.test_client()
    page = parse(client.get(url, headers={"Accept-Language": "ar"}))
    alternates = [link["href"] for link in page.select("link[rel=alternate][hreflang]")]
    language = [a["href"] for a in page.select('a[href$="/languages/"]')]
    assert alternates and len(language) == 1
    chooser = client.get(language[0], headers={"Referer": f"http://localhost{url}"})
    links = [a["href"] for a in parse(chooser).select("a[hreflang]")]
    assert len(links) == len(portal.config["LANGUAGES"])
    for href in links + alternates + language:
        assert_stays_on_the_site(href)
        assert "evil" not in urlsplit(href).netloc
        assert not href.lower().startswith("javascript:")


def test_a_search_stays_the_same_search_in_another_language_but_escaped(portal: Flask) -> None:
    """The query carried into the other language's link is encoded, never raw markup."""
    payload = PAYLOADS[0]
    response = portal.test_client().get("/search", query_string={"q": payload})
    html = response.get_data(as_text=True)
    assert payload not in html
    assert "&lt;script&gt;" in html
    for href in [a["href"] for a in parse(response).select("a[hreflang]")]:
        assert "<" not in href and '"' not in href


@pytest.mark.parametrize("payload", PAYLOADS)
def test_nothing_typed_comes_back_as_markup(portal: Flask, payload: str) -> None:
    """Search, forms shown back with errors, share links, 404 paths and sign-in escape it all."""
    client = portal.test_client()
    responses = {
        "search": client.get("/search", query_string={"q": payload}),
        "feedback": client.post("/feedback/", data={"message": payload, "email": payload}),
        "suggest": client.post("/suggest/staying-put/",
                               data={"change": "", "reason": payload, "email": payload}),
        "useful": client.post("/feedback/page/",
                              data={"page": "/", "comment": payload * 300}),  # too long
        "date": client.post("/check/date-of-birth/", data={"answer": [payload, payload, "2000"]}),
        "share": client.get("/check/shared/", query_string={"dob": payload, "care": payload,
                                                            "yes": payload, "on": payload}),
        "print": client.get("/check/result/print/", query_string={"dob": payload}),
        "not found": client.get("/" + quote(payload, safe="") + "/"),
        "sign-in": client.post("/moderation/login", data={"email": payload, "password": "x"}),
        "thanks": client.get("/feedback/thanks/general/", query_string={"page": payload}),
    }  # fmt: skip
    for name, response in responses.items():
        html = response.get_data(as_text=True)
        assert response.status_code < 500, name
        if "<" in payload:
            assert payload not in html, f"{name} reflects the payload unescaped"
        page = parse(response)
        # The design system's page template has one inline script of its own, allowed by its
        # hash in the CSP; anything else inline would be the payload.
        inline = [tag for tag in page.select("script:not([src]), svg[onload], img[onerror]")
                  if not (tag.name == "script" and script_hash(tag.string or "") == ALLOWED)]
        assert not inline, name
        assert not [a for a in page.select("a[href]") if a["href"].lower().startswith("java")]


def raising_app(offer: Offer, database: Path, **config: object) -> Flask:
    app = create_app({"OFFER": offer, "DATABASE_URL": f"sqlite:///{database}", **config})

    @app.get("/_boom")
    def boom() -> str:
        raise RuntimeError("secret-internal-detail in /srv/localoffer/boom.py")

    @app.get("/api/v1/_boom")
    def api_boom() -> str:
        raise RuntimeError("secret-internal-detail in /srv/localoffer/boom.py")

    return app


@pytest.mark.parametrize("production", [False, True], ids=["development", "production"])
def test_an_unexpected_error_shows_the_styled_500_and_no_trace(
    shipped_offer: Offer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, production: bool
) -> None:
    """A crash gives the kind 500 page (or JSON for the API): no traceback, no internal detail."""
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    if production:
        monkeypatch.setenv("LOCALOFFER_ENV", "production")
        monkeypatch.setenv("LOCALOFFER_SECRET_KEY", "k" * 64)
        monkeypatch.setenv("LOCALOFFER_TRUSTED_HOSTS", "localhost")
    app = raising_app(shipped_offer, tmp_path / "db.sqlite3")
    assert not app.testing and not app.debug
    client = app.test_client()
    response = client.get("/_boom")
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert_styled_page(parse(response))
    for leak in ("secret-internal-detail", "RuntimeError", "Traceback", "boom.py", "Werkzeug"):
        assert leak not in html
    api = client.get("/api/v1/_boom")
    assert api.status_code == 500 and api.is_json
    assert "secret-internal-detail" not in api.get_data(as_text=True)
    assert "Traceback" not in api.get_data(as_text=True)
