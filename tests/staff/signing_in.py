"""Signing a member of staff in the whole way, code step included, as a browser would.

`sign_in(client, email, password)` works with a Flask test client, with or without CSRF and
whether or not two-factor sign-in is required: at a first sign-in it reads the setup key
from the page (as someone typing it into their app would) and remembers it, later sign-ins
make the code from it. `code_for(key, email)` and `setup_key(html)` serve other clients (a
real browser, an HTTPS client) that drive the same pages.
"""

from __future__ import annotations

import re
import time
from typing import Any

import pyotp

STEP = 30
LOGIN = "/moderation/login"
SETUP = "/moderation/two-factor/setup"
CODE = "/moderation/login/code"

# Setup keys seen, and the last 30-second step used, per account: the portal accepts each
# step once, so a second sign-in within the same half-minute needs the next step's code.
KEYS: dict[str, str] = {}
_LAST_STEP: dict[str, int] = {}

_CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
_KEY = re.compile(r'class="[^"]*app-setup-key[^"]*"><code[^>]*>([A-Z2-7 ]+)</code>')


def setup_key(html: str) -> str:
    """The key printed on the setup page, without its spaces."""
    match = _KEY.search(html)
    assert match, "no setup key on the page"
    return match.group(1).replace(" ", "")


def code_for(key: str, email: str) -> str:
    """A code the portal has not yet seen for this account (waits for the next step if need be)."""
    now_step = int(time.time() // STEP)
    step = max(now_step, _LAST_STEP.get(email, -1) + 1)
    if step > now_step + 1:  # both this step and the next are used: wait for a fresh one
        time.sleep((now_step + 1) * STEP - time.time() + 0.05)
        step = now_step + 1
    _LAST_STEP[email] = step
    return pyotp.TOTP(key).at(step * STEP)


def _token(client: Any, url: str) -> dict[str, str]:
    match = _CSRF.search(client.get(url).get_data(as_text=True))
    return {"csrf_token": match.group(1)} if match else {}


def sign_in(client: Any, email: str, password: str, target: str | None = None) -> Any:
    """Sign in through every step; the last response (a redirect, or the recovery codes)."""
    url = f"{LOGIN}?next={target}" if target else LOGIN
    data = {"email": email, "password": password, **_token(client, url)}
    response = client.post(url, data=data)
    location = response.headers.get("Location", "")
    if location.endswith(SETUP):
        page = client.get(SETUP).get_data(as_text=True)
        KEYS[email] = setup_key(page)
        _LAST_STEP.pop(email, None)  # a new key: the portal has seen none of its codes
        match = _CSRF.search(page)
        token = {"csrf_token": match.group(1)} if match else {}
        response = client.post(SETUP, data={"code": code_for(KEYS[email], email), **token})
    elif location.endswith(CODE):
        assert email in KEYS, f"{email} set up two-factor sign-in outside this helper"
        token = _token(client, CODE)
        response = client.post(CODE, data={"code": code_for(KEYS[email], email), **token})
    return response
