"""Fluent reviewers sign translations off (issue 23, point 3): a reviewer is given languages,
reads a translated file beside its English with what changed since the last check, and marks
it checked; the public page then says so, until the English changes."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from babel.dates import format_date
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from staff.conftest import PASSWORD, add_staff

from localoffer.content import Offer
from localoffer.feedback import migrate
from localoffer.feedback.db import Database
from localoffer.moderation.signoff import TranslationCheck

from .conftest import EDIT, EDITOR, PUBLIC, PUBLISHER, form_of, portal, signed_in

ARABIC = "ar.reviewer@council.example"
PERSIAN = "fa.reviewer@council.example"
PAGE = "council/education-employment-training/graduation-costs.md"
GLOSSARY = "national/glossary.yaml"
COUNCIL = "council/council.yaml"
CHECKED_AT = datetime(2026, 11, 23, 10, 30, tzinfo=UTC)
NEW_SUMMARY = "When you graduate, we help pay for your gown, photos, travel and a meal out."


def review_url(lang: str, file: str) -> str:
    return f"/moderation/translations/{lang}/{file}"


def add_reviewer(app: Flask, email: str, *languages: str) -> None:
    args = ["moderators", "add", email, "--role", "reviewer"]
    for lang in languages:
        args += ["--language", lang]
    result = app.test_cli_runner().invoke(args=args, input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output


def with_staff(app: Flask) -> Flask:
    add_reviewer(app, ARABIC, "ar")
    add_reviewer(app, PERSIAN, "fa", "vi")
    add_staff(app, EDITOR, "editor")
    add_staff(app, PUBLISHER, "publisher")
    return app


@pytest.fixture
def review_app(content_copy: Path, database_file: str, shipped_offer: Offer) -> Flask:
    """A portal of its own, for a test that signs off or changes content."""
    return with_staff(portal(content_copy, database_file, shipped_offer, CLOCK=lambda: CHECKED_AT))


@pytest.fixture(scope="module")
def looking_app(
    tmp_path_factory: pytest.TempPathFactory, migrated_database: Path, shipped_offer: Offer
) -> Flask:
    """One portal for the tests that only look, or are refused (starting one takes seconds)."""
    folder = tmp_path_factory.mktemp("looking")
    shutil.copytree(Path(__file__).parents[2] / "content", folder / "content")
    shutil.copyfile(migrated_database, folder / "db.sqlite3")
    # Every test signs in from the same address: well over a person's limit.
    return with_staff(portal(folder / "content", f"sqlite:///{folder / 'db.sqlite3'}",
                             shipped_offer, CLOCK=lambda: CHECKED_AT,
                             LOGIN_RATE_LIMIT="1000 per minute"))  # fmt: skip


def sign_off(
    client: FlaskClient, lang: str, file: str, **changes: str
) -> tuple[BeautifulSoup, int]:
    """Open the file's page, then tick the box and send it as a browser would."""
    page = BeautifulSoup(client.get(review_url(lang, file)).get_data(as_text=True), "html.parser")
    form = page.select_one("main form[method=post]")
    assert form is not None
    data = {i["name"]: i.get("value", "") for i in form.select("input[name]")
            if i.get("type") != "checkbox"} | {"confirm": "y"} | changes  # fmt: skip
    data = {name: value for name, value in data.items() if value is not None and value != "-"}
    response = client.post(review_url(lang, file), data=data)
    return BeautifulSoup(response.get_data(as_text=True), "html.parser"), response.status_code


def public(app: Flask, url: str) -> BeautifulSoup:
    return BeautifulSoup(app.test_client().get(url).get_data(as_text=True), "html.parser")


def checked_notice(page: BeautifulSoup) -> str | None:
    found = page.select_one(".app-checked-notice")
    return " ".join(found.get_text().split()) if found else None


def arabic_date(day: date) -> str:
    return format_date(day, format="long", locale="ar")


