"""The rules' words stay translatable: marked templates, raw values, English unchanged."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from babel.dates import format_date
from babel.numbers import format_decimal

from localoffer.rules import (
    InvalidAnswers,
    Message,
    assess,
    entitlements_for,
    parse_answers,
)
from localoffer.rules.messages import N_, NP_, PLACEHOLDER

RULES = Path(__file__).parents[2] / "localoffer" / "rules"


def _calls(name: str) -> list[tuple[str, ast.Call]]:
    """Every call to `name` in the rules package, with the file it is in."""
    found = []
    for path in sorted(RULES.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == name
            ):
                found.append((path.name, node))
    return found


def _marked_templates() -> set[str]:
    """The singular strings pybabel's `-k N_ -k NP_:1,2` finds in the rules."""
    return {
        node.args[0].value
        for _, node in (*_calls("N_"), *_calls("NP_"))
        if isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
    }


@pytest.fixture
def messages(
    all_status_cases: list[dict[str, Any]], all_bad_input_cases: list[dict[str, Any]], today: date
) -> list[Message]:
    """Every message the rules give across cases.yaml and bad_input.yaml."""
    messages: list[Message] = []
    for case in all_status_cases:
        answers, on = parse_answers({**case["answers"], "as_of": case["as_of"]}, today=today)
        assessment = assess(answers, on=on)
        # No items are needed: the entitlements' own reason depends only on the status.
        no_items: list[object] = []
        onward = entitlements_for(assessment, answers, no_items, on=on)
        messages += [reason.message for reason in (*assessment.reasons, *onward.reasons)]
        messages += assessment.refer_to_adviser
    for case in all_bad_input_cases:
        with pytest.raises(InvalidAnswers) as raised:
            parse_answers(case["body"], today=today)
        messages += raised.value.messages.values()
    return messages


def _identity(template: str) -> str:
    return template


def _shouting_plural(singular: str, plural: str, count: int) -> str:
    """A stand-in ngettext: the English form for the count, shouted."""
    return _shouting(singular if count == 1 else plural)


def _shouting(template: str) -> str:
    """A stand-in translation: every word changed, every placeholder kept."""
    pieces = PLACEHOLDER.split(template)
    # split() puts the placeholder names at odd positions: put them back as placeholders.
    return "".join(
        piece.upper() if index % 2 == 0 else f"%({piece})s" for index, piece in enumerate(pieces)
    )


def test_every_message_in_the_rules_is_built_from_a_marked_string_literal() -> None:
    """Each Message(...) takes N_("...") first, so pybabel extracts every template."""
    constructions = _calls("Message")
    assert len(constructions) >= 50
    for file_name, node in constructions:
        template = node.args[0] if node.args else None
        assert isinstance(template, ast.Call), f"{file_name}:{node.lineno}"
        assert isinstance(template.func, ast.Name), f"{file_name}:{node.lineno}"
        assert template.func.id == "N_", f"{file_name}:{node.lineno}"
        assert len(node.args) == 1, f"{file_name}:{node.lineno}: values go by name"


def test_every_marker_holds_one_string_literal() -> None:
    """pybabel can only extract a literal, so N_ never wraps a variable or an f-string."""
    for file_name, node in _calls("N_"):
        assert len(node.args) == 1 and not node.keywords, f"{file_name}:{node.lineno}"
        literal = node.args[0]
        assert isinstance(literal, ast.Constant), f"{file_name}:{node.lineno}"
        assert isinstance(literal.value, str), f"{file_name}:{node.lineno}"


def test_every_counted_sentence_marks_both_english_forms_with_the_same_placeholders() -> None:
    """NP_ holds a singular and a plural literal, so translators get msgid_plural entries."""
    pairs = _calls("NP_")
    assert len(pairs) >= 10
    for file_name, node in pairs:
        assert len(node.args) == 2 and not node.keywords, f"{file_name}:{node.lineno}"
        singular, plural = (arg.value for arg in node.args if isinstance(arg, ast.Constant))
        assert singular != plural, f"{file_name}:{node.lineno}"
        assert PLACEHOLDER.findall(singular) == PLACEHOLDER.findall(plural), singular


def test_a_counted_message_takes_the_form_its_language_gives_for_the_number() -> None:
    """The count picks the form: English one and other, and any language's own rule."""
    one = Message.counted(NP_("%(days)s day left.", "%(days)s days left."), "days", days=1)
    many = Message.counted(NP_("%(days)s day left.", "%(days)s days left."), "days", days=11)
    assert (one.text, many.text) == ("1 day left.", "11 days left.")

    def arabic_like(singular: str, plural: str, count: int) -> str:
        return "MANY %(days)s" if 11 <= count % 100 <= 99 else "OTHER %(days)s"

    assert many.render(_identity, date.isoformat, str, arabic_like) == "MANY 11"


def test_a_counted_message_must_name_a_whole_number() -> None:
    """A counted message without its number is a mistake caught where it is made."""
    with pytest.raises(ValueError, match="'days' must name a whole-number value"):
        Message.counted(NP_("%(days)s day.", "%(days)s days."), "days", days="three")


def test_templates_use_only_named_placeholders() -> None:
    """Translators can reorder %(name)s; a bare % or {} would break or leak into the text."""
    for template in _marked_templates():
        assert "%" not in PLACEHOLDER.sub("", template), template
        assert not re.search(r"\{[a-z_]+\}", template), template


def test_every_template_is_given_by_some_case(messages: list[Message]) -> None:
    """The case files reach every sentence, so the checks below cover them all."""
    assert {message.template for message in messages} == _marked_templates()


