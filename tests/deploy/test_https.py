"""The deployment the README describes, end to end: Chromium -> nginx (TLS, the shipped
deploy/nginx.conf) -> gunicorn in production mode -> SQLite, all on loopback.

Every form is sent over https:// (the strict CSRF check needs the Referer that
`Referrer-Policy: same-origin` keeps for our own pages), no Referer leaves for another site,
nginx's access log has no query strings, and half-sent requests do not stall the site.
"""

from __future__ import annotations

import http.server
import socket
import ssl
import threading
import time
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser import site
from browser.forms import submit
from playwright.sync_api import Browser, Page
from servers import clean_env, free_port, gunicorn
from staff import signing_in

from localoffer import create_app
from localoffer.content import Offer

from .nginx import Certificate, nginx, self_signed_certificate

MODERATOR = dict(site.MODERATOR)
HALF_SENT = 20


@dataclass(frozen=True)
class Deployment:
    base: str  # https://127.0.0.1:<port>, through nginx
    upstream: str  # http://127.0.0.1:<port>, gunicorn itself
    certificate: Certificate
    access_log: Path


def add_moderator(offer: Offer, database: Path) -> None:
    """The moderator account, made with the CLI on the database gunicorn will open."""
    app = create_app({"OFFER": offer, "DATABASE_URL": f"sqlite:///{database}"})
    password = MODERATOR["password"]
    added = app.test_cli_runner().invoke(
        args=["moderators", "add", MODERATOR["email"]], input=f"{password}\n{password}\n"
    )
    assert added.exit_code == 0, added.output
    app.extensions["localoffer.db"].engine.dispose()


@pytest.fixture(scope="module")
def deployment(
    tmp_path_factory: pytest.TempPathFactory, shipped_offer: Offer
) -> Iterator[Deployment]:
    folder = tmp_path_factory.mktemp("deploy")
    https_port, upstream_port = free_port(), free_port()
    env = clean_env(
        LOCALOFFER_ENV="production", LOCALOFFER_SECRET_KEY="https-test-" + "k" * 40,
        LOCALOFFER_TRUSTED_HOSTS="127.0.0.1", LOCALOFFER_TRUSTED_PROXIES="1",
        LOCALOFFER_BIND=f"127.0.0.1:{upstream_port}", LOCALOFFER_WORKERS="2",
        LOCALOFFER_DATABASE_URL=f"sqlite:///{folder / 'portal.sqlite3'}",
    )  # fmt: skip
    add_moderator(shipped_offer, folder / "portal.sqlite3")
    certificate = self_signed_certificate(folder)
    with (
        gunicorn(env, folder / "gunicorn.log") as upstream,
        nginx(folder, https_port, free_port(), upstream_port, certificate) as access_log,
    ):
        yield Deployment(f"https://127.0.0.1:{https_port}", upstream, certificate, access_log)


@pytest.fixture
def tab(browser: Browser, deployment: Deployment) -> Iterator[Page]:
    """A private window that accepts the run's self-signed certificate."""
    context = browser.new_context(base_url=deployment.base, ignore_https_errors=True)
    try:
        yield context.new_page()
    finally:
        context.close()


def path_of(page: Page) -> str:
    return urlsplit(page.url).path


def answer(page: Page, path: str, fields: tuple[tuple[str, str], ...]) -> None:
    """On the question at `path`, type and choose `fields` as a person would, then continue."""
    assert path_of(page) == path, f"expected {path}, at {page.url}"
    typed: Counter[str] = Counter()
    for name, value in fields:
        boxes = page.locator(f'{site_form()} [name="{name}"]')
        if boxes.first.get_attribute("type") == "radio":
            page.locator(f'{site_form()} input[name="{name}"][value="{value}"]').check()
        else:  # the day, month and year boxes of a date share the field's name
            boxes.nth(typed[name]).fill(value)
            typed[name] += 1
    submit(page)


def site_form() -> str:
    return 'main form[method="post" i]:not([action*="/clear/"])'


def sign_in(page: Page, email: str, password: str) -> None:
    """A moderator signs in as a person would, with the one-time code production asks for:
    at the first sign-in they type the key shown into their app and keep the recovery codes."""
    page.goto("/moderation/login")
    page.locator("main form input[name=email]").fill(email)
    page.locator("main form input[name=password]").fill(password)
    submit(page)
    if path_of(page) == signing_in.SETUP:
        signing_in.KEYS[email] = signing_in.setup_key(page.content())
    assert path_of(page) in (signing_in.SETUP, signing_in.CODE), path_of(page)
    code = signing_in.code_for(signing_in.KEYS[email], email)
    page.locator("main form input[name=code]").fill(code)
    submit(page)
    continue_link = page.locator("main a.govuk-button")
    if "recovery" in page.content().lower() and continue_link.count():
        with page.expect_navigation():
            continue_link.first.click()


def test_the_checker_from_start_to_result_over_https(tab: Page, deployment: Deployment) -> None:
    """Every question is answered and the result page is reached: no CSRF failure."""
    tab.goto("/check/")
    with tab.expect_navigation():
        tab.locator(".govuk-button--start").click()
    for path, fields in site.DATES_ANSWERED:
        answer(tab, path, fields)
    assert path_of(tab) == "/check/answers/"
    with tab.expect_navigation():
        tab.locator('main a.govuk-button[href="/check/result/"]').click()
    assert path_of(tab) == "/check/result/"
    assert tab.locator('main a[href="/relationships/personal-adviser/"]').count() >= 1


