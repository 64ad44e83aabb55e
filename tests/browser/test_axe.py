"""axe-core finds no WCAG 2.2 A or AA problem on any page, in any state, in any language."""

from __future__ import annotations

import pytest
from flask import Flask
from playwright.sync_api import Browser, BrowserContext, Page

from . import axe, forms, layout, site
from .conftest import post_answers


def test_every_page_in_every_language_passes_axe_reflows_and_zooms(
    shared_tab: Page, visit: site.Visit
) -> None:
    """Each crawled page, and the not-found page, in its language: no axe violation, no
    sideways scrolling at 320 CSS px (WCAG 1.4.10), nothing lost with text at 200% (1.4.4)."""
    shared_tab.set_viewport_size(layout.DESKTOP)
    response = shared_tab.goto(visit.url)
    assert response is not None
    expected = 404 if visit.url.endswith(site.MISSING_PAGE) else 200
    assert response.status == expected, f"{visit.url} gave {response.status}"
    problems = layout.problems(shared_tab)
    found = axe.violations(shared_tab, contrast=visit.lang in site.english_and_right_to_left())
    if found:
        problems.insert(0, f"axe found {len(found)} problem(s):\n{axe.report(found)}")
    assert not problems, f"{visit.url}:\n" + "\n".join(problems)


def test_every_form_state_in_every_language_has_no_axe_violations(
    context: BrowserContext, tab: Page, form_state: tuple[str, site.FormState], live_app: Flask
) -> None:
    """Errors, lists, results and confirmations pass axe, reflow at 320 CSS px and keep
    their text at 200%, as well as the empty forms."""
    lang, state = form_state
    post_answers(context, state.given, lang)
    url = site.resolve(state, live_app, lang)
    response = tab.goto(url)
    assert response is not None and response.ok, f"{url} gave {response and response.status}"
    assert tab.url.endswith(url), f"{url} sent the browser to {tab.url}"
    if state.submit_empty:
        forms.submit(tab)
        assert tab.locator(".govuk-error-summary").is_visible(), f"no error shown on {url}"
    if state.fill_in:
        forms.fill_in(tab)
        forms.submit(tab)
        assert not tab.locator(".govuk-error-summary").count(), f"{url} refused the answers"
    contrast = lang in site.english_and_right_to_left()
    axe.assert_no_violations(tab, f"{state.name} ({tab.url})", contrast)
    problems = layout.problems(tab)
    assert not problems, f"{state.name} ({tab.url}):\n" + "\n".join(problems)


def test_the_axe_check_fails_on_a_page_with_an_image_without_alt_text(
    browser: Browser, broken_site: str
) -> None:
    """The same check that passes every real page fails, naming the rules, on a broken one."""
    with browser.new_context(base_url=broken_site) as context:
        tab = context.new_page()
        tab.goto("/broken/")
        with pytest.raises(AssertionError) as failed:
            axe.assert_no_violations(tab)
    assert "image-alt" in str(failed.value)
    assert "label" in str(failed.value)


def test_the_contrast_check_fails_on_a_page_with_pale_text(
    browser: Browser, broken_site: str
) -> None:
    """Colour contrast, checked in English and the right-to-left layout, does catch pale text;
    the run without it (the other languages) still checks every other rule."""
    with browser.new_context(base_url=broken_site) as context:
        tab = context.new_page()
        tab.goto("/broken/")
        with pytest.raises(AssertionError) as failed:
            axe.assert_no_violations(tab)
        with pytest.raises(AssertionError) as without_contrast:
            axe.assert_no_violations(tab, contrast=False)
    assert "color-contrast" in str(failed.value)
    assert "color-contrast" not in str(without_contrast.value)
    assert "image-alt" in str(without_contrast.value)


def test_the_accessibility_statement_names_the_axe_core_version_and_rules_we_run(
    live_app: Flask,
) -> None:
    """The statement stays true: it names the bundled axe-core and WCAG 2.2 A and AA."""
    text = live_app.test_client().get("/accessibility/").get_data(as_text=True)
    assert f"axe-core {axe.version()}" in text
    assert "2.0, 2.1 and 2.2 at levels A and AA" in text
    assert "checked on every page in English and Arabic" in text
    assert site.english_and_right_to_left() == ("en", "ar")
    assert set(axe.WCAG_TAGS) == {"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}
