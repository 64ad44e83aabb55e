"""Every response carries the security headers; production refuses unsafe settings."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest
from flask import Flask

from localoffer import create_app
from localoffer.config import ConfigurationError

URLS = ["/", "/ar/themes/housing/", "/relationships/personal-adviser/", "/check/route/",
        "/no-such-page/", "/static/css/app.css"]  # fmt: skip


@pytest.mark.parametrize("url", URLS)
def test_every_response_has_the_security_headers(client, url: str) -> None:
    """CSP without unsafe-inline, no framing, no sniffing, no referrer abroad, no device access."""
    response = client.get(url)
    response.close()
    csp = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "Strict-Transport-Security" not in response.headers


def test_api_responses_have_the_headers_too(client) -> None:
    """JSON answers are protected the same way."""
    response = client.post("/api/v1/eligibility", json={"date_of_birth": "2008-01-01"})
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_pages_have_no_inline_script_or_style(client) -> None:
    """Nothing on the pages needs unsafe-inline: no handlers or style attributes, and the one
    inline script (the page template's) is allowed by its hash in the CSP."""
    for url in ("/", "/check/", "/check/route/", "/relationships/personal-adviser/"):
        response = client.get(url)
        html = response.get_data(as_text=True)
        inline = re.findall(r"<script>(.*?)</script>", html, re.S)
        assert len(inline) == 1, url
        digest = base64.b64encode(hashlib.sha256(inline[0].encode()).digest()).decode()
        assert f"'sha256-{digest}'" in response.headers["Content-Security-Policy"]
        assert " style=" not in html and " onclick=" not in html


def test_production_refuses_to_start_without_a_secret_key(monkeypatch) -> None:
    """A random key would log everyone out on every restart and differ between workers."""
    monkeypatch.setenv("LOCALOFFER_ENV", "production")
    monkeypatch.delenv("LOCALOFFER_SECRET_KEY", raising=False)
    with pytest.raises(ConfigurationError, match="LOCALOFFER_SECRET_KEY"):
        create_app()


def test_production_refuses_to_start_without_trusted_host_names(monkeypatch) -> None:
    """Without them a forged Host header would be believed; the message says what to set."""
    monkeypatch.setenv("LOCALOFFER_ENV", "production")
    monkeypatch.setenv("LOCALOFFER_SECRET_KEY", "x" * 64)
    monkeypatch.delenv("LOCALOFFER_TRUSTED_HOSTS", raising=False)
    with pytest.raises(ConfigurationError, match="Set LOCALOFFER_TRUSTED_HOSTS to the host names"):
        create_app()


def test_production_refuses_to_start_in_debug_mode(monkeypatch) -> None:
    """The debugger can run any code, so it is never allowed in production."""
    monkeypatch.setenv("LOCALOFFER_ENV", "production")
    monkeypatch.setenv("LOCALOFFER_SECRET_KEY", "x" * 64)
    monkeypatch.setenv("LOCALOFFER_TRUSTED_HOSTS", "localhost")
    monkeypatch.setenv("FLASK_DEBUG", "1")
    with pytest.raises(ConfigurationError, match="Debug"):
        create_app()


def test_production_sends_hsts_and_secure_cookies(monkeypatch) -> None:
    """In production browsers are told to use HTTPS only, and cookies never travel in clear."""
    monkeypatch.setenv("LOCALOFFER_ENV", "production")
    monkeypatch.setenv("LOCALOFFER_SECRET_KEY", "x" * 64)
    monkeypatch.setenv("LOCALOFFER_TRUSTED_HOSTS", "localhost")
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    app: Flask = create_app({"TESTING": True})
    response = app.test_client().get("/")
    assert "max-age=" in response.headers["Strict-Transport-Security"]
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"


def test_rate_limits_see_the_real_client_behind_a_trusted_proxy(monkeypatch) -> None:
    """With one trusted proxy, the visitor's own address is used, not the proxy's."""
    monkeypatch.setenv("LOCALOFFER_TRUSTED_PROXIES", "1")
    app = create_app({"TESTING": True})

    @app.get("/_who")
    def who() -> str:
        from flask import request

        return request.remote_addr or ""

    seen = app.test_client().get("/_who", headers={"X-Forwarded-For": "203.0.113.7"})
    assert seen.get_data(as_text=True) == "203.0.113.7"


def test_forwarded_addresses_are_ignored_without_a_trusted_proxy() -> None:
    """By default nobody can pick their own address with a header."""
    app = create_app({"TESTING": True})

    @app.get("/_who")
    def who() -> str:
        from flask import request

        return request.remote_addr or ""

    seen = app.test_client().get("/_who", headers={"X-Forwarded-For": "203.0.113.7"})
    assert seen.get_data(as_text=True) != "203.0.113.7"


def test_only_trusted_host_names_are_answered(monkeypatch) -> None:
    """With trusted hosts set, a forged Host header cannot put its name in our links."""
    monkeypatch.setenv("LOCALOFFER_TRUSTED_HOSTS", "careleavers.example.org")
    client = create_app({"TESTING": True}).test_client()
    assert client.get("/", headers={"Host": "careleavers.example.org"}).status_code == 200
    forged = client.get("/", headers={"Host": "evil.example"})
    assert forged.status_code == 400 and b"evil.example" not in forged.data
