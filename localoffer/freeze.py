"""`flask --app localoffer freeze <dir>`: every public page in every language as static files,
for a CDN or an offline copy.

The pages are the sitemap's, fetched through the app itself, so the copy is exactly what the
live service serves; every static file they reference is fetched at the URL they use (whatever
its name, hashed or not). What a static copy cannot do is handled, one kind at a time, and
honestly:

- GET forms (the header search, "Was this page useful?") send their question to the live
  service when its address is given; without one they are left out, since they could only fail.
- POST forms (general feedback) carry a session-bound CSRF token, so they cannot work from a
  copy even with a live service: each is replaced by a notice that links to the same page on
  the live service, or says that it needs the online service.
- Links to pages that are one person's answers or forms and so are not exported (the checker's
  questions, "Suggest a change") go to the live service, or become a notice saying so.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import click
from flask import Flask, g
from flask_babel import gettext

from localoffer.languages import language_in_path

# Attributes that point at another page or file.
LINK_ATTRIBUTES = ("href", "src", "action")
# A missing page's address, fetched to export the "page not found" page for the CDN to use.
NOT_FOUND_PROBE = "/this-page-does-not-exist-in-the-offer/"
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
_JS_IMPORT = re.compile(r"""(?:\bimport\b[^'"();]*?\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]""")
_LOCAL_HOST = "http://localhost"
# The page whose address, ending in .atom instead of /, is its feed.
FEED_PAGE = "/changes/"


class FreezeError(RuntimeError):
    """The export cannot be made as asked (a page fails, the folder is not empty...)."""


@dataclass
class FreezeReport:
    pages: list[str] = field(default_factory=list)
    assets: list[str] = field(default_factory=list)
    bytes_written: int = 0


def freeze(
    app: Flask, target: Path, live_url: str | None = None, site_url: str | None = None
) -> FreezeReport:
    """Write every sitemap page (as <path>/index.html) and every file they use into `target`."""
    live_url = _checked_base(live_url, "--live-url")
    site_url = _checked_base(site_url, "--site-url")
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        raise FreezeError(f"{target} is not empty: choose a new or empty folder")
    base_url = site_url or _LOCAL_HOST
    client = app.test_client()
    report = FreezeReport()

    sitemap = client.get("/sitemap.xml", base_url=base_url)
    if sitemap.status_code != 200:
        raise FreezeError(f"/sitemap.xml gave {sitemap.status_code}")
    pages = [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap.text)]
    # A list of changes offers its Atom feed: the copy carries the feed as it was then.
    feeds = [path.removesuffix("/") + ".atom" for path in pages if path.endswith(FEED_PAGE)]
    exported = set(pages) | set(feeds)
    for feed in feeds:
        report.bytes_written += _write(target, feed.lstrip("/"),
                                       client.get(feed, base_url=base_url).get_data())  # fmt: skip

    assets: set[str] = set()
    for path in pages:
        response = client.get(path, base_url=base_url)
        if response.status_code != 200:
            raise FreezeError(f"{path} gave {response.status_code}")
        page_html, used = _rewrite_page(app, path, response.text, exported, live_url, site_url)
        assets.update(used)
        report.bytes_written += _write(target, _page_file(path), page_html.encode("utf-8"))
        report.pages.append(path)

    missing = client.get(NOT_FOUND_PROBE, base_url=base_url)
    not_found, used = _rewrite_page(app, "/", missing.text, exported, live_url, site_url)
    assets.update(used)
    report.bytes_written += _write(target, "404.html", not_found.encode("utf-8"))

    report.assets = _copy_assets(client, base_url, target, assets, report)
    if site_url:
        # Only a copy that knows its own address can tell crawlers where its pages are.
        for name in ("/sitemap.xml", "/robots.txt"):
            body = client.get(name, base_url=base_url).get_data()
            report.bytes_written += _write(target, name.lstrip("/"), body)
    return report


def _checked_base(url: str | None, option: str) -> str | None:
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query:
        raise FreezeError(f"{option} must be an address like https://offer.example.gov.uk")
    return url.rstrip("/")


def _page_file(path: str) -> str:
    return posixpath.join(path.strip("/"), "index.html") if path.endswith("/") else path.strip("/")


def _write(target: Path, relative: str, body: bytes) -> int:
    destination = (target / relative).resolve()
    if not destination.is_relative_to(target.resolve()):
        raise FreezeError(f"refusing to write outside {target}: {relative}")
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.write_bytes(body)
    return len(body)


def _copy_assets(
    client: object, base_url: str, target: Path, wanted: set[str], report: FreezeReport
) -> list[str]:
    """Fetch each referenced static file, and whatever CSS and JS modules it pulls in."""
    done: set[str] = set()
    queue = sorted(wanted)
    while queue:
        path = queue.pop()
        if path in done:
            continue
        response = client.get(path, base_url=base_url)  # type: ignore[attr-defined]
        if response.status_code != 200:
            raise FreezeError(f"{path}, used by an exported page, gave {response.status_code}")
        body = response.get_data()
        report.bytes_written += _write(target, path.lstrip("/"), body)
        done.add(path)
        queue += [ref for ref in asset_references(path, body) if ref not in done]
    return sorted(done)


def asset_references(path: str, body: bytes) -> list[str]:
    """Files a stylesheet (url()) or a JavaScript module (import) loads in turn."""
    if path.endswith(".css"):
        found = _CSS_URL.findall(body.decode("utf-8", "replace"))
    elif path.endswith((".js", ".mjs")):
        found = _JS_IMPORT.findall(body.decode("utf-8", "replace"))
    else:
        return []
    refs = []
    for ref in found:
        if ref.startswith(("data:", "#")) or urlsplit(ref).scheme:
            continue
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), urlsplit(ref).path))
        refs.append(resolved)
    return refs