def checks(app: Flask) -> list[TranslationCheck]:
    with app.extensions["localoffer.db"].sessions() as session:
        return list(session.scalars(select(TranslationCheck).order_by(TranslationCheck.id)))


# ---- who may sign off what ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "url", "status"),
    [
        (ARABIC, "/moderation/translations/", 200),
        (ARABIC, review_url("ar", PAGE), 200),
        (ARABIC, review_url("fa", PAGE), 403),  # a reviewer for ar cannot sign off fa
        (PERSIAN, review_url("vi", GLOSSARY), 200),
        (PERSIAN, review_url("ar", COUNCIL), 403),
        (EDITOR, "/moderation/translations/", 403),  # not a reviewer
        (PUBLISHER, review_url("ar", PAGE), 403),
        (ARABIC, review_url("en", PAGE), 404),  # English is the source, never checked
        (ARABIC, review_url("ar", "national/no-such-page.md"), 404),
    ],
)
def test_only_a_reviewer_of_the_language_may_open_its_files(
    looking_app: Flask, who: str, url: str, status: int
) -> None:
    assert signed_in(looking_app, who).get(url).status_code == status


def test_signed_out_visitors_are_sent_to_sign_in(looking_app: Flask) -> None:
    response = looking_app.test_client().get(review_url("ar", PAGE))
    assert response.status_code == 302
    assert "/moderation/login" in response.headers["Location"]


@pytest.mark.parametrize("who", [ARABIC, EDITOR, PUBLISHER])
def test_sending_the_form_for_another_language_records_nothing(
    looking_app: Flask, who: str
) -> None:
    client = signed_in(looking_app, who)
    response = client.post(review_url("fa", PAGE), data={"confirm": "y", "source_hash": "x"})
    assert response.status_code == 403
    assert checks(looking_app) == []


def test_a_reviewer_sees_only_their_languages(looking_app: Flask) -> None:
    page = BeautifulSoup(signed_in(looking_app, PERSIAN).get("/moderation/translations/")
                         .get_data(as_text=True), "html.parser")  # fmt: skip
    assert [t["data-lang"] for t in page.select("table.app-translation-checks")] == ["fa", "vi"]
    files = [row["data-file"] for row in page.select("[data-lang=fa] .app-check-row")]
    assert PAGE in files and GLOSSARY in files and COUNCIL in files and "interface" in files


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["--role", "reviewer"], "a reviewer needs at least one --language"),
        (["--role", "editor", "--language", "ar"], "--language is for reviewers"),
        (["--role", "reviewer", "--language", "xx"], "'xx' is not one of"),
        (["--role", "reviewer", "--language", "en"], "'en' is not one of"),
    ],
)
def test_the_command_line_gives_reviewers_languages_and_only_reviewers(
    looking_app: Flask, args: list[str], error: str
) -> None:
    result = looking_app.test_cli_runner().invoke(
        args=["moderators", "add", "new@council.example", *args],
        input=f"{PASSWORD}\n{PASSWORD}\n",
    )
    assert result.exit_code != 0
    assert error in result.output


def test_the_command_line_changes_and_lists_a_reviewers_languages(review_app: Flask) -> None:
    runner = review_app.test_cli_runner()
    changed = runner.invoke(args=["moderators", "roles", ARABIC, "--role", "reviewer",
                                  "--language", "fa", "--language", "ar"])  # fmt: skip
    assert changed.exit_code == 0, changed.output
    assert "reviewer (ar, fa)" in changed.output
    listed = runner.invoke(args=["moderators", "list"]).output
    assert f"{ARABIC}\treviewer (ar,fa)" in listed
    assert signed_in(review_app, ARABIC).get(review_url("fa", PAGE)).status_code == 200


# ---- the side-by-side page and its form -----------------------------------------------------