def test_placeholders_match_the_values_given(messages: list[Message]) -> None:
    """Each message fills exactly the placeholders its template names, no more, no fewer."""
    for message in messages:
        names = {name for name, _ in message.params}
        assert set(PLACEHOLDER.findall(message.template)) == names, message.template
        # A translation keeps the placeholders, so it must render without a KeyError.
        assert message.render(_shouting, date.isoformat, str, _shouting_plural), message.template


def test_rendering_untranslated_gives_the_english_text(messages: list[Message]) -> None:
    """With no translation and plain English formats, render gives exactly `text`."""
    for message in messages:
        rendered = message.render(
            _identity, lambda day: f"{day.day} {day:%B} {day.year}", "{:,}".format
        )
        assert rendered == message.text, message.template


def test_rendering_with_english_babel_formats_gives_the_api_text(
    messages: list[Message],
) -> None:
    """The web checker in English says exactly what the JSON API and the CLI say."""
    for message in messages:
        rendered = message.render(
            _identity,
            lambda day: format_date(day, format="long", locale="en_GB"),
            lambda number: format_decimal(number, locale="en_GB"),
        )
        assert rendered == message.text, message.template


def test_values_are_kept_raw_for_each_language_to_write(messages: list[Message]) -> None:
    """Dates stay dates and counts stay numbers, never pre-written English."""
    values = [value for message in messages for _, value in message.params]
    assert any(isinstance(value, date) for value in values)
    assert any(isinstance(value, int) for value in values)
    assert not any(re.search(r"\d{1,2} [A-Z][a-z]+ \d{4}", str(value)) for value in values)


def test_a_translation_gets_the_values_in_its_own_formats() -> None:
    """The template is translated, then dates and numbers are written by the given formatters."""
    answers, on = parse_answers(
        {"date_of_birth": "2008-03-10", "care_periods": [{"start": "2022-06-01", "end": None}]},
        today=date(2025, 6, 1),
    )
    days, eligible = (reason.message for reason in assess(answers, on=on).reasons[:2])

    def number(count: int) -> str:
        return f"<{count}>"

    assert days.render(_shouting, date.isoformat, number, _shouting_plural) == (
        "YOU HAVE BEEN LOOKED AFTER FOR <1097> DAYS SINCE YOUR 14TH BIRTHDAY, WHICH IS MORE "
        "THAN 13 WEEKS (91 DAYS)."
    )
    assert days.text == (
        "You have been looked after for 1,097 days since your 14th birthday, which is more "
        "than 13 weeks (91 days)."
    )
    assert "(SINCE 2024-03-10) UNTIL YOU LEAVE CARE OR TURN 18." in eligible.render(
        _shouting, date.isoformat, number
    )
    assert "(since 10 March 2024) until you leave care or turn 18." in eligible.text


def test_a_message_without_values_is_returned_as_translated() -> None:
    """A sentence with no placeholders is not %-formatted, so a translator's % is kept."""
    message = Message(N_("Enter your date of birth"))
    assert message.render(lambda _: "100% أدخل", date.isoformat, str) == "100% أدخل"
    assert message.text == "Enter your date of birth"


def test_messages_with_the_same_words_and_values_are_equal() -> None:
    """Messages are values: reasons built twice compare equal."""
    first = Message(N_("Your 21st birthday was %(birthday_21)s."), birthday_21=date(2029, 3, 10))
    again = Message(N_("Your 21st birthday was %(birthday_21)s."), birthday_21=date(2029, 3, 10))
    assert first == again
    assert first.params == (("birthday_21", date(2029, 3, 10)),)
    assert first.text == "Your 21st birthday was 10 March 2029."


def test_invalid_answers_give_a_message_for_every_english_error(
    bad_input_case: dict[str, Any], today: date
) -> None:
    """errors (English, for the API) and messages (for translation) name the same fields."""
    with pytest.raises(InvalidAnswers) as raised:
        parse_answers(bad_input_case["body"], today=today)
    invalid = raised.value
    assert invalid.messages.keys() == invalid.errors.keys()
    assert {field: m.text for field, m in invalid.messages.items()} == invalid.errors


def test_invalid_answers_worded_by_a_caller_are_kept_exactly() -> None:
    """Problems raised with ready-made text are never looked up or formatted again."""
    invalid = InvalidAnswers({"dob": "Mae'r ddolen heb ddyddiad geni: 100%"})
    assert invalid.errors == {"dob": "Mae'r ddolen heb ddyddiad geni: 100%"}
    assert invalid.messages["dob"].render(str.upper, date.isoformat, str) == (
        "Mae'r ddolen heb ddyddiad geni: 100%"
    )
    assert str(invalid) == "dob: Mae'r ddolen heb ddyddiad geni: 100%"


def test_reasons_and_referrals_keep_their_english_text() -> None:
    """Reason.text and refer_to_adviser_text give the English of their messages."""
    answers, on = parse_answers(
        {
            "date_of_birth": "2008-03-10",
            "care_periods": [{"start": "2023-01-01", "end": "2024-03-09"}],
            "detained_or_in_hospital_on_16th_birthday": True,
        },
        today=date(2025, 1, 1),
    )
    assessment = assess(answers, on=on)
    assert [reason.text for reason in assessment.reasons] == [
        reason.message.text for reason in assessment.reasons
    ]
    assert assessment.refer_to_adviser_text == (
        "Ask your personal adviser to confirm you are a relevant child: this applies only if you "
        "are not on a care order and you went into custody or hospital straight from care.",
    )
