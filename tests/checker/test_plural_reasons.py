"""Reasons with a number in them use the reader's language's own plural forms."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient


@pytest.mark.parametrize(
    ("last_day", "words"),
    [
        ("2022-06-02", "قضيت في الرعاية 2 يومين منذ"),  # two
        ("2022-06-03", "قضيت في الرعاية 3 أيام منذ"),  # few: 3 to 10
        ("2022-06-11", "قضيت في الرعاية 11 يومًا منذ"),  # many: 11 to 99
    ],
)
def test_arabic_reasons_take_the_plural_form_for_the_number(
    client: FlaskClient, last_day: str, words: str
) -> None:
    """Arabic has six plural forms; the day count picks its own, not one form for all."""
    response = client.get(
        f"/ar/check/shared/?dob=2008-03-10&on=2023-01-01&care=2022-06-01..{last_day}"
    )
    assert response.status_code == 200
    assert words in response.data.decode()


def test_english_reasons_say_one_day_and_two_days(client: FlaskClient) -> None:
    """English has one and other: '1 day', '2 days'."""
    one = client.get("/check/shared/?dob=2008-03-10&on=2023-01-01&care=2022-06-01..2022-06-01")
    two = client.get("/check/shared/?dob=2008-03-10&on=2023-01-01&care=2022-06-01..2022-06-02")
    assert "looked after for 1 day since" in one.data.decode()
    assert "looked after for 2 days since" in two.data.decode()
