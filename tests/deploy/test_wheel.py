"""The built wheel, installed in a fresh venv and run from an empty folder, is the whole site."""

from __future__ import annotations

import gettext
import shutil
import subprocess
import urllib.request
from pathlib import Path

from bs4 import BeautifulSoup
from servers import clean_env, free_port, gunicorn

from localoffer.config import PROJECT_ROOT
from localoffer.content import Offer


def fetch(url: str) -> tuple[int, str, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers.get_content_type(), response.read()


def arabic(message: str) -> str:
    catalogue = PROJECT_ROOT / "translations" / "ar" / "LC_MESSAGES" / "messages.mo"
    with catalogue.open("rb") as source:
        return gettext.GNUTranslations(source).gettext(message)


def test_the_installed_wheel_knows_nothing_of_the_checkout(wheel_python: Path, tmp_path: Path):
    """The package, its site files and gunicorn settings all come from inside the venv."""
    where = subprocess.run(
        [wheel_python, "-c", "import localoffer, localoffer.config as c; "
         "print(localoffer.__file__, c.STATIC_DIR, c.TRANSLATIONS_DIR, c.site_folder('content'))"],
        cwd=tmp_path, capture_output=True, text=True, check=True, env=clean_env(),
    ).stdout.split()  # fmt: skip
    venv = wheel_python.parent.parent
    for path in where:
        assert Path(path).is_relative_to(venv), f"{path} is outside the installed package"


def test_the_installed_wheel_serves_every_language_with_its_styles_and_content(
    wheel_python: Path, tmp_path: Path, shipped_offer: Offer
) -> None:
    """English and Arabic screens, the CSS and JS, and the example offer, under gunicorn."""
    empty = tmp_path / "empty"
    empty.mkdir()
    port = free_port()
    env = clean_env(
        LOCALOFFER_ENV="production", LOCALOFFER_SECRET_KEY="wheel-test-" + "k" * 40,
        LOCALOFFER_TRUSTED_HOSTS="127.0.0.1", LOCALOFFER_BIND=f"127.0.0.1:{port}",
        LOCALOFFER_WORKERS="1", LOCALOFFER_DATABASE_URL=f"sqlite:///{tmp_path / 'w.sqlite3'}",
    )  # fmt: skip
    config = "python:localoffer.shipped.gunicorn_conf"
    with gunicorn(env, tmp_path / "gunicorn.log", python=str(wheel_python), cwd=empty,
                  config=config) as base:  # fmt: skip
        status, _, body = fetch(base + "/")
        english = BeautifulSoup(body, "html.parser")
        assert status == 200 and english.html["lang"] == "en"
        assert english.select_one(".govuk-skip-link").get_text() == "Skip to main content"

        status, _, body = fetch(base + "/ar/")
        page = BeautifulSoup(body, "html.parser")
        assert status == 200 and page.html["lang"] == "ar" and page.html["dir"] == "rtl"
        assert arabic("Skip to main content") != "Skip to main content"
        assert page.select_one(".govuk-skip-link").get_text() == arabic("Skip to main content")

        for tag, attribute, kind in (("link[rel=stylesheet]", "href", "text/css"),
                                     ("script[src]", "src", "text/javascript")):  # fmt: skip
            for element in page.select(tag):
                status, content_type, body = fetch(base + element[attribute])
                assert status == 200 and content_type == kind and len(body) > 1000

        item = shipped_offer.entitlements[0]
        status, _, body = fetch(f"{base}/{item.theme}/{item.id}/")
        assert status == 200 and item.title in BeautifulSoup(body, "html.parser").h1.get_text()
        _, _, health = fetch(base + "/healthz")
        assert f'"content":{len(shipped_offer.entitlements)}' in health.decode().replace(" ", "")


def test_the_installed_wheel_reads_a_councils_own_content(wheel_python: Path, tmp_path: Path):
    """LOCALOFFER_CONTENT_DIR points the installed portal at the council's own folder."""
    council = tmp_path / "council-content"
    shutil.copytree(PROJECT_ROOT / "tests" / "fixtures" / "content", council)
    checked = subprocess.run(
        [wheel_python, "-m", "flask", "--app", "localoffer", "content", "check"], cwd=tmp_path,
        env=clean_env(LOCALOFFER_CONTENT_DIR=str(council)), capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.startswith("OK: 2 entitlements (1 statutory, 0 national, 1 council)")