def test_the_page_shows_each_passage_beside_its_translation(looking_app: Flask) -> None:
    html = signed_in(looking_app, ARABIC).get(review_url("ar", PAGE)).get_data(as_text=True)
    page = BeautifulSoup(html, "html.parser")
    rows = page.select("table.app-side-by-side tbody tr")
    english = (Path(looking_app.config["CONTENT_DIR"]) / PAGE).read_text(encoding="utf-8")
    arabic = (Path(looking_app.config["CONTENT_DIR"]) / PAGE.replace(".md", ".ar.md")).read_text(
        encoding="utf-8"
    )
    title_en, title_ar = (cell.get_text() for cell in rows[0].select("td"))
    assert title_en.startswith("title") and title_en.removeprefix("title") in english
    assert title_ar and title_ar in arabic
    assert rows[0].select("td")[1]["lang"] == "ar" and rows[0].select("td")[1]["dir"] == "rtl"
    assert len(rows) >= 3  # title, summary and the body's paragraphs


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"confirm": "-"}, "Tick the box to say you have read all of it"),
        ({"source_hash": "0123456789ab"}, "The English has changed since you opened this page"),
        ({"source_hash": "-"}, "The English has changed since you opened this page"),
    ],
)
def test_form_errors_are_named_and_record_nothing(
    looking_app: Flask, changes: dict[str, str], error: str
) -> None:
    page, status = sign_off(signed_in(looking_app, ARABIC), "ar", PAGE, **changes)
    assert status == 400
    summary = page.select_one(".govuk-error-summary")
    assert summary is not None and error in summary.get_text()
    assert summary.select_one("a")["href"] == "#confirm"
    assert error in page.select_one("#confirm-error").get_text()
    assert checks(looking_app) == []


def test_a_missing_translation_cannot_be_signed_off(review_app: Flask) -> None:
    (Path(review_app.config["CONTENT_DIR"]) / PAGE.replace(".md", ".ar.md")).unlink()
    page, status = sign_off(signed_in(review_app, ARABIC), "ar", PAGE)
    assert status == 400
    assert "missing or out of date" in page.select_one(".govuk-error-summary").get_text()
    assert checks(review_app) == []


# ---- signing off changes the public page; a change in the English lapses it ----------------


def test_signing_off_a_page_changes_the_public_notice_and_keeps_who_when_and_the_hash(
    review_app: Flask,
) -> None:
    url = f"/ar{PUBLIC}"
    api = "/api/v1/offer/graduation-costs?lang=ar"
    assert checked_notice(public(review_app, url)) is None  # cached from now on
    assert "app-translation-notice" in str(public(review_app, url))
    assert review_app.test_client().get(api).json["translation"]["reviewed"] is False
    assert sign_off(signed_in(review_app, ARABIC), "ar", PAGE)[1] == 302
    (check,) = checks(review_app)
    item = review_app.extensions["localoffer.offer"].get("graduation-costs")
    assert (check.lang, check.file, check.checked_by) == ("ar", PAGE, ARABIC)
    assert check.source_hash == item.source_hash
    assert check.checked_at == CHECKED_AT
    assert item.title in check.source_text and item.summary in check.source_text
    notice = checked_notice(public(review_app, url))
    assert notice is not None and arabic_date(CHECKED_AT.date()) in notice
    english = public(review_app, PUBLIC)
    assert checked_notice(english) is None
    other = public(review_app, f"/fa{PUBLIC}")
    assert checked_notice(other) is None  # checked in Arabic only
    assert review_app.test_client().get(api).json["translation"]["reviewed"] is True


