"""Using a page with the keyboard alone: what has focus, whether it shows, where Tab goes."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

# Everything Tab should stop at, in document order (a radio group is one stop, checked later).
TABBABLE = (
    "a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), "
    'select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'
)

# How an element looks; for GOV.UK radios and checkboxes the ring is drawn on the label.
_LOOK = """el => {
  const look = s => [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow,
                     s.backgroundColor, s.color, s.borderTopWidth, s.borderColor,
                     s.textDecorationLine].join("|");
  const label = el.labels && el.labels[0];
  const ring = label ? look(getComputedStyle(label, "::before")) : "";
  return look(getComputedStyle(el)) + "#" + ring;
}"""

REMEMBER_UNFOCUSED = f"""() => {{
  const look = {_LOOK};
  window.__unfocused = new Map();
  for (const el of document.querySelectorAll('{TABBABLE}')) window.__unfocused.set(el, look(el));
  return window.__unfocused.size;
}}"""

FOCUSED = f"""() => {{
  const look = {_LOOK};
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const box = el.getBoundingClientRect();
  const styles = [getComputedStyle(el)];
  if (el.labels && el.labels[0]) styles.push(getComputedStyle(el.labels[0], "::before"));
  const ring = styles.some(s =>
      (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2
       && !/rgba\\(.*, 0\\)|transparent/.test(s.outlineColor))
      || s.boxShadow !== "none");
  const before = window.__unfocused ? window.__unfocused.get(el) : undefined;
  const all = [...document.querySelectorAll('{TABBABLE}')];
  return {{
    tag: el.tagName.toLowerCase(), type: el.type || "", id: el.id, name: el.name || "",
    value: el.value || "", text: (el.innerText || el.value || "").trim(),
    html: el.outerHTML.slice(0, 120), index: all.indexOf(el),
    inMain: !!el.closest("main"), checked: !!el.checked,
    changed: before !== undefined && before !== look(el), ring,
    onScreen: box.width > 1 && box.height > 1,
  }};
}}"""


def remember_unfocused(page: Page) -> int:
    """Note how every focusable element looks before anything has focus."""
    return page.evaluate(REMEMBER_UNFOCUSED)


def tab(page: Page, backwards: bool = False) -> dict[str, Any] | None:
    page.keyboard.press("Shift+Tab" if backwards else "Tab")
    return page.evaluate(FOCUSED)


def assert_focus_visible(focused: dict[str, Any], where: str) -> None:
    """Focus shows: the element looks different focused, with a ring, shadow or highlight."""
    assert focused["onScreen"], f"focus went to something not on screen on {where}: {focused}"
    assert focused["changed"] and focused["ring"], (
        f"no visible focus indicator on {where}: {focused['html']}"
    )
