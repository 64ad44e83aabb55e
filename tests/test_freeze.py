"""The static export: every page in every language, no broken links, forms handled honestly."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from flask import Flask

from localoffer import create_app
from localoffer.content import Offer
from localoffer.freeze import FreezeError, freeze

pytestmark = pytest.mark.crawl

LIVE = "https://offer.example.gov.uk"
SITE = "https://copy.example.gov.uk"
_REFERENCE = re.compile(r"""\s(href|src|action)="([^"]*)\"""")
_ID = re.compile(r"""\sid="([^"]*)\"""")


def build_app(tmp: Path, offer: Offer, **config: object) -> Flask:
    database = f"sqlite:///{tmp / 'freeze.sqlite3'}"
    return create_app({"TESTING": True, "OFFER": offer, "DATABASE_URL": database, **config})


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory, shipped_offer: Offer) -> tuple[Flask, Path]:
    """The whole site, every language, exported once without a live service."""
    tmp = tmp_path_factory.mktemp("offline")
    app = build_app(tmp, shipped_offer)
    freeze(app, tmp / "site")
    return app, tmp / "site"


@pytest.fixture(scope="module")
def with_live(tmp_path_factory: pytest.TempPathFactory, shipped_offer: Offer) -> Path:
    """English only (to stay quick), exported with a live service and a published address."""
    tmp = tmp_path_factory.mktemp("live")
    app = build_app(tmp, shipped_offer, LANGUAGES=("en",))
    freeze(app, tmp / "site", live_url=LIVE + "/", site_url=SITE)
    return tmp / "site"


def exported_file(root: Path, path: str) -> Path:
    return root / path.lstrip("/") / "index.html" if path.endswith("/") else root / path.lstrip("/")


def broken_links(root: Path, site: str | None = None) -> list[str]:
    """Every internal reference in every exported page that does not land on an exported file."""
    ids: dict[Path, set[str]] = {}
    problems = []
    for page in sorted(root.rglob("*.html")):
        for attribute, raw in _REFERENCE.findall(page.read_text(encoding="utf-8")):
            value = html.unescape(raw)
            if site and value.startswith(site + "/"):
                value = value[len(site) :]
            parts = urlsplit(value)
            if parts.scheme or parts.netloc or value.startswith(("mailto:", "tel:")):
                continue
            target = page if not parts.path else exported_file(root, parts.path)
            if not parts.path.startswith("/") and parts.path:
                problems.append(f"{page.relative_to(root)}: relative {attribute} {value}")
                continue
            if not target.is_file():
                problems.append(f"{page.relative_to(root)}: {attribute} {value} is not exported")
                continue
            if parts.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = set(_ID.findall(target.read_text(encoding="utf-8")))
                if html.unescape(parts.fragment) not in ids[target]:
                    problems.append(f"{page.relative_to(root)}: no #{parts.fragment} in {value}")
    return problems


def test_the_offline_export_has_no_broken_links_or_anchors(offline: tuple[Flask, Path]) -> None:
    """Every internal href, src and #anchor in every exported page lands on an exported file."""
    _app, root = offline
    assert broken_links(root) == []


def test_every_language_has_its_home_and_an_entitlement_page(offline: tuple[Flask, Path]) -> None:
    """Each published language's home and the staying put page are exported in that language."""
    app, root = offline
    for code in app.config["LANGUAGES"]:
        prefix = "" if code == "en" else f"{code}/"
        for path in (f"{prefix}index.html", f"{prefix}relationships/staying-put/index.html"):
            page = root / path
            assert page.is_file(), path
            assert f'<html lang="{code}"' in page.read_text(encoding="utf-8"), path


def test_the_export_holds_every_sitemap_page_and_the_files_they_use(
    offline: tuple[Flask, Path],
) -> None:
    """Every sitemap URL is a file, and each static file is byte for byte what the app serves."""
    app, root = offline
    client = app.test_client()
    locations = re.findall(r"<loc>([^<]+)</loc>", client.get("/sitemap.xml").text)
    assert len(locations) > 100
    for location in locations:
        assert exported_file(root, urlsplit(location).path).is_file(), location
    home = (root / "index.html").read_text(encoding="utf-8")
    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', home)
    assert stylesheet
    statics = list((root / "static").rglob("*.*"))
    assert any(p.suffix == ".css" for p in statics)
    for file in statics:
        served = client.get("/" + file.relative_to(root).as_posix())
        assert served.status_code == 200
        assert served.get_data() == file.read_bytes(), file
    assert (root / "404.html").is_file()


def test_without_a_live_service_no_form_is_left_that_could_only_fail(
    offline: tuple[Flask, Path],
) -> None:
    """Forms are gone or replaced by a notice, and the checker's start says it needs the service."""
    _app, root = offline
    for page in root.rglob("*.html"):
        assert "<form" not in page.read_text(encoding="utf-8"), page
    feedback = (root / "feedback" / "index.html").read_text(encoding="utf-8")
    assert "This form needs the online service" in feedback
    start = (root / "check" / "index.html").read_text(encoding="utf-8")
    assert "needs the online service" in start
    assert 'href="/check/route/"' not in start


def test_with_a_live_service_forms_and_live_only_links_go_there(with_live: Path) -> None:
    """GET forms and the checker's questions point at the live service; POST forms link to it."""
    entitlement = (with_live / "relationships" / "staying-put" / "index.html").read_text("utf-8")
    assert f'action="{LIVE}/search"' in entitlement
    assert f'action="{LIVE}/feedback/page/"' in entitlement
    assert f'href="{LIVE}/suggest/staying-put/"' in entitlement
    start = (with_live / "check" / "index.html").read_text(encoding="utf-8")
    assert f'href="{LIVE}/check/route/"' in start
    feedback = (with_live / "feedback" / "index.html").read_text(encoding="utf-8")
    assert 'method="post"' not in feedback
    assert f'href="{LIVE}/feedback/"' in feedback
    assert broken_links(with_live, site=SITE) == []


def test_with_a_published_address_hreflang_links_and_the_sitemap_use_it(with_live: Path) -> None:
    """Alternate-language links are absolute on the copy's address, and sitemap.xml is written."""
    home = (with_live / "index.html").read_text(encoding="utf-8")
    assert f'hreflang="x-default" href="{SITE}/"' in home
    assert f"<loc>{SITE}/</loc>" in (with_live / "sitemap.xml").read_text(encoding="utf-8")


def test_the_command_refuses_a_folder_that_is_not_empty(
    tmp_path: Path, shipped_offer: Offer
) -> None:
    """Nothing is overwritten: a non-empty folder is refused with the reason."""
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "keep.txt").write_text("mine")
    app = build_app(tmp_path, shipped_offer, LANGUAGES=("en",))
    result = app.test_cli_runner().invoke(args=["freeze", str(tmp_path / "site")])
    assert result.exit_code != 0
    assert "is not empty" in result.output
    assert (tmp_path / "site" / "keep.txt").read_text() == "mine"


def test_a_live_address_that_is_not_a_web_address_is_refused(
    tmp_path: Path, shipped_offer: Offer
) -> None:
    """--live-url must be an http(s) address; anything else is named as the problem."""
    app = build_app(tmp_path, shipped_offer, LANGUAGES=("en",))
    with pytest.raises(FreezeError, match="--live-url"):
        freeze(app, tmp_path / "site", live_url="offer.example.gov.uk")
    assert not (tmp_path / "site").exists()
