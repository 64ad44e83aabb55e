"""Every page in every language: language in the URL, honest translations, local formats."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask_babel import force_locale, gettext

from localoffer import create_app
from localoffer.content.loader import load_offer
from localoffer.i18n import KNOWN_LANGUAGES, SHIPPED_LANGUAGES
from localoffer.languages import language_in_path

GYM = "/health/free-gym/"
HOME_OF = "/housing/suitable-accommodation/"


NOT_TRANSLATED = (
    "This page has not been translated into %(language)s yet, so it is shown in "
    "English. Your personal adviser can help you understand it."
)
NOT_CHECKED = (
    "This translation has not yet been checked by a fluent speaker. If something is "
    "not clear, ask your personal adviser."
)
OUT_OF_DATE = (
    "This translation may be out of date: the English page has changed since it was translated."
)


def said(app: Flask, lang: str, message: str, **values: str) -> str:
    """What the page says in `lang`, from the catalogue the reader gets."""
    with app.test_request_context(f"/{lang}/"), force_locale(lang):
        return gettext(message, **values)


def fixture_app(content: Path) -> Flask:
    return create_app({"TESTING": True, "CONTENT_DIR": content,
                       "COUNCIL_DIR": content / "council"})  # fmt: skip


def page(app: Flask, url: str, **headers: str) -> BeautifulSoup:
    response = app.test_client().get(url, headers=headers)
    assert response.status_code == 200, url
    return BeautifulSoup(response.data, "html.parser")


def content_command(content: Path, command: str) -> subprocess.CompletedProcess[str]:
    """`flask --app localoffer content <command>` on `content`, as a council would run it."""
    env = {**os.environ, "LOCALOFFER_CONTENT_DIR": str(content)}
    result = subprocess.run(
        [str(Path(sys.executable).with_name("flask")), "--app", "localoffer", "content", command],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result


def translate(content: Path, source: str, lang: str, translated_from: str | None = None,
              reviewed: bool = False) -> None:  # fmt: skip
    """Write a translation beside `source`, recording the right hash unless told otherwise.

    The summary keeps the source's numbers, as `content check` requires of a translation.
    """
    offer = load_offer(content)
    item = next(e for e in offer.entitlements if e.path == source)
    digest = translated_from or item.source_hash
    figures = "".join(f" {figure}" for figure in re.findall(r"\d+", item.summary))
    (content / source).with_suffix(f".{lang}.md").write_text(
        f"---\ntitle: Titulli {lang}\nsummary: Përmbledhja {lang}{figures}\n"
        f"translated_from: {digest}\nreviewed: {str(reviewed).lower()}\n---\nTeksti.\n",
        encoding="utf-8",
    )


def test_shipped_languages_are_published_with_their_own_names() -> None:
    """English plus the seven languages care leavers most often read."""
    assert SHIPPED_LANGUAGES == ("en", "ar", "fa", "ps", "ckb", "ti", "sq", "vi")
    assert KNOWN_LANGUAGES["ar"].name == "العربية"
    assert {c for c, lang in KNOWN_LANGUAGES.items() if lang.direction == "rtl"} == {
        "ar", "fa", "ps", "ckb"}  # fmt: skip


def languages_page(app: Flask, lang: str, came_from: str | None) -> BeautifulSoup:
    """The page of languages as opened from `came_from` (a path, or None for no Referer)."""
    prefix = "" if lang == "en" else f"/{lang}"
    headers = {"Referer": f"http://localhost{came_from}"} if came_from else {}
    response = app.test_client().get(f"{prefix}/languages/", headers=headers)
    assert response.status_code == 200
    assert "Referer" in response.headers["Vary"]
    return BeautifulSoup(response.data, "html.parser")


@pytest.mark.parametrize("lang", SHIPPED_LANGUAGES)
def test_every_page_links_once_to_the_page_of_languages(app: Flask, lang: str) -> None:
    """One "Language" link in the menu, in the page's language, instead of eight names."""
    prefix = "" if lang == "en" else f"/{lang}"
    soup = page(app, f"{prefix}/relationships/personal-adviser/")
    links = soup.select(f'header a[href="{prefix}/languages/"], '
                        f'.govuk-service-navigation a[href="{prefix}/languages/"]')  # fmt: skip
    assert len(links) == 1
    with app.test_request_context(f"{prefix}/"), force_locale(KNOWN_LANGUAGES[lang].locale):
        assert links[0].get_text(strip=True) == gettext("Language")
    assert links[0].select_one("svg[aria-hidden=true]") is not None
    assert not soup.select(".app-language-switcher")


