"""Two-factor sign-in: time-based one-time codes (RFC 6238) and single-use recovery codes.

The QR code is drawn here as inline SVG, so setting up an app sends the secret to no one;
the key is also shown as text for anyone who cannot scan it.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from datetime import datetime

import pyotp
import segno
from flask import current_app
from markupsafe import Markup

from localoffer.feedback.models import Moderator, RecoveryCode

RECOVERY_CODES = 10
# Unambiguous letters and digits (no 0/O, 1/I/L), in groups of four for reading aloud.
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
_RECOVERY_LENGTH = 12  # about 59 bits each: far beyond guessing at a throttled form
STEP = 30


def required() -> bool:
    """Whether every password sign-in must give a code (always in production)."""
    return bool(current_app.config["REQUIRE_TWO_FACTOR"])


def new_secret() -> str:
    return pyotp.random_base32()


def setup_uri(moderator: Moderator) -> str:
    issuer = current_app.config.get("TWO_FACTOR_ISSUER") or "Local Offer"
    return pyotp.TOTP(moderator.totp_secret or "").provisioning_uri(
        name=moderator.email, issuer_name=issuer
    )


def qr_svg(uri: str, title: str) -> Markup:
    """The setup link as an inline SVG QR code, titled for screen readers."""
    svg = segno.make(uri, error="m").svg_inline(
        scale=4, border=4, dark="#0b0c0c", light="#ffffff", title=title
    )
    return Markup(svg.replace("<svg ", '<svg role="img" focusable="false" ', 1))


def grouped(key: str) -> str:
    """The key in groups of four, easier to type on a phone."""
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def _clean(code: str) -> str:
    return "".join(code.split()).replace("-", "").upper()


def verify_code(moderator: Moderator, code: str, at: float | None = None) -> bool:
    """A code from the app, accepted once: the step before or after allows for clock drift."""
    code = _clean(code)
    if not moderator.totp_secret or not (code.isdigit() and len(code) == 6):
        return False
    totp = pyotp.TOTP(moderator.totp_secret)
    now = time.time() if at is None else at
    for drift in (0, -1, 1):
        step = int(now // STEP) + drift
        if step > (moderator.totp_last_step or -1) and secrets.compare_digest(
            totp.at(step * STEP), code
        ):
            moderator.totp_last_step = step
            return True
    return False


def _hash(code: str) -> str:
    return hashlib.sha256(_clean(code).encode()).hexdigest()


def new_recovery_codes(moderator: Moderator) -> list[str]:
    """Replace the account's recovery codes with ten new ones; only their hashes are kept."""
    codes = []
    for _ in range(RECOVERY_CODES):
        raw = "".join(secrets.choice(_ALPHABET) for _ in range(_RECOVERY_LENGTH))
        codes.append("-".join(raw[i : i + 4] for i in range(0, len(raw), 4)))
    moderator.recovery_codes = [RecoveryCode(code_hash=_hash(code)) for code in codes]
    return codes


def use_recovery_code(moderator: Moderator, code: str, now: datetime) -> bool:
    """True, and the code spent, when it is one of the account's unused recovery codes."""
    digest = _hash(code)
    for row in moderator.recovery_codes:
        if row.used_at is None and secrets.compare_digest(row.code_hash, digest):
            row.used_at = now
            return True
    return False


def unused_recovery_codes(moderator: Moderator) -> int:
    return sum(1 for row in moderator.recovery_codes if row.used_at is None)


def reset(moderator: Moderator) -> None:
    """Forget the app and the recovery codes: the next sign-in sets up two-factor again."""
    moderator.totp_secret = None
    moderator.totp_confirmed_at = None
    moderator.totp_last_step = None
    moderator.recovery_codes = []
