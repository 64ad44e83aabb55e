"""Two-factor sign-in: required in production, set up at the first sign-in with a QR code
drawn on the server and a typed key, ten single-use recovery codes, and a reset for a lost
phone."""

from __future__ import annotations

import re

import pyotp
import pytest
from flask import Flask
from flask.testing import FlaskClient

from localoffer.config import ConfigurationError, from_environment

from .conftest import MODERATOR, PASSWORD, account, add_staff
from .signing_in import CODE, KEYS, SETUP, code_for, setup_key, sign_in

RECOVERY = re.compile(r"<code>([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})</code>")


@pytest.fixture
def required(staff_app: Flask) -> Flask:
    staff_app.config["REQUIRE_TWO_FACTOR"] = True
    add_staff(staff_app)
    KEYS.pop(MODERATOR, None)
    return staff_app


def password_step(client: FlaskClient):
    return client.post("/moderation/login", data={"email": MODERATOR, "password": PASSWORD})


def test_production_requires_two_factor_and_development_can_ask_for_it() -> None:
    """LOCALOFFER_ENV=production always requires codes; elsewhere a clear switch does."""
    production = {"LOCALOFFER_ENV": "production", "LOCALOFFER_SECRET_KEY": "k",
                  "LOCALOFFER_TRUSTED_HOSTS": "careleavers.example.gov.uk"}
    assert from_environment("/tmp", production)["REQUIRE_TWO_FACTOR"] is True
    assert from_environment("/tmp", {})["REQUIRE_TWO_FACTOR"] is False
    asked = {"LOCALOFFER_REQUIRE_TWO_FACTOR": "yes"}
    assert from_environment("/tmp", asked)["REQUIRE_TWO_FACTOR"] is True
    with pytest.raises(ConfigurationError, match="LOCALOFFER_REQUIRE_TWO_FACTOR to yes or no"):
        from_environment("/tmp", {"LOCALOFFER_REQUIRE_TWO_FACTOR": "maybe"})


def test_a_password_alone_opens_nothing_when_codes_are_required(required: Flask) -> None:
    """After the password, moderation pages still send you to sign in until a code is given."""
    client = required.test_client()
    assert password_step(client).headers["Location"] == SETUP
    assert client.get("/moderation/queue/").status_code == 302


def test_first_sign_in_sets_up_an_app_with_a_qr_code_drawn_here(required: Flask) -> None:
    """The setup page draws the QR code inline (nothing fetched) and prints the key to type."""
    client = required.test_client()
    password_step(client)
    page = client.get(SETUP).get_data(as_text=True)
    assert re.search(r'<svg [^>]*role="img"[^>]*>\s*<title>QR code for setting up', page)
    assert "<img" not in page.split('<main')[1]
    key = setup_key(page)
    assert key == account(required).totp_secret
    assert len(key) == 32 and f"{key[:4]} {key[4:8]}" in page


def test_a_wrong_first_code_is_refused_with_what_to_do(required: Flask) -> None:
    """A mistyped code sets nothing up and says what to enter."""
    client = required.test_client()
    password_step(client)
    client.get(SETUP)
    response = client.post(SETUP, data={"code": "000000"})
    assert "Enter the 6-digit code shown in your authenticator app" in response.get_data(
        as_text=True
    )
    assert not account(required).has_two_factor


def test_setting_up_shows_ten_recovery_codes_once_and_keeps_only_hashes(required: Flask) -> None:
    """The right code signs you in and shows ten codes; the database holds none of them."""
    client = required.test_client()
    response = sign_in(client, MODERATOR, PASSWORD)
    codes = RECOVERY.findall(response.get_data(as_text=True))
    assert response.status_code == 200 and len(set(codes)) == 10
    assert client.get("/moderation/").status_code == 200
    stored = [row.code_hash for row in account(required).recovery_codes]
    assert len(stored) == 10 and not set(codes) & set(stored)
    assert not any(code.replace("-", "") in "".join(stored) for code in codes)


def test_later_sign_ins_ask_for_a_code_and_refuse_it_twice(required: Flask) -> None:
    """Once set up, the password leads to the code page; a code is accepted only once."""
    sign_in(required.test_client(), MODERATOR, PASSWORD)
    client = required.test_client()
    assert password_step(client).headers["Location"] == CODE
    code = code_for(KEYS[MODERATOR], MODERATOR)
    assert client.post(CODE, data={"code": code}).status_code == 302
    again = required.test_client()
    password_step(again)
    replayed = again.post(CODE, data={"code": code})
    assert replayed.status_code == 200 and "Enter the code shown in your authenticator app" in (
        replayed.get_data(as_text=True)
    )


def test_a_recovery_code_works_once(required: Flask) -> None:
    """A recovery code signs you in instead of the app's code, and never again."""
    codes = RECOVERY.findall(sign_in(required.test_client(), MODERATOR, PASSWORD).get_data(
        as_text=True))  # fmt: skip
    first = required.test_client()
    password_step(first)
    assert first.post(CODE, data={"code": codes[3].lower()}).status_code == 302
    second = required.test_client()
    password_step(second)
    assert second.post(CODE, data={"code": codes[3]}).status_code == 200
    assert second.get("/moderation/").status_code == 302


def test_reset_2fa_ends_sessions_and_the_next_sign_in_sets_up_again(required: Flask) -> None:
    """For a lost phone: the CLI forgets the app and codes, signs the account out everywhere."""
    client = required.test_client()
    sign_in(client, MODERATOR, PASSWORD)
    old_key = KEYS[MODERATOR]
    result = required.test_cli_runner().invoke(args=["moderators", "reset-2fa", MODERATOR])
    assert result.exit_code == 0 and "Two-factor sign-in reset" in result.output
    assert client.get("/moderation/").status_code == 302
    assert not account(required).recovery_codes
    assert password_step(required.test_client()).headers["Location"] == SETUP
    sign_in(required.test_client(), MODERATOR, PASSWORD)
    assert KEYS[MODERATOR] != old_key
    unknown = required.test_cli_runner().invoke(args=["moderators", "reset-2fa", "x@y.example"])
    assert unknown.exit_code != 0 and "x@y.example has no staff account" in unknown.output


def test_a_code_from_any_standard_app_is_accepted(required: Flask) -> None:
    """The portal agrees with RFC 6238 codes as apps make them (here pyotp), spaces and all."""
    client = required.test_client()
    password_step(client)
    code = pyotp.TOTP(setup_key(client.get(SETUP).get_data(as_text=True))).now()
    response = client.post(SETUP, data={"code": f"{code[:3]} {code[3:]}"})
    assert response.status_code == 200 and len(RECOVERY.findall(response.get_data(as_text=True)))
    assert account(required).has_two_factor