def test_feedback_a_suggestion_and_was_this_useful_over_https(
    tab: Page, deployment: Deployment
) -> None:
    """All three feedback forms are thanked, which means they were stored."""
    tab.goto("/feedback/")
    tab.locator("main form textarea").first.fill("Sent over HTTPS through nginx.")
    submit(tab)
    assert path_of(tab) == "/feedback/thanks/general/"

    tab.goto("/relationships/staying-put/")
    with tab.expect_navigation():
        tab.locator(".app-page-feedback button[value=yes]").click()
    assert path_of(tab) == "/feedback/page/"
    submit(tab)
    assert path_of(tab) == "/feedback/thanks/useful/"

    tab.goto("/suggest/staying-put/")
    tab.locator("main form textarea").first.fill("Please say who to ask about staying put.")
    submit(tab)
    assert path_of(tab) == "/feedback/thanks/suggestion/"


def test_a_moderator_signs_in_and_out_over_https(tab: Page, deployment: Deployment) -> None:
    """Sign-in reaches the dashboard with the secure cookie; signing out ends the session."""
    sign_in(tab, MODERATOR["email"], MODERATOR["password"])
    assert path_of(tab) == "/moderation/"
    cookies = tab.context.cookies()
    assert cookies and all(cookie["secure"] for cookie in cookies)
    with tab.expect_navigation():
        tab.get_by_role("button", name="Sign out").click()
    assert path_of(tab) == "/moderation/login"
    tab.goto("/moderation/")
    assert path_of(tab) == "/moderation/login"


class Recorder(http.server.BaseHTTPRequestHandler):
    """Another website: notes the Referer of each request it gets."""

    referers: list[tuple[str, str | None]]

    def do_GET(self) -> None:
        self.referers.append((self.path, self.headers.get("Referer")))
        body = b"<!doctype html><title>Another site</title><p>Another site"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def another_site(deployment: Deployment) -> Iterator[tuple[str, list[tuple[str, str | None]]]]:
    """An HTTPS site on another port (another origin), so a downgrade cannot hide a Referer."""
    referers: list[tuple[str, str | None]] = []
    handler = type("Handler", (Recorder,), {"referers": referers})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(deployment.certificate.cert, deployment.certificate.key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_port}/", referers
    finally:
        server.shutdown()
        server.server_close()


def test_no_referer_and_no_share_link_query_reach_another_site(
    tab: Page, deployment: Deployment, another_site: tuple[str, list[tuple[str, str | None]]]
) -> None:
    """Leaving a shared result (its answers in the address) for another site sends nothing."""
    elsewhere, referers = another_site
    tab.goto("/check/route/")
    for path, fields in site.DATES_ANSWERED:
        answer(tab, path, fields)
    tab.goto("/check/result/share/?understood=yes&show=1")
    shared = tab.locator("main textarea#share-link").input_value()
    assert shared.startswith(deployment.base + "/check/shared/?"), shared  # X-Forwarded-*
    tab.goto(shared)
    assert path_of(tab) == "/check/shared/"
    tab.evaluate(
        "url => { const a = document.createElement('a'); a.href = url; a.textContent = 'away';"
        " document.body.append(a); a.click(); }", elsewhere,
    )  # fmt: skip
    tab.wait_for_url(elsewhere)
    assert ("/", None) in referers, referers  # the visit itself came with no Referer
    assert not [r for _, r in referers if r and r.startswith(deployment.base)], referers
    logged = deployment.access_log.read_text(encoding="utf-8")
    assert '"GET /check/shared/"' in logged
    # The date of birth in full: a bare "2007" can be a response's size in bytes.
    assert "?" not in logged and "2007-05-01" not in logged, "a query reached the access log"


def half_sent(port: int, tls: bool) -> list[socket.socket]:
    """HALF_SENT connections that each begin a form post and never finish it."""
    context = ssl._create_unverified_context()
    held: list[socket.socket] = []
    for _ in range(HALF_SENT):
        connection = socket.create_connection(("127.0.0.1", port), timeout=10)
        if tls:
            connection = context.wrap_socket(connection)
        connection.sendall(b"POST /feedback/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                           b"Content-Type: application/x-www-form-urlencoded\r\n"
                           b"Content-Length: 5000\r\n\r\nmessage=a%20slow%20ph")  # fmt: skip
        held.append(connection)
    return held


def seconds_to_health(url: str, timeout: float) -> float:
    start = time.perf_counter()
    context = ssl._create_unverified_context()
    with urllib.request.urlopen(url + "/healthz", timeout=timeout, context=context) as response:
        assert response.status == 200
    return time.perf_counter() - start


def test_half_sent_requests_through_nginx_do_not_stall_the_site(
    deployment: Deployment, report_figure: Callable[[str, str], None]
) -> None:
    """20 slow phones hold connections to nginx; /healthz still answers at once. Straight to
    gunicorn's two sync workers, the same connections freeze it (the check can fail)."""
    port = int(urlsplit(deployment.base).port or 443)
    held = half_sent(port, tls=True)
    try:
        time.sleep(0.5)  # nginx has read what was sent and is waiting for the rest
        through_nginx = seconds_to_health(deployment.base, timeout=10)
    finally:
        for connection in held:
            connection.close()
    report_figure(
        "deployment figures",
        f"/healthz through nginx with {HALF_SENT} half-sent requests open: "
        f"{through_nginx * 1000:.0f} ms"
    )
    direct = half_sent(int(urlsplit(deployment.upstream).port or 80), tls=False)
    try:
        with pytest.raises(TimeoutError):
            seconds_to_health(deployment.upstream, timeout=2)
    finally:
        for connection in direct:
            connection.close()
