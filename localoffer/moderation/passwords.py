"""Moderator passwords, hashed with Argon2id; never stored or shown in clear."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from zxcvbn import zxcvbn

MIN_LENGTH = 12
# zxcvbn's scale: 3 is "safely unguessable" (about 10^10 guesses), which with slow hashing and
# throttled sign-in is far beyond an attacker's reach; 0 to 2 are common or patterned.
MIN_STRENGTH = 3
# zxcvbn takes much longer on long input, and no one types a passphrase this long.
MAX_LENGTH = 200
ADVICE = (
    "Choose a password that is harder to guess: use three or four random words, "
    "or at least 12 characters that are not a common password, a name or a pattern"
)

_hasher = PasswordHasher()
# Checked when no moderator has the address given, so a wrong address takes as long as a
# wrong password and the sign-in page does not reveal who is a moderator.
_DUMMY_HASH = _hasher.hash("not a real password, only for timing")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True only for the right password of an account that has one ("" means single sign-on)."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with weaker settings than today's."""
    return _hasher.check_needs_rehash(password_hash)


def password_problem(password: str, user_inputs: tuple[str, ...] = ()) -> str | None:
    """What is wrong with a new password, said as what to do; None when it will do."""
    if len(password) < MIN_LENGTH:
        return f"Use at least {MIN_LENGTH} characters"
    if len(password) > MAX_LENGTH:
        return f"Use {MAX_LENGTH} characters or fewer"
    if not password.strip():
        return "Use a password that is not only spaces"
    # The address and its parts are the first things a guesser tries.
    words = [part for text in user_inputs for part in (text, *text.replace("@", ".").split("."))]
    verdict = zxcvbn(password, user_inputs=[word for word in words if word])
    if verdict["score"] < MIN_STRENGTH:
        warning = verdict["feedback"].get("warning")
        return f"{ADVICE}. ({warning})" if warning else ADVICE
    return None
