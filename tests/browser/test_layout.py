"""The reflow and text-zoom checks run on every page (see test_axe) can fail."""

from __future__ import annotations

from playwright.sync_api import Browser

from . import layout


def test_the_layout_checks_fail_on_a_page_that_cannot_reflow(
    browser: Browser, broken_site: str
) -> None:
    """A line that cannot wrap scrolls sideways and a fixed-height box clips: both are caught."""
    with browser.new_context(base_url=broken_site, viewport=layout.NARROW) as context:
        tab = context.new_page()
        tab.goto("/wide/")
        # Test-only styles, set through the CSSOM (the portal's CSP forbids inline styles).
        tab.evaluate("""() => {
          document.querySelector('.app-test-wide').style.whiteSpace = 'nowrap';
          const box = document.querySelector('.app-test-clipped').style;
          box.height = '1em'; box.overflow = 'hidden';
        }""")
        found = "\n".join(layout.problems(tab))
    assert "at 320px it scrolls sideways" in found
    assert "with text at 200% it cuts off" in found
