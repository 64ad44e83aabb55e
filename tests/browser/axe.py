"""axe-core, shipped inside the axe-playwright-python package, run for WCAG 2.2 A and AA."""

from __future__ import annotations

import re
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

# WCAG 2.0, 2.1 and 2.2 at levels A and AA: what public-sector websites must meet.
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")
OPTIONS = {"runOnly": {"type": "tag", "values": list(WCAG_TAGS)}, "resultTypes": ["violations"]}
# Colour contrast takes about two thirds of axe's time on a page. Colours come from the one
# stylesheet whatever the language, so the rule runs on every page in the languages whose
# layout differs (English, left to right; the first right-to-left one) and every other rule
# runs on every page in every language.
CONTRAST = "color-contrast"
WITHOUT_CONTRAST = {**OPTIONS, "rules": {CONTRAST: {"enabled": False}}}

_axe = Axe()


def version() -> str:
    """The axe-core version bundled with the package, read from the script's banner."""
    found = re.search(r"axe v(\d+\.\d+\.\d+)", _axe.axe_script[:200])
    return found.group(1) if found else "unknown"


def violations(page: Page, contrast: bool = True) -> list[dict[str, Any]]:
    """Every WCAG A/AA violation axe finds on the page as it is now; every rule but colour
    contrast when `contrast` is false."""
    options = OPTIONS if contrast else WITHOUT_CONTRAST
    return _axe.run(page, options=options).response["violations"]


def report(found: list[dict[str, Any]]) -> str:
    """A readable list: rule, impact, help, and where on the page."""
    lines = []
    for violation in found:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    at {', '.join(map(str, node['target']))}: {node['html'][:160]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    ...and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


def assert_no_violations(page: Page, where: str = "", contrast: bool = True) -> None:
    """Fail with every violation named if axe finds any."""
    found = violations(page, contrast)
    assert not found, f"axe found {len(found)} problem(s) on {where or page.url}:\n{report(found)}"
