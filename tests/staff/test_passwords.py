"""New staff passwords: common and guessable ones are refused with what to do instead."""

from __future__ import annotations

import pytest
from flask import Flask

from .conftest import MODERATOR, account


@pytest.mark.parametrize(
    "password", ["aaaaaaaaaaaa", "password1234", "qwertyuiop123", "moderator@council.example"]
)
def test_moderators_add_refuses_a_guessable_password(staff_app: Flask, password: str) -> None:
    """Repeats, common passwords, keyboard rows and the address itself add no one."""
    result = staff_app.test_cli_runner().invoke(
        args=["moderators", "add", MODERATOR], input=f"{password}\n{password}\n"
    )
    assert result.exit_code != 0
    assert "Choose a password that is harder to guess: use three or four random words" in (
        result.output
    )
    assert staff_app.test_cli_runner().invoke(args=["moderators", "list"]).output == ""


def test_moderators_add_accepts_random_words(staff_app: Flask) -> None:
    """Four random words are accepted."""
    result = staff_app.test_cli_runner().invoke(
        args=["moderators", "add", MODERATOR], input="violet kettle orbit meadow\n" * 2
    )
    assert result.exit_code == 0, result.output
    assert account(staff_app).password_hash.startswith("$argon2id$")
