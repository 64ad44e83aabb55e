"""Measurements of a page as laid out: horizontal scrolling, and text cut off by its box."""

from __future__ import annotations

from playwright.sync_api import Page

# Elements whose content is wider or taller than a box that hides overflow: text cut off.
# Boxes of a pixel or less are visually hidden on purpose (for screen readers only).
CLIPPED = """() => {
  const clipped = [];
  for (const el of document.querySelectorAll("body *")) {
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden") continue;
    const hides = /hidden|clip/.test(style.overflowX + style.overflowY);
    if (!hides || el.clientWidth <= 1 || el.clientHeight <= 1) continue;
    if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
      clipped.push(el.outerHTML.slice(0, 120));
    }
  }
  return clipped;
}"""

# Elements and text sticking out past the right or left edge of the viewport, so the reader
# scrolls sideways.
WIDER_THAN_VIEWPORT = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.querySelectorAll("body *")) {
    const box = el.getBoundingClientRect();
    if (box.width > 0 && (box.right > width + 1 || box.left < -1)) {
      const style = getComputedStyle(el);
      if (style.position === "absolute" && box.width <= 1) continue;  // visually hidden
      const where = `${Math.round(box.left)}..${Math.round(box.right)}px`;
      wide.push(`${where}: ${el.outerHTML.slice(0, 100)}`);
    }
  }
  // A word too long for its line sticks out of a box that itself fits: name the text.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const box of range.getClientRects()) {
      if (box.right > width + 1 || box.left < -1) {
        const where = `${Math.round(box.left)}..${Math.round(box.right)}px`;
        wide.push(`${where}: text "${node.textContent.trim().slice(0, 60)}"`);
        break;
      }
    }
  }
  return wide.slice(-5);
}"""


NARROW = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 800}


def horizontal_overflow(page: Page) -> str | None:
    """None when the page fits its viewport's width; otherwise what sticks out."""
    scroll_width, width = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    if scroll_width <= width:
        return None
    culprits = "\n    ".join(page.evaluate(WIDER_THAN_VIEWPORT))
    return f"scrolls sideways: {scroll_width}px wide in a {width}px viewport\n    {culprits}"


def zoom_text(page: Page, percent: int) -> None:
    """Scale every font size, as a browser's text-only zoom does (GOV.UK sizes are in rem)."""
    page.evaluate(f"document.documentElement.style.fontSize = '{percent}%'")


def clipped_text(page: Page) -> list[str]:
    return page.evaluate(CLIPPED)


def problems(page: Page) -> list[str]:
    """Reflow at 320 CSS px, then text at 200% on a desktop screen: what goes wrong, if any.

    Leaves the page zoomed and narrow-then-wide; open the next page afresh.
    """
    found = []
    page.set_viewport_size(NARROW)
    if overflow := horizontal_overflow(page):
        found.append(f"at 320px it {overflow}")
    page.set_viewport_size(DESKTOP)
    zoom_text(page, 200)
    if overflow := horizontal_overflow(page):
        found.append(f"with text at 200% it {overflow}")
    if clipped := clipped_text(page):
        found.append(f"with text at 200% it cuts off: {clipped}")
    return found