def _rewrite_page(
    app: Flask,
    path: str,
    text: str,
    exported: set[str],
    live_url: str | None,
    site_url: str | None,
) -> tuple[str, set[str]]:
    # A request context for the page's own path, so notices are in the page's language.
    with app.test_request_context(path):
        g.lang = language_in_path(path, app.config["LANGUAGES"])
        rewriter = _PageRewriter(path, exported, live_url, site_url)
        rewriter.feed(text)
        rewriter.close()
    return "".join(rewriter.out), rewriter.assets


def _tag(tag: str, attrs: Iterable[tuple[str, str | None]], close: bool = False) -> str:
    parts = [tag]
    for name, value in attrs:
        parts.append(name if value is None else f'{name}="{html.escape(value, quote=True)}"')
    return "<" + " ".join(parts) + (" />" if close else ">")


class _PageRewriter(HTMLParser):
    """Copies a page, changing only what a static copy must: links, forms, asset URLs."""

    def __init__(
        self, path: str, exported: set[str], live_url: str | None, site_url: str | None
    ) -> None:
        super().__init__(convert_charrefs=False)
        self.path = path
        self.exported = exported
        self.live_url = live_url
        self.site_url = site_url
        self.out: list[str] = []
        self.assets: set[str] = set()
        # While inside an element being dropped or replaced: its tag, nesting depth, text.
        self.skipping: str | None = None
        self.depth = 0
        self.skipped_text: list[str] = []
        self.replacement_for_link: str | None = None

    # -- what each reference becomes -------------------------------------------------------

    def local_path(self, value: str) -> str | None:
        """The site path a reference points at, or None when it leaves the site."""
        if value.startswith(_LOCAL_HOST + "/"):
            value = value[len(_LOCAL_HOST) :]
        elif self.site_url and value.startswith(self.site_url + "/"):
            value = value[len(self.site_url) :]
        parts = urlsplit(value)
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            return None
        return value

    def is_exported(self, value: str) -> bool:
        path = urlsplit(value).path
        return path in self.exported or path.startswith("/static/")

    def live(self, value: str) -> str:
        assert self.live_url is not None
        return self.live_url + value

    # -- parser callbacks ------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            if tag == self.skipping:
                self.depth += 1
            return
        if tag == "form":
            self.start_form(attrs)
            return
        changed = False
        new_attrs = []
        for name, value in attrs:
            if name in LINK_ATTRIBUTES and value is not None:
                local = self.local_path(value)
                if local is not None:
                    if not self.is_exported(local) and tag == "a":
                        self.start_live_only_link(local, attrs)
                        return
                    if urlsplit(local).path.startswith("/static/"):
                        self.assets.add(urlsplit(local).path)
                    if local != value and not self.site_url:
                        value, changed = local, True
            new_attrs.append((name, value))
        text = self.get_starttag_text() or ""
        self.out.append(_tag(tag, new_attrs, text.endswith("/>")) if changed else text)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping:
                if self.depth:
                    self.depth -= 1
                    return
                self.finish_skipping()
            return
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self.skipping:
            self.skipped_text.append(data)
        else:
            self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.handle_data(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.handle_data(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        if not self.skipping:
            self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")

    # -- forms and links a copy cannot serve -----------------------------------------------

    def start_form(self, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        method = (values.get("method") or "get").lower()
        action = values.get("action") or self.path
        local = self.local_path(action)
        if local is None:
            self.out.append(self.get_starttag_text() or "")
            return  # a form for another site works the same from a copy
        if method == "get" and self.live_url:
            new_attrs = [(n, self.live(local) if n == "action" else v) for n, v in attrs]
            if "action" not in values:
                new_attrs.append(("action", self.live(local)))
            self.out.append(_tag("form", new_attrs))
            return
        if method == "get":
            self.begin_skipping("form", replacement="")
            return
        self.begin_skipping("form", replacement=self.form_notice(local))

    def form_notice(self, local: str) -> str:
        if self.live_url:
            link = (
                f'<a class="govuk-link" href="{html.escape(self.live(local))}">'
                f"{html.escape(gettext('Use this form on the online service'))}</a>"
            )
            text = html.escape(gettext("This form cannot be sent from this copy of the site."))
            body = f"{text} {link}"
        else:
            body = html.escape(
                gettext("This form needs the online service. It cannot be sent from this copy.")
            )
        return f'<div class="govuk-inset-text app-frozen-notice">{body}</div>'

    def start_live_only_link(self, local: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.live_url:
            new_attrs = [(n, self.live(local) if n == "href" else v) for n, v in attrs]
            self.out.append(_tag("a", new_attrs))
            return
        self.begin_skipping("a", replacement=None)

    def begin_skipping(self, tag: str, replacement: str | None) -> None:
        self.skipping, self.depth, self.skipped_text = tag, 0, []
        self.replacement_for_link = replacement

    def finish_skipping(self) -> None:
        if self.replacement_for_link is not None:
            self.out.append(self.replacement_for_link)
        else:
            # A link to something only the live service can do, in a copy without one: keep
            # its words, and say why it goes nowhere.
            words = " ".join("".join(self.skipped_text).split())
            note = html.escape(
                gettext("this needs the online service and does not work in this copy")
            )
            self.out.append(
                f'<span class="app-frozen-notice"><strong>{words}</strong> ({note})</span>'
            )
        self.skipping = None


def init_app(app: Flask) -> None:
    @app.cli.command("freeze")
    @click.argument("target", type=click.Path(file_okay=False, path_type=Path))
    @click.option(
        "--live-url",
        envvar="LOCALOFFER_LIVE_SERVICE_URL",
        help="Address of the live service, where forms and the checker's questions are sent.",
    )
    @click.option(
        "--site-url",
        help="Address the copy will be published at: makes hreflang links absolute and adds "
        "sitemap.xml and robots.txt.",
    )
    def freeze_command(target: Path, live_url: str | None, site_url: str | None) -> None:
        """Export every public page in every language, and the files they use, to TARGET."""
        try:
            report = freeze(app, target, live_url=live_url, site_url=site_url)
        except FreezeError as error:
            raise click.ClickException(str(error)) from error
        click.echo(
            f"Exported {len(report.pages)} pages and {len(report.assets)} static files "
            f"({report.bytes_written / 1024:.0f} KB) to {target}"
        )
        if not live_url:
            click.echo(
                "No --live-url: search, feedback and the checker's questions are marked as "
                "needing the online service."
            )


__all__ = ["FreezeError", "FreezeReport", "freeze", "init_app"]
