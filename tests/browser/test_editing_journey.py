"""The editing journey in a real browser (issue 21): an editor changes a summary, previews
it, sends it for review; a publisher publishes it; the English page shows the new summary and
the Arabic page says its translation may be out of date."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask_babel import force_locale, gettext
from playwright.sync_api import Browser, Page
from staff.signing_in import code_for, setup_key

from localoffer import create_app

from .conftest import serve
from .site import TODAY

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"
EDITOR = "editor@council.example"
PUBLISHER = "publisher@council.example"
ITEM = "graduation-costs"
PUBLIC = f"/education-employment-training/{ITEM}/"
NEW_SUMMARY = "When you graduate, we help pay for your gown, photos, travel and a meal out."
NOTE = "Graduation help now covers a meal out"
STALE = "This translation may be out of date: the English page has changed since it was translated."


@pytest.fixture(scope="module")
def journey_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """The portal on its own copy of the content, which publishing writes to."""
    folder = tmp_path_factory.mktemp("journey")
    content = folder / "content"
    shutil.copytree(Path(__file__).parents[2] / "content", content)
    app = create_app({"TESTING": True, "SECRET_KEY": "journey", "TODAY": TODAY,
                      "DATABASE_URL": f"sqlite:///{folder / 'journey.sqlite3'}",
                      "CONTENT_DIR": content, "COUNCIL_DIR": content / "council",
                      "CONTENT_POLL_SECONDS": 0})  # fmt: skip
    for email, role in ((EDITOR, "editor"), (PUBLISHER, "publisher")):
        added = app.test_cli_runner().invoke(
            args=["moderators", "add", email, "--role", role], input=f"{PASSWORD}\n{PASSWORD}\n"
        )
        assert added.exit_code == 0, added.output
    return app


@pytest.fixture(scope="module")
def journey_url(journey_app: Flask) -> Iterator[str]:
    yield from serve(journey_app)


def sign_in(page: Page, email: str) -> None:
    """Through the sign-in pages as a person would, setting up the one-time code if asked."""
    page.goto("/moderation/login")
    page.get_by_label("Email address").fill(email)
    page.get_by_role("textbox", name="Password").fill(PASSWORD)
    page.locator("main form [type=submit]").first.click()
    if "/two-factor/setup" in page.url:
        page.locator("input[name=code]").fill(code_for(setup_key(page.content()), email))
        page.locator("main form [type=submit]").first.click()
    assert "/moderation/login" not in page.url, page.url


def test_edit_preview_review_publish_and_read_it_in_english_and_arabic(
    browser: Browser, journey_url: str, journey_app: Flask
) -> None:
    with browser.new_context(base_url=journey_url) as editor_window:
        editor = editor_window.new_page()
        sign_in(editor, EDITOR)
        editor.goto(f"/moderation/content/{ITEM}/")
        editor.locator("textarea[name=summary]").fill(NEW_SUMMARY)
        editor.get_by_role("button", name="Preview").click()
        banner = editor.locator(".app-preview-banner")
        assert "Nothing has been saved or published" in banner.inner_text()
        assert NEW_SUMMARY in editor.locator("main").inner_text()
        editor.screenshot(path="/tmp/editing-journey-preview.png", full_page=True)

        editor.go_back()
        editor.locator("textarea[name=summary]").fill(NEW_SUMMARY)
        editor.locator("textarea[name=note]").fill(NOTE)
        editor.get_by_role("button", name="Send for review").click()
        assert "Sent for review." in editor.locator("main").inner_text()
        # The editor holds no publisher role, so is offered no Publish button.
        assert editor.get_by_role("button", name="Publish", exact=True).count() == 0

    reader = browser.new_context(base_url=journey_url)
    public = reader.new_page()
    public.goto(PUBLIC)
    assert NEW_SUMMARY not in public.inner_text("main")  # nothing public before publishing

    with browser.new_context(base_url=journey_url) as publisher_window:
        publisher = publisher_window.new_page()
        sign_in(publisher, PUBLISHER)
        publisher.goto(f"/moderation/content/{ITEM}/")
        assert publisher.locator("textarea[name=summary]").input_value() == NEW_SUMMARY
        assert NOTE in publisher.locator(".app-draft-note").inner_text()
        publisher.locator("textarea[name=note]").fill(NOTE)
        publisher.get_by_role("button", name="Publish", exact=True).click()
        assert "Published." in publisher.locator("main").inner_text()
        publisher.get_by_role("link", name="See the public page").click()
        assert NEW_SUMMARY in publisher.inner_text("main")

    reader.close()
    # A new window: a browser may keep a page it has seen for its five-minute max-age.
    reader = browser.new_context(base_url=journey_url)
    public = reader.new_page()
    public.goto(PUBLIC)
    assert NEW_SUMMARY in public.inner_text("main")
    assert NOTE in public.locator(".app-last-change").inner_text()
    public.screenshot(path="/tmp/editing-journey-english.png", full_page=True)
    with journey_app.app_context(), force_locale("ar"):
        stale_in_arabic = gettext(STALE)
    assert stale_in_arabic != STALE  # the Arabic words, not the English
    public.goto(f"/ar{PUBLIC}")
    notice = public.locator(".app-translation-notice")
    assert stale_in_arabic in notice.inner_text()
    public.screenshot(path="/tmp/editing-journey-arabic.png", full_page=True)
    public.goto("/changes/")
    assert NOTE in public.locator(".app-changes").inner_text()
    reader.close()