def test_a_change_in_the_english_lapses_the_check_and_shows_what_changed(
    review_app: Flask,
) -> None:
    url = f"/ar{PUBLIC}"
    reviewer = signed_in(review_app, ARABIC)
    sign_off(reviewer, "ar", PAGE)
    assert checked_notice(public(review_app, url)) is not None
    editor = signed_in(review_app, EDITOR)
    editor.post(EDIT, data=form_of(editor) | {"summary": NEW_SUMMARY, "action": "review",
                                              "note": "A meal out too"})  # fmt: skip
    publisher = signed_in(review_app, PUBLISHER)
    published = publisher.post(EDIT, data=form_of(publisher) | {"action": "publish",
                                                                 "note": "A meal out too"})
    assert published.status_code == 302
    page = public(review_app, url)
    assert checked_notice(page) is None
    assert "app-translation-notice" in str(page)  # back to the out-of-date notice
    listing = BeautifulSoup(reviewer.get("/moderation/translations/").get_data(as_text=True),
                            "html.parser")  # fmt: skip
    row = listing.select_one(f"[data-lang=ar] [data-file='{PAGE}']")
    assert row.select_one(".app-check-lapsed") is not None
    review = BeautifulSoup(reviewer.get(review_url("ar", PAGE)).get_data(as_text=True),
                           "html.parser")  # fmt: skip
    added = [" ".join(i.get_text().split()) for i in review.select(".app-source-changes ins")]
    removed = [" ".join(d.get_text().split()) for d in review.select(".app-source-changes del")]
    assert added == [f"Added: {NEW_SUMMARY}"]
    assert len(removed) == 1 and "meal out" not in removed[0]
    _, status = sign_off(reviewer, "ar", PAGE)
    assert status == 400  # out of date: it must be translated again first


def test_the_glossary_and_council_contacts_are_signed_off_the_same_way(
    review_app: Flask, content_copy: Path, database_file: str, shipped_offer: Offer
) -> None:
    reviewer = signed_in(review_app, ARABIC)
    for url in ("/ar/glossary/", "/ar/contacts/"):
        assert checked_notice(public(review_app, url)) is None
    assert sign_off(reviewer, "ar", GLOSSARY)[1] == 302
    assert sign_off(reviewer, "ar", COUNCIL)[1] == 302
    day = arabic_date(CHECKED_AT.date())
    for url in ("/ar/glossary/", "/ar/contacts/"):
        assert day in (checked_notice(public(review_app, url)) or "")
    # The glossary's English changes and the portal restarts: its check lapses, the
    # council's holds.
    source = content_copy / GLOSSARY
    source.write_text(source.read_text(encoding="utf-8").replace(
        "Getting this help is called advocacy.", "This help is called advocacy."), "utf-8")
    from localoffer.content import load_offer

    restarted = portal(content_copy, database_file, load_offer(content_copy))
    assert checked_notice(public(restarted, "/ar/glossary/")) is None
    assert day in (checked_notice(public(restarted, "/ar/contacts/")) or "")


def test_the_screens_catalogue_is_checked_per_release(review_app: Flask) -> None:
    from importlib import metadata

    assert sign_off(signed_in(review_app, ARABIC), "ar", "interface")[1] == 302
    (check,) = checks(review_app)
    assert (check.file, check.revision) == ("interface", metadata.version("localoffer"))
    assert "Check your answers" in check.source_text


# ---- both databases, and every worker ------------------------------------------------------


def test_a_check_reaches_another_portal_on_the_same_database_on_each_backend(
    content_copy: Path, tmp_path: Path, database_url: str, shipped_offer: Offer
) -> None:
    database = Database(database_url)
    migrate.upgrade(database.engine)
    database.engine.dispose()
    first = portal(content_copy, database_url, shipped_offer, CLOCK=lambda: CHECKED_AT)
    other_folder = tmp_path / "other-machine"
    shutil.copytree(content_copy, other_folder)
    other = portal(other_folder, database_url, shipped_offer)
    try:
        add_reviewer(first, ARABIC, "ar")
        assert checked_notice(public(other, f"/ar{PUBLIC}")) is None  # cached
        assert sign_off(signed_in(first, ARABIC), "ar", PAGE)[1] == 302
        (check,) = checks(first)
        assert (check.checked_by, check.checked_at) == (ARABIC, CHECKED_AT)
        notice = checked_notice(public(other, f"/ar{PUBLIC}"))
        assert notice is not None and arabic_date(CHECKED_AT.date()) in notice
    finally:
        for app in (first, other):
            app.extensions["localoffer.db"].engine.dispose()
