"""Driving a page's main form as a person would: pressing its button, typing, choosing."""

from __future__ import annotations

from playwright.sync_api import Page

# The form a page is about: posted, in the main content, and not the "clear my answers" one;
# or My plan's form, sent with GET so that the plan is kept in its link.
MAIN_FORM = (
    'main :is(form[method="post" i]:not([action*="/clear/"]), '
    'form[method="get" i][action*="/walkthrough/plan/edit/"])'
)
SUBMIT = f"{MAIN_FORM} [type=submit]"
SAMPLE_TEXT = "The page about the bus pass was clear and helped me. Thank you."


def submit(page: Page) -> None:
    """Press the main form's first button and wait for the page it leads to."""
    with page.expect_navigation():
        page.locator(SUBMIT).first.click()


def fill_in(page: Page) -> None:
    """Type into every visible text area and pick the first option of every question."""
    for box in page.locator(f"{MAIN_FORM} textarea:visible").all():
        box.fill(SAMPLE_TEXT)
    seen: set[str] = set()
    for radio in page.locator(f"{MAIN_FORM} input[type=radio]").all():
        name = radio.get_attribute("name") or ""
        if name not in seen:
            seen.add(name)
            radio.check()
