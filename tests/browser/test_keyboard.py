"""The portal works with the keyboard alone: skip link, visible focus, no traps, whole forms."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from playwright.sync_api import Browser, BrowserContext, Page

from . import forms, keyboard, site
from .conftest import post_answers


@pytest.fixture
def no_script_tab(browser: Browser, base_url: str) -> Iterator[Page]:
    """A browser with JavaScript switched off: every page must still work."""
    with browser.new_context(base_url=base_url, java_script_enabled=False) as context:
        yield context.new_page()


@pytest.mark.parametrize(
    ("url", "script"),
    [
        ("/", "reading page, no script"),
        ("/check/route/", "form page, with script"),
        ("/check/route/", "form page, JavaScript off"),
    ],
)
def test_skip_link_comes_first_shows_on_focus_and_moves_focus_to_main(
    tab: Page, no_script_tab: Page, url: str, script: str
) -> None:
    """The first Tab shows "Skip to main content"; Enter takes the next Tab into the page."""
    page = no_script_tab if script.endswith("JavaScript off") else tab
    page.goto(url)
    skip = page.locator(".govuk-skip-link")
    assert skip.bounding_box()["height"] <= 1, "the skip link shows before it has focus"
    keyboard.remember_unfocused(page)
    focused = keyboard.tab(page)
    assert focused and "govuk-skip-link" in focused["html"]
    assert skip.bounding_box()["height"] > 10, "the focused skip link is still hidden"
    keyboard.assert_focus_visible(focused, url)
    page.keyboard.press("Enter")
    # The browser reports a same-page navigation after the key press returns, so wait for it.
    page.wait_for_url(re.compile(r"#main-content$"), timeout=5_000)
    if script.endswith("with script"):
        # GOV.UK Frontend's skip link moves focus itself, so screen readers announce it.
        page.wait_for_function("document.body.classList.contains('govuk-frontend-supported')")
        assert page.evaluate("document.activeElement.id") == "main-content"
    after = keyboard.tab(page)
    assert after and after["inMain"], f"Tab after the skip link went to {after}"


def keyboard_pages(lang: str) -> list[str]:
    """Pages to tab right through: plain content, a question, and the forms people fill in."""
    app = site.discovery_app()
    item = app.extensions["localoffer.offer"].entitlements[0]
    pages = ["/", f"/{item.theme}/{item.id}/", "/glossary/", "/check/route/",
             "/check/date-of-birth/", "/feedback/", f"/suggest/{item.id}/"]  # fmt: skip
    return [site.prefix(lang) + p for p in pages if site.route_exists(app, p)]


@pytest.mark.parametrize(
    "url",
    [url for lang in ("en", "ar") if lang in site.languages() for url in keyboard_pages(lang)],
)
def test_tab_reaches_every_control_in_order_with_visible_focus_and_no_trap(
    context: BrowserContext, tab: Page, url: str
) -> None:
    """Tab visits every control once, in reading order, each visibly, then leaves the page."""
    post_answers(context, (site.ROUTE_DATES,), site.language_of(url, site.languages()))
    tab.goto(url)
    total = keyboard.remember_unfocused(tab)
    seen: list[int] = []
    for _ in range(total + 3):
        focused = keyboard.tab(tab)
        if focused is None:
            break  # past the last control: focus has left the page, so nothing traps it
        keyboard.assert_focus_visible(focused, url)
        assert focused["index"] not in seen, f"Tab came back to {focused['html']} on {url}"
        assert not seen or focused["index"] > seen[-1], f"Tab went backwards on {url}"
        seen.append(focused["index"])
    else:
        pytest.fail(f"Tab never left {url}: a keyboard trap")
    skipped = tab.evaluate(
        f"""seen => [...document.querySelectorAll('{keyboard.TABBABLE}')]
             .map((el, i) => [el, i])
             .filter(([el, i]) => !seen.includes(i) && el.type !== "radio"
                      && el.getClientRects().length && getComputedStyle(el).visibility !== "hidden")
             .map(([el]) => el.outerHTML.slice(0, 100))""",
        seen,
    )
    assert not skipped, f"Tab never reached these on {url}: {skipped}"
    back = keyboard.tab(tab, backwards=True)
    assert back is not None and back["index"] == seen[-1], "Shift+Tab does not come back"


# What to do on each page of the checker, keyed by path: type into boxes (by id), choose
# options (by name), then press the control with this text.
CHECKER_BY_KEYBOARD: dict[str, dict[str, Any]] = {
    "/check/": {"press": "Start now"},
    "/check/route/": {"choose": {"answer": "dates"}, "press": "Continue"},
    "/check/date-of-birth/": {
        "type": {"answer-day": "1", "answer-month": "5", "answer-year": "2007"},
        "press": "Continue",
    },
    "/check/care-periods/0/": {
        "type": {
            "start-day": "1",
            "start-month": "6",
            "start-year": "2021",
            "end-day": "30",
            "end-month": "4",
            "end-year": "2025",
        },
        "choose": {"short_break": "no"},
        "press": "Continue",
    },
    "/check/care-periods/": {"choose": {"answer": "no"}, "press": "Continue"},
    "/check/special-guardianship/": {"choose": {"answer": "no"}, "press": "Continue"},
    "/check/custody/": {"choose": {"answer": "no"}, "press": "Continue"},
    "/check/education/": {"choose": {"answer": "higher"}, "press": "Continue"},
    # The optional questions: one answered, one "prefer not to say", the rest left blank.
    "/check/parent/": {"choose": {"answer": "no"}, "press": "Continue"},
    "/check/came-to-uk-alone/": {"choose": {"answer": "prefer_not"}, "press": "Continue"},
    "/check/disability/": {"press": "Continue"},
    "/check/where-you-live/": {"press": "Continue"},
    "/check/in-custody-now/": {"press": "Continue"},
    "/check/answers/": {"press": "See what you can get"},
}


def answer_by_keyboard(page: Page, todo: dict[str, Any]) -> None:
    """Tab from the top of the page, answering on the way, and press the button named."""
    keyboard.remember_unfocused(page)
    typed: set[str] = set()
    for _ in range(200):
        focused = keyboard.tab(page)
        assert focused is not None, f"Tab left {page.url} before reaching {todo['press']!r}"
        keyboard.assert_focus_visible(focused, page.url)
        if focused["id"] in todo.get("type", {}) and focused["id"] not in typed:
            page.keyboard.type(todo["type"][focused["id"]])
            typed.add(focused["id"])
        wanted = todo.get("choose", {}).get(focused["name"])
        if focused["type"] == "radio" and wanted:
            # Arrow keys move through a radio group and select as they go.
            for _ in range(10):
                if page.evaluate("document.activeElement.value") == wanted:
                    break
                page.keyboard.press("ArrowDown")
            page.keyboard.press("Space")
            assert page.evaluate("document.activeElement.checked")
        if focused["inMain"] and focused["text"] == todo["press"]:
            assert typed == set(todo.get("type", {})), f"{page.url}: boxes not reached {typed}"
            with page.expect_navigation():
                page.keyboard.press("Enter")
            return
    pytest.fail(f"Tab never reached {todo['press']!r} on {page.url}")


def test_the_checker_can_be_completed_with_the_keyboard_alone(tab: Page) -> None:
    """From the start page to the result by Tab, arrows, typing and Enter only."""
    tab.goto("/check/")
    for _ in range(len(CHECKER_BY_KEYBOARD) + 1):
        path = tab.url.split(tab.url.split("/")[2], 1)[1]
        if path == "/check/result/":
            break
        assert path in CHECKER_BY_KEYBOARD, f"the keyboard walk reached an unplanned {path}"
        answer_by_keyboard(tab, CHECKER_BY_KEYBOARD[path])
        assert not tab.locator(".govuk-error-summary").count(), f"{path} refused the answers"
    assert tab.url.endswith("/check/result/"), f"ended on {tab.url}"
    assert tab.locator("main h1").is_visible()


def test_a_feedback_form_can_be_sent_with_the_keyboard_alone(tab: Page, live_app: Flask) -> None:
    """Suggest a change to an entitlement page by Tab, typing and Enter only."""
    item = live_app.extensions["localoffer.offer"].entitlements[0]
    url = f"/suggest/{item.id}/"
    assert site.route_exists(live_app, url), f"{url} is not built"
    tab.goto(url)
    boxes = tab.locator(f"{forms.MAIN_FORM} textarea").evaluate_all("els => els.map(e => e.id)")
    button = tab.locator(forms.SUBMIT).first.inner_text().strip()
    answer_by_keyboard(tab, {"type": {box: forms.SAMPLE_TEXT for box in boxes}, "press": button})
    assert not tab.locator(".govuk-error-summary").count(), "the suggestion was refused"


@pytest.mark.parametrize("lang", site.english_and_right_to_left())
def test_error_summary_takes_focus_after_a_form_error(tab: Page, lang: str) -> None:
    """After a wrong answer, focus lands on "There is a problem", and its link goes to the field."""
    tab.goto(site.prefix(lang) + "/check/route/")
    forms.submit(tab)
    summary = tab.locator(".govuk-error-summary")
    summary.wait_for()
    tab.wait_for_function("document.activeElement.classList.contains('govuk-error-summary')")
    link = summary.locator("a").first
    target = link.get_attribute("href")
    assert target and tab.locator(target).count() == 1, f"error link to missing {target}"
    link.click()
    assert tab.evaluate("'#' + document.activeElement.id") == target


def test_forms_work_and_show_errors_with_javascript_off(no_script_tab: Page) -> None:
    """Without JavaScript the error summary still shows and the answer still moves you on."""
    no_script_tab.goto("/check/route/")
    assert no_script_tab.evaluate("document.body.className") == "govuk-template__body"
    forms.submit(no_script_tab)
    assert no_script_tab.locator(".govuk-error-summary").is_visible()
    no_script_tab.locator("input[value=dates]").check()
    forms.submit(no_script_tab)
    assert no_script_tab.url.endswith("/check/date-of-birth/")


def test_the_focus_check_fails_when_focus_styles_are_removed(tab: Page) -> None:
    """With the focus styles taken away, the same check says focus cannot be seen."""
    tab.goto("/")
    tab.evaluate(
        """document.styleSheets[0].insertRule(
             '*:focus, *:focus + label::before { outline: none !important;'
             + ' box-shadow: none !important; background: none !important;'
             + ' text-decoration: inherit !important }', 0)"""
    )
    keyboard.remember_unfocused(tab)
    keyboard.tab(tab)  # the skip link, which GOV.UK only shows on focus
    focused = keyboard.tab(tab)
    assert focused is not None
    with pytest.raises(AssertionError, match="no visible focus indicator"):
        keyboard.assert_focus_visible(focused, "/")
