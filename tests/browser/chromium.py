"""Which Chromium the browser tests drive, and how it is started."""

from __future__ import annotations

import os
from pathlib import Path

from playwright.sync_api import Browser, Playwright

# Debian's package; another Chromium or Chrome can be named for a machine without it.
CHROMIUM = Path(os.environ.get("LOCALOFFER_TEST_CHROMIUM", "/usr/bin/chromium"))

MISSING = (
    f"The browser tests need Chromium at {CHROMIUM}. Run `make test`, which installs it when "
    "it can, or install Debian's `chromium` package yourself (as root: "
    "`apt-get update && apt-get install -y chromium`), or set LOCALOFFER_TEST_CHROMIUM to the "
    "path of a Chromium or Chrome binary."
)

# Headless, as root, and quiet on the network: without the background-networking flags
# Chromium tries to reach hosts outside this machine (updates, safe browsing, sync) and fails.
# Playwright starts every launch with a fresh, temporary user-data-dir of its own.
LAUNCH_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def launch(playwright: Playwright) -> Browser:
    """Start headless Chromium from the system package; never download a browser."""
    if not os.access(CHROMIUM, os.X_OK):
        raise FileNotFoundError(MISSING)
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=list(LAUNCH_ARGS)
    )
