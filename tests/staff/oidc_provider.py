"""A real OpenID Connect provider (npm's oidc-provider under Node.js) on loopback, and a
person signing in at it, for the single sign-on tests.

`make test` installs its packages (scripts/ensure-oidc-provider.sh); it is started once per
test run and stops when the run ends (its standard input closes).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import requests
from flask.testing import FlaskClient

FOLDER = Path(__file__).parent / "oidc"
CALLBACK = "http://localhost/moderation/sso/callback"
SIGNED_OUT = "http://localhost/moderation/login?signed_out=1"
# Accounts the provider knows, by login name: their claims.
ACCOUNTS = {
    "moderator": {"email": "moderator@council.example", "email_verified": True,
                  "groups": ["portal-staff"]},
    "stranger": {"email": "stranger@council.example", "email_verified": True,
                 "groups": ["portal-staff"]},
    "outsider": {"email": "moderator@elsewhere.example", "email_verified": True,
                 "groups": ["portal-staff"]},
    "not-in-group": {"email": "editor@council.example", "email_verified": True, "groups": []},
}  # fmt: skip


@dataclass(frozen=True)
class Provider:
    issuer: str
    client_id: str = "local-offer-portal"
    client_secret: str = "a test secret, never a real one"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start() -> tuple[subprocess.Popen[str], Provider]:
    node = shutil.which("node")
    if not node or not (FOLDER / "node_modules" / "oidc-provider").is_dir():
        pytest.fail(
            "The sign-on tests need Node.js and the provider's packages: run "
            "`bash scripts/ensure-oidc-provider.sh` (make test does)",
            pytrace=False,
        )
    port = _free_port()
    provider = Provider(f"http://127.0.0.1:{port}")
    client = {"client_id": provider.client_id, "client_secret": provider.client_secret,
              "redirect_uris": [CALLBACK], "post_logout_redirect_uris": [SIGNED_OUT]}  # fmt: skip
    environment = {**os.environ, "OIDC_PORT": str(port), "OIDC_CLIENT": json.dumps(client),
                   "OIDC_ACCOUNTS": json.dumps(ACCOUNTS)}  # fmt: skip
    process = subprocess.Popen(
        [node, "provider.mjs"], cwd=FOLDER, env=environment, text=True,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    ready: list[str] = []
    reader = threading.Thread(target=lambda: ready.append(process.stdout.readline()))
    reader.start()
    reader.join(timeout=30)
    if not ready or ready[0].strip() != "ready":
        process.kill()
        pytest.fail("The test OpenID Connect provider did not start", pytrace=False)
    return process, provider


def stop(process: subprocess.Popen[str]) -> None:
    process.stdin.close()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    process.stdout.close()


_FORM = re.compile(r'<form[^>]*action="([^"]+)"[^>]*method="post"')


def sign_in_at_provider(portal: FlaskClient, login: str, next_page: str | None = None):
    """Start single sign-on at the portal, sign in at the provider as `login`, and return
    the provider's redirect back to the portal (not yet followed)."""
    start_url = "/moderation/sso/start" + (f"?next={next_page}" if next_page else "")
    started = portal.get(start_url)
    assert started.status_code == 302, started.status_code
    with requests.Session() as browser:
        return started.headers["Location"], _at_provider(browser, started.headers["Location"],
                                                         login)  # fmt: skip


def _at_provider(browser: requests.Session, url: str, login: str) -> str:
    page = browser.get(url, timeout=10)
    action = _FORM.search(page.text)
    assert action, "no login form at the provider"
    answer = browser.post(urljoin(page.url, action.group(1)), timeout=10, allow_redirects=False,
                          data={"prompt": "login", "login": login, "password": "any"})  # fmt: skip
    while answer.is_redirect and not answer.headers["Location"].startswith("http://localhost/"):
        answer = browser.get(urljoin(answer.url, answer.headers["Location"]), timeout=10,
                             allow_redirects=False)  # fmt: skip
    assert answer.is_redirect, f"the provider answered {answer.status_code}"
    return answer.headers["Location"]


def back_at_portal(portal: FlaskClient, location: str):
    """Follow the provider's redirect to the portal's callback."""
    parts = urlsplit(location)
    return portal.get(f"{parts.path}?{parts.query}")
