"""`content check` holds each translation to its source: same numbers, no should made must."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from localoffer.config import content_dirs
from localoffer.content.crosscheck import check_translations, compare_passage, numbers
from localoffer.i18n import SHIPPED_LANGUAGES

LANGUAGES = list(SHIPPED_LANGUAGES[1:])
TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"
HOME = "The government says councils should give you at least £3,000. This is advice, not a right."
# Latin digits written the Arabic (U+0660...) and Persian (U+06F0...) ways.
ARABIC = str.maketrans("0123456789,", "".join(chr(0x660 + d) for d in range(10)) + "\u066c")
PERSIAN = str.maketrans("0123456789", "".join(chr(0x6F0 + d) for d in range(10)))
SHORT_BREAK = "A short break is a planned stay of 17 days or less. Most people should answer no."

BAD = [
    ("Arabic makes a recommendation a duty", "ar", HOME,
     "تقول الحكومة إنه يجب على المجالس أن تعطيك £3,000 على الأقل. هذه نصيحة.", "must"),
    ("Arabic with vowel marks and a conjunction still says must", "ar", HOME,
     "فَيَجِبُ أن تعطيك المجالس £3,000 على الأقل.", "must"),
    ("Persian makes a recommendation a duty", "fa", SHORT_BREAK,
     "اقامت کوتاه 17 روزه یا کمتر است. بیشتر افراد باید «نه» جواب بدهند.", "must"),
    ("Albanian makes a recommendation a duty", "sq", HOME,
     "Qeveria thotë se bashkitë duhet të të japin të paktën £3,000.", "must"),
    ("Pashto makes a recommendation a duty", "ps", SHORT_BREAK,
     "د 17 ورځو یا لږ اوسېدنه ده. ډېری خلک باید «نه» ځواب ورکړي.", "must"),
    ("Sorani makes a recommendation a duty", "ckb", SHORT_BREAK,
     "مانەوەی 17 ڕۆژ یان کەمتر. زۆربەی خەڵک دەبێت وەڵامی «نەخێر» بدەنەوە.", "must"),
    ("Tigrinya makes a recommendation a duty", "ti", SHORT_BREAK,
     "17 መዓልቲ ወይ ካብኡ ንታሕቲ። መብዛሕትኦም ሰባት ኣይፋል ክምልሱ ኣለዎም።", "must"),
    ("Vietnamese makes a recommendation a duty", "vi", HOME,
     "Chính phủ nói các hội đồng phải cho bạn ít nhất £3,000.", "must"),
    ("an amount changes", "vi", HOME, "Chính phủ nói các hội đồng nên cho bạn ít nhất £300.",
     "missing 3000; not in the source 300"),
    ("an amount written with a decimal comma", "sq", HOME,
     "Qeveria thotë se bashkitë pritet të të japin të paktën 3.000 £.", "missing 3000"),
    ("an age dropped", "ar", "Help can go on until 25.", "يمكن أن تستمر المساعدة.", "missing 25"),
    ("a duration changed in Persian digits", "fa", SHORT_BREAK,
     "اقامت کوتاه 18 روزه یا کمتر است. بیشتر افراد احتمالاً «نه» جواب می‌دهند.".translate(PERSIAN),
     "missing 17; not in the source 18"),
    ("a dual word cannot add a number the source lacks", "ar", "Help can go on until 25.",
     "يمكن أن تستمر المساعدة حتى 25 أو 2 أكثر.", "not in the source 2"),
]  # fmt: skip

GOOD = [
    ("Arabic guidance word", "ar", HOME,
     "تقول الحكومة إن المجالس ينبغي أن تعطيك £3,000 على الأقل. هذه نصيحة."),
    ("Arabic-Indic digits and the Arabic thousands mark", "ar", HOME,
     "تقول الحكومة إن المجالس ينبغي أن تعطيك £3,000 على الأقل.".translate(ARABIC)),
    ("Arabic dual for two weeks", "ar", "Every 2 weeks, for about a year.", "كل أسبوعين تقريبًا."),
    ("Arabic ordinal in words", "ar", "After your 18th birthday.", "بعد عيد ميلادك الثامن عشر."),
    ("Arabic 'should have' is not a duty", "ar", "You should have been told.",
     "كان يجب أن يخبروك."),
    ("Persian guidance word", "fa", SHORT_BREAK,
     "اقامت کوتاه 17 روزه یا کمتر است. بیشتر افراد احتمالاً «نه» جواب می‌دهند.".translate(PERSIAN)),
    ("Sorani 'should have' is not must", "ckb", "It should have been 17 days.",
     "دەبوایە 17 ڕۆژ بووایە."),
    ("Tigrinya 'not compulsory' is not must", "ti", "Why should it change? (optional)",
     "ስለምንታይ ክቕየር ይግባእ? (ግድን ኣይኮነን)"),
    ("Albanian 'you need' is not must", "sq", "You should ask if you need help.",
     "Pyet nëse të duhet ndihmë."),
    ("Vietnamese 'is not' is not must", "vi", HOME,
     "Chính phủ nói các hội đồng nên cho bạn ít nhất £3,000. Đây không phải là quyền."),
    ("a mixed passage keeps its one must", "sq",
     "The council must review it. The review should look at what you want.",
     "Bashkia duhet ta rishikojë. Rishikimi pritet të shohë çfarë do."),
    ("clock times on a 24-hour clock", "vi", "Monday to Friday, 9am to 5.30pm",
     "Thứ Hai đến thứ Sáu, từ 9:00 đến 17:30"),
    ("Vietnamese month numbers are month names", "vi", "Since 1 April 2023.",
     "Từ ngày 1 tháng 4 năm 2023."),
]  # fmt: skip


@pytest.mark.parametrize("case,lang,source,translation,problem", BAD, ids=[b[0] for b in BAD])
def test_bad_translations_are_named(
    case: str, lang: str, source: str, translation: str, problem: str
) -> None:
    """Each bad translation gets a problem that says what is wrong."""
    assert any(problem in found for found in compare_passage(source, translation, lang)), case


@pytest.mark.parametrize("case,lang,source,translation", GOOD, ids=[g[0] for g in GOOD])
def test_faithful_translations_pass(case: str, lang: str, source: str, translation: str) -> None:
    """Documented exceptions and other digits are not mistaken for errors."""
    assert compare_passage(source, translation, lang) == [], case


def test_numbers_are_read_in_every_digit_system() -> None:
    """Latin, Arabic-Indic and Persian digits, thousands commas and clock times all read alike."""
    arabic, persian = "£3,000 في 16".translate(ARABIC), "3,000 16".translate(PERSIAN)
    assert numbers("£3,000 at 16") == numbers(arabic) == numbers(persian) == {3000, 16}
    assert numbers("5pm to 9am") == numbers("17:00 - 9:00")


def test_shipped_translations_match_their_sources() -> None:
    """Every translated page, glossary and council file shipped passes the comparison."""
    content, council = content_dirs({})
    assert check_translations([content / "national", council], LANGUAGES) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_interface_keeps_should_as_guidance_and_every_number(lang: str) -> None:
    """No interface string turns should into must or changes a number."""
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").open("rb") as po:
        catalogue = read_po(po, locale=lang)
    problems = []
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            problems += [(ids[-1], p) for p in compare_passage(ids[-1], string, lang)]
    assert problems == []


def test_content_check_names_the_file_and_line_and_fails(fixture_content: Path) -> None:
    """A recommendation made a duty fails `content check`, naming the file and the line."""
    source = fixture_content / "national" / "housing" / "suitable-accommodation.md"
    text = source.read_text(encoding="utf-8").replace(
        "\n---\n", "\n---\nYour council should find you a home within 28 days.\n\n", 1
    )
    source.write_text(text, encoding="utf-8")
    front = text.partition("\n---\n")[0]
    translated = front.split("\n")[0] + "\ntitle: Titulli\n" + "summary: Kur largohesh 16 17\n"
    translated += "translated_from: 0123456789ab\nreviewed: false\n---\n"
    translated += "Bashkia duhet të të gjejë një shtëpi brenda 30 ditëve.\n"
    source.with_suffix(".sq.md").write_text(translated, encoding="utf-8")
    result = subprocess.run(
        [str(Path(sys.executable).with_name("flask")), "--app", "localoffer", "content", "check"],
        capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "LOCALOFFER_CONTENT_DIR": str(fixture_content)},
    )  # fmt: skip
    assert result.returncode == 1
    where = "national/housing/suitable-accommodation.sq.md: line 7: paragraph 1:"
    assert f"{where} numbers differ from the source; missing 28; not in the source 30" in (
        result.stderr
    )
    assert f"{where} the source says should/recommended (guidance), but the translation says " \
           "duhet, the word for must (a duty)" in result.stderr  # fmt: skip
