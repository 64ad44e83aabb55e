"""Logs never hold feedback text, email addresses, dates of birth or the checker's queries."""

from __future__ import annotations

import ast
import http.cookiejar
import json
import logging
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from localoffer.config import PROJECT_ROOT
from localoffer.content import Offer

from .conftest import MODERATOR, add_moderator, security_app

MESSAGE = "Zebra-crossing-quokka feedback about my pathway plan"
EMAIL = "quokka.reply@example.org"
SUGGESTION = "Marmalade-otter suggestion text"
DOB = ("14", "3", "2007")
DOB_ISO = "2007-03-14"
CARE = ("2019-07-22", "2024-10-03")
SECRETS = [MESSAGE, "Zebra-crossing", EMAIL, "quokka.reply", SUGGESTION, "Marmalade",
           DOB_ISO, "2007-03", "14 3 2007", CARE[0], CARE[1], "2019-07", "dob=", "care=",
           "wrong-password-typed", "not-a-moderator@example.org"]  # fmt: skip


class Browser:
    """A cookie-keeping client talking HTTP to a real server on loopback."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirects()
        )

    def request(self, path: str, data: dict | list | None = None, json_body: object = None) -> int:
        body, headers = None, {}
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True).encode()
        if json_body is not None:
            body, headers = json.dumps(json_body).encode(), {"Content-Type": "application/json"}
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        try:
            with self.opener.open(request, timeout=30) as response:
                response.read()
                return response.status
        except urllib.error.HTTPError as error:
            error.read()
            return error.code


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


@pytest.fixture
def live_server(shipped_offer: Offer, tmp_path: Path) -> Iterator[str]:
    """The portal under Werkzeug's own server (what `make run` uses), on a loopback port."""
    app = security_app(shipped_offer, tmp_path / "logs.sqlite3")
    add_moderator(app)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
        app.extensions["localoffer.db"].engine.dispose()


def test_feedback_checker_share_links_and_sign_in_leave_nothing_personal_in_the_logs(
    live_server: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Every logger at DEBUG, Werkzeug's request log included, over a real HTTP server."""
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="werkzeug")
    browser = Browser(live_server)
    assert browser.request("/feedback/", {"message": MESSAGE, "wants_reply": "y",
                                          "email": EMAIL}) == 302  # fmt: skip
    assert browser.request("/suggest/staying-put/", {"change": SUGGESTION}) == 302
    # An invalid form is shown back with what was typed: still nothing in the logs.
    assert browser.request("/feedback/", {"message": MESSAGE, "email": EMAIL}) == 200
    assert browser.request("/check/route/", {"answer": "dates"}) == 302
    assert browser.request("/check/date-of-birth/", [("answer", p) for p in DOB]) == 302
    period = [("start", p) for p in ("22", "7", "2019")] + [("end", p) for p in ("3", "10", "2024")]
    assert browser.request("/check/care-periods/0/", [*period, ("short_break", "no")]) == 302
    assert browser.request("/check/care-periods/", {"answer": "no"}) == 302
    for slug in ("special-guardianship", "custody", "lived-with-parent", "education"):
        browser.request(f"/check/{slug}/", {"answer": "no" if slug != "education" else "none"})
    # The optional questions: a parent, came alone, disability, where you live, custody.
    for slug in ("parent", "came-to-uk-alone", "disability", "where-you-live", "in-custody-now"):
        assert browser.request(f"/check/{slug}/", {"answer": "prefer_not"}) == 302
    assert browser.request("/check/result/") == 200
    shared = f"/check/shared/?dob={DOB_ISO}&care={CARE[0]}..{CARE[1]}&on=2026-11-23"
    assert browser.request(shared) == 200
    assert browser.request(f"/check/result/print/?dob={DOB_ISO}&care=nonsense") == 400
    assert browser.request("/api/v1/eligibility", json_body={"date_of_birth": DOB_ISO}) == 200
    assert browser.request("/moderation/login", {"email": MODERATOR,
                                                 "password": "wrong-password-typed"}) == 200
    assert browser.request("/moderation/login", {"email": "not-a-moderator@example.org",
                                                 "password": "wrong-password-typed"}) == 200
    assert browser.request(f"/search?q={urllib.parse.quote(MESSAGE)}") == 200

    records = caplog.records
    assert any(r.name == "werkzeug" for r in records), "the request log was not captured"
    logged = caplog.text + "\n".join(r.getMessage() for r in records)
    for secret in SECRETS:
        assert secret not in logged, f"{secret!r} was logged"
    # The request log still says what was asked for, without the query.
    assert re.search(r"GET /check/shared/ HTTP", logged)


def test_production_access_log_format_leaves_out_query_strings() -> None:
    """gunicorn's access log: the path alone, no request line, query string or referrer."""
    config = PROJECT_ROOT / "gunicorn.conf.py"
    assert config.exists(), "gunicorn.conf.py is the production server's configuration"
    tree = ast.parse(config.read_text(encoding="utf-8"))
    formats = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "access_log_format" for t in node.targets)
    ]
    assert len(formats) == 1, "access_log_format must be set once, to a fixed string"
    access_log_format = ast.literal_eval(formats[0])
    for forbidden in ("%(r)s", "%(q)s", "%(f)s", "%(a)s", "%(h)s", "{query_string}e"):
        assert forbidden not in access_log_format, forbidden
    assert "%(U)s" in access_log_format  # gunicorn's %(U)s is the path without the query
