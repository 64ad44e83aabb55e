"""One headless Chromium per run, the portal served on loopback, and a fresh tab per check."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from flask import Flask, Response, render_template_string
from playwright.sync_api import Browser, BrowserContext, Page
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from . import site

CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrize by discovered page or by form state, each in every shipped language."""
    if "visit" in metafunc.fixturenames:
        pages = site.every_page()
        metafunc.parametrize("visit", pages, ids=[f"{v.lang}:{v.id}" for v in pages])
    if "form_state" in metafunc.fixturenames:
        states = site.form_states()
        metafunc.parametrize("form_state", states, ids=[f"{lang}:{s.name}" for lang, s in states])


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say plainly which listed form states were not checked because their page is not built."""
    if not site._discovery.cache_info().currsize:
        return
    missing = site.not_built_yet()
    if missing:
        terminalreporter.write_sep("-", "browser tests: listed pages not built yet, not checked")
        for name in missing:
            terminalreporter.write_line(name)


def pytest_unconfigure(config: pytest.Config) -> None:
    site.forget()


class QuietHandler(WSGIRequestHandler):
    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass  # one line per request would bury the test report


@pytest.fixture(scope="session")
def live_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    return site.make_app(Path(tmp_path_factory.mktemp("live")))


def serve(app: Flask) -> Iterator[str]:
    """Run `app` on a free loopback port in a real WSGI server thread; yield its base URL."""
    server: BaseWSGIServer = make_server(
        "127.0.0.1", 0, app, threaded=True, request_handler=QuietHandler
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def base_url(live_app: Flask) -> Iterator[str]:
    yield from serve(live_app)


# Pages registered only in the tests, that the checks must catch: proof they can fail.
BROKEN_PAGES = {
    "/broken/": """{% extends "base.html" %}
{% block title %}A broken page{% endblock %}
{% block content %}
<h1 class="govuk-heading-l">A broken page</h1>
<img src="{{ url_for('static', filename='images/favicon.svg') }}">
<input type="text" name="unlabelled">
<link rel="stylesheet" href="/broken.css">
<p class="govuk-body app-test-pale">Pale grey text on white.</p>
{% endblock %}""",
    "/wide/": """{% extends "base.html" %}
{% block title %}A wide page{% endblock %}
{% block content %}
<h1 class="govuk-heading-l">A wide page</h1>
<p class="govuk-body app-test-wide">{{ "A sentence that must not wrap. " * 8 }}</p>
<p class="govuk-body app-test-clipped">Text in a box too small for it, with the rest hidden.</p>
{% endblock %}""",
}


PALE_TEXT = ".app-test-pale { color: #c8c8c8; }"


@pytest.fixture(scope="session")
def broken_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The portal plus the broken pages, served like the real one."""
    app = site.make_app(Path(tmp_path_factory.mktemp("broken")))
    for path, template in BROKEN_PAGES.items():

        def render(template: str = template) -> str:
            return render_template_string(template)

        app.add_url_rule(path, path.strip("/"), render)
    # The site's policy allows styles from its own address only, so the pale text's colour
    # comes from a stylesheet served there.
    app.add_url_rule(
        "/broken.css", "broken-css", lambda: Response(PALE_TEXT, mimetype="text/css")
    )
    yield from serve(app)


@pytest.fixture
def context(browser: Browser, base_url: str) -> Iterator[BrowserContext]:
    """A private window: its own cookies, so no answers leak from one check to the next."""
    with browser.new_context(base_url=base_url, viewport={"width": 1024, "height": 768}) as ctx:
        yield ctx


@pytest.fixture(scope="module")
def shared_tab(browser: Browser, base_url: str) -> Iterator[Page]:
    """One tab for read-only pages, opened once: each check loads its page afresh."""
    with browser.new_context(base_url=base_url) as ctx:
        yield ctx.new_page()


@pytest.fixture
def tab(context: BrowserContext) -> Page:
    return context.new_page()


def post_answers(context: BrowserContext, answers: tuple[site.Answer, ...], lang: str) -> None:
    """Answer forms as the browser would, sharing its cookies, to reach a later state fast."""
    for path, fields in answers:
        url = site.prefix(lang) + path
        form = context.request.get(url)
        token = CSRF.search(form.text())
        assert form.ok and token, f"{url} gave {form.status} with no form"
        sent = context.request.post(
            url,
            data=urlencode((("csrf_token", token.group(1)), *fields)),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            max_redirects=0,
        )
        assert sent.status in (302, 303), f"{url} did not accept {fields}: {sent.status}"