@pytest.mark.parametrize("lang", SHIPPED_LANGUAGES)
def test_page_of_languages_names_each_in_itself_and_keeps_the_page(app: Flask, lang: str) -> None:
    """Each language, named in its own script with its lang and dir, leads to the page the
    reader came from in that language; the one being read is marked as current."""
    prefix = "" if lang == "en" else f"/{lang}"
    soup = languages_page(app, lang, f"{prefix}/relationships/personal-adviser/")
    links = soup.select("main a[hreflang]")
    assert [a["hreflang"] for a in links] == list(SHIPPED_LANGUAGES)
    for link in links:
        language = KNOWN_LANGUAGES[link["hreflang"]]
        target = "" if language.code == "en" else f"/{language.code}"
        assert link.get_text(strip=True) == language.name
        assert (link["lang"], link["dir"]) == (language.code, language.direction)
        assert link["href"] == f"{target}/relationships/personal-adviser/"
        assert (link.get("aria-current") == "true") == (language.code == lang)


@pytest.mark.parametrize("came_from", [
    None,  # no Referer: a browser or a setting that sends none
    "/ar/nowhere/",  # a page that does not exist
    "/ar/languages/",  # the page of languages itself
    "/api/v1/openapi.json",  # a page with no language
    "/moderation/login",  # a page in English only
])  # fmt: skip
def test_page_of_languages_offers_each_home_when_the_page_is_unknown(
    app: Flask, came_from: str | None
) -> None:
    soup = languages_page(app, "ar", came_from)
    hrefs = {a["hreflang"]: a["href"] for a in soup.select("main a[hreflang]")}
    assert hrefs["fa"] == "/fa/" and hrefs["en"] == "/"


def test_page_of_languages_never_links_to_another_site(app: Flask) -> None:
    """A Referer naming another site, or a path to one, gives home pages, never that site."""
    client = app.test_client()
    for referrer in ("https://evil.example/relationships/personal-adviser/",
                     "javascript:alert(1)", "http://localhost//evil.example/"):  # fmt: skip
        response = client.get("/languages/", headers={"Referer": referrer})
        soup = BeautifulSoup(response.data, "html.parser")
        hrefs = [a["href"] for a in soup.select("main a[hreflang]")]
        assert hrefs == ["/" if c == "en" else f"/{c}/" for c in SHIPPED_LANGUAGES], referrer


def test_every_page_lists_hreflang_alternates(app: Flask) -> None:
    """Search engines and browsers can find each language's copy of a page."""
    soup = page(app, "/ar/themes/housing/")
    alternates = {link["hreflang"]: link["href"] for link in soup.select("link[rel=alternate]")}
    assert set(alternates) == {*SHIPPED_LANGUAGES, "x-default"}
    assert alternates["fa"].endswith("/fa/themes/housing/")
    assert alternates["x-default"].endswith("/themes/housing/")


def test_browser_language_is_suggested_never_forced(app: Flask) -> None:
    """An Arabic browser on an English page gets an offer of Arabic, not a redirect."""
    response = app.test_client().get("/", headers={"Accept-Language": "ar,en;q=0.5"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.data, "html.parser")
    suggestion = soup.select_one(".app-language-suggestion")
    assert suggestion["lang"] == "ar" and suggestion["dir"] == "rtl"
    assert suggestion.find("a")["href"] == "/ar/"
    assert "Accept-Language" in response.headers["Vary"]
    english = page(app, "/", **{"Accept-Language": "en-GB"})
    assert english.select_one(".app-language-suggestion") is None


def test_unknown_language_prefix_is_not_found(client) -> None:
    """Only published languages have URLs; English has no prefix."""
    assert client.get("/xx/").status_code == 404
    assert client.get("/en/").status_code == 404


def test_missing_council_translation_falls_back_to_english_with_a_notice(
    fixture_content: Path,
) -> None:
    """Council pages may be English-only, but say so in the reader's language."""
    app = fixture_app(fixture_content)
    soup = page(app, f"/sq{GYM}")
    assert soup.html["lang"] == "sq"
    assert soup.h1.get_text(strip=True) == "Free gym" and soup.h1["lang"] == "en"
    notice = " ".join(soup.select_one(".app-translation-notice").get_text().split())
    assert said(app, "sq", NOT_TRANSLATED, language="Shqip") in notice


def test_up_to_date_translation_is_shown_with_a_not_yet_checked_notice(
    fixture_content: Path,
) -> None:
    """A machine or volunteer translation says it has not been checked by a fluent speaker."""
    translate(fixture_content, "council/health/free-gym.md", "sq")
    app = fixture_app(fixture_content)
    soup = page(app, f"/sq{GYM}")
    assert soup.h1.get_text(strip=True) == "Titulli sq" and not soup.h1.get("lang")
    notice = " ".join(soup.select_one(".app-translation-notice").get_text().split())
    assert said(app, "sq", NOT_CHECKED) in notice
    assert said(app, "sq", OUT_OF_DATE) not in notice


def test_reviewed_translation_needs_no_notice(fixture_content: Path) -> None:
    """Once a fluent speaker has checked it, the translation stands on its own."""
    translate(fixture_content, "council/health/free-gym.md", "sq", reviewed=True)
    soup = page(fixture_app(fixture_content), f"/sq{GYM}")
    assert soup.select_one(".app-translation-notice") is None


def test_stale_translation_is_flagged_on_the_page(fixture_content: Path) -> None:
    """When the English changes after translation, the reader is told and offered English."""
    translate(fixture_content, "council/health/free-gym.md", "sq", translated_from="0123456789ab")
    app = fixture_app(fixture_content)
    soup = page(app, f"/sq{GYM}")
    notice = soup.select_one(".app-translation-notice")
    assert said(app, "sq", OUT_OF_DATE) in " ".join(notice.get_text().split())
    assert notice.find("a", hreflang="en")["href"] == GYM


def test_content_check_reports_coverage_and_stale_translations(fixture_content: Path) -> None:
    """`content check` counts each language's translations and lists the out-of-date ones."""
    translate(fixture_content, "council/health/free-gym.md", "sq", translated_from="0123456789ab")
    translate(fixture_content, "national/housing/suitable-accommodation.md", "sq")
    result = content_command(fixture_content, "check")
    assert "sq: national 1/1, council 1/1, glossary 0/1, contacts 0/5, 0 checked by a fluent " \
           "speaker, 1 out of date" in result.stdout  # fmt: skip
    assert "Out of date (sq): council/health/free-gym.md" in result.stdout
    assert "ar: national 0/1" in result.stdout


def test_amounts_and_dates_follow_the_readers_language(fixture_content: Path) -> None:
    """£250 is written as on the English pages; review dates the way each language writes them."""
    app = fixture_app(fixture_content)
    english = page(app, GYM)
    albanian = page(app, f"/sq{GYM}")
    arabic = page(app, f"/ar{GYM}")
    assert english.select_one(".app-amount").get_text(strip=True).startswith("up to £250")
    assert "£250" in albanian.select_one(".app-amount").get_text()
    assert "1 November 2027" in english.get_text()
    assert "1 nëntor 2027" in albanian.get_text()
    assert "نوفمبر" in arabic.get_text()


def test_right_to_left_pages_use_the_mirrored_stylesheet(app: Flask) -> None:
    """Arabic, Persian, Pashto and Sorani pages are laid out right to left."""
    for lang in ("ar", "fa", "ps", "ckb"):
        soup = page(app, f"/{lang}/")
        assert soup.html["dir"] == "rtl"
        assert re.fullmatch(r"/static/css/app\.rtl\.[0-9a-f]+\.css",
                            soup.select_one("link[rel=stylesheet]")["href"])  # fmt: skip
    assert re.fullmatch(r"/static/css/app\.[0-9a-f]+\.css",
                        page(app, "/ti/").select_one("link[rel=stylesheet]")["href"])  # fmt: skip


def test_not_found_page_links_to_the_page_of_languages(app: Flask) -> None:
    """An error page is in the reader's language and still leads to the other languages."""
    response = app.test_client().get("/ar/nowhere/")
    soup = BeautifulSoup(response.data, "html.parser")
    assert response.status_code == 404
    assert soup.html["lang"] == "ar" and soup.html["dir"] == "rtl"
    assert soup.select_one('.govuk-service-navigation a[href="/ar/languages/"]') is not None


def test_fixed_dates_in_templates_follow_each_readers_language(app: Flask) -> None:
    """A date written into a template is formatted per page, not once for the first reader."""
    client = app.test_client()
    vietnamese = client.get("/vi/accessibility/").get_data(as_text=True)
    albanian = client.get("/sq/accessibility/").get_data(as_text=True)
    assert "6 tháng 12, 2026" in vietnamese
    assert "6 dhjetor 2026" in albanian and "tháng" not in albanian


@pytest.mark.parametrize("lang", SHIPPED_LANGUAGES)
@pytest.mark.parametrize(
    ("url", "data", "field", "message"),
    [
        ("/check/route/", {"answer": "maybe"}, "answer",
         "Select yes if you know the dates you were in care"),
        ("/feedback/", {"message": "Hello", "role": "nobody"}, "role",
         "Select who you are from the list, or leave this question blank"),
        ("/suggest/staying-put/", {"change": "Hello", "role": "nobody"}, "role",
         "Select who you are from the list, or leave this question blank"),
    ],
)  # fmt: skip
def test_an_answer_that_is_not_one_of_the_choices_is_named_in_the_readers_language(
    app: Flask, lang: str, url: str, data: dict, field: str, message: str
) -> None:
    """A radio value no page offers gets the question's own instruction, translated."""
    prefix = "" if lang == "en" else f"/{lang}"
    response = app.test_client().post(prefix + url, data=data)
    assert response.status_code == 200
    page = BeautifulSoup(response.data, "html.parser")
    summary = [a.get_text(strip=True) for a in page.select(".govuk-error-summary__list a")]
    with app.test_request_context(), force_locale(lang):
        expected = gettext(message)
    assert summary == [expected]
    assert "valid choice" not in response.get_data(as_text=True)


def test_council_contacts_are_shown_in_the_readers_language_with_a_not_checked_notice(
    app: Flask,
) -> None:
    """council.ar.yaml gives the Arabic names and hours; numbers, emails and addresses stay
    as written (an address marked as English), and the page says no speaker has checked it."""
    arabic = page(app, "/ar/contacts/")
    team = arabic.select(".app-contact")[0]
    hours = next(li for li in team.select("li") if "الاثنين" in li.get_text())
    assert not hours.select('[lang="en"]')
    assert "01632 960100" in team.get_text()
    address = team.select_one('bdi[lang="en"]')
    assert address is not None and "Market Street" in address.get_text()
    notice = arabic.select_one(".app-translation-notice").get_text(" ", strip=True)
    assert said(app, "ar", NOT_CHECKED) in notice
    english = page(app, "/contacts/")
    assert not english.select('.app-contact [lang="en"]')
    assert english.select_one(".app-translation-notice") is None


def test_out_of_date_council_contacts_fall_back_to_english_marked_as_english(
    fixture_content: Path,
) -> None:
    """When council.yaml's names change, the old Arabic names are not shown: the English
    ones are, marked as English, with the "not translated" notice."""
    (fixture_content / "council" / "council.ar.yaml").write_text(
        "translated_from: 0123456789ab\nreviewed: true\ncontacts:\n"
        "  advocacy: {name: \"خدمة المناصرة القديمة\"}\n",
        encoding="utf-8",
    )
    app = fixture_app(fixture_content)
    arabic = page(app, "/ar/contacts/")
    assert "القديمة" not in arabic.get_text()
    english = [span.get_text() for span in arabic.select('.app-contact bdi[lang="en"]')]
    assert "Advocacy service" in english
    notice = arabic.select_one(".app-translation-notice").get_text(" ", strip=True)
    assert said(app, "ar", NOT_TRANSLATED, language="العربية") in notice


def test_an_up_to_date_checked_council_translation_needs_no_notice(
    fixture_content: Path,
) -> None:
    """Translated from today's council.yaml and checked by a speaker: shown, no notice."""
    digest = load_offer(fixture_content).council.source_hash
    (fixture_content / "council" / "council.ar.yaml").write_text(
        f"translated_from: {digest}\nreviewed: true\ncontacts:\n"
        "  advocacy: {name: \"خدمة المناصرة\"}\n",
        encoding="utf-8",
    )
    app = fixture_app(fixture_content)
    arabic = page(app, "/ar/contacts/")
    assert "خدمة المناصرة" in arabic.get_text()
    assert arabic.select_one(".app-translation-notice") is None


def test_content_sources_prints_the_hash_a_council_translation_records(
    fixture_content: Path,
) -> None:
    """Translators read the hash for council.<lang>.yaml from `content sources`."""
    digest = load_offer(fixture_content).council.source_hash
    (fixture_content / "council" / "council.sq.yaml").write_text(
        f"translated_from: {digest}\nreviewed: false\ncontacts:\n  advocacy: {{name: Avokatia}}\n",
        encoding="utf-8",
    )
    result = content_command(fixture_content, "sources")
    line = next(x for x in result.stdout.splitlines() if x.endswith("vi:missing") and
                "council/council.yaml" in x)  # fmt: skip
    assert line.startswith(f"{digest}  council/council.yaml  ar:missing")
    assert "sq:ok" in line


@pytest.mark.parametrize(
    ("path", "language"),
    [
        ("/ar/housing/", "ar"),
        ("/fa", "fa"),
        ("/housing/ar/", "en"),
        ("/xx/housing/", "en"),
        ("/arabic/", "en"),
        ("/", "en"),
        ("", "en"),
    ],
)
def test_a_path_is_in_the_language_its_first_part_names(path: str, language: str) -> None:
    """Only a published language's code at the start counts; anything else is English."""
    assert language_in_path(path, SHIPPED_LANGUAGES) == language
