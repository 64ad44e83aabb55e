"""Security headers on every response, and refusing to run production unsafely."""

from __future__ import annotations

import base64
import hashlib
import re
from importlib.resources import files

from flask import Flask, Request, Response
from gunicorn.http.errors import ParseException
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.exceptions import BadRequest

from localoffer.config import ConfigurationError

# What reading a broken body raises: gunicorn's parser (a malformed chunked body) and
# Werkzeug's development server (OSError). Their messages quote bytes of the body.
BODY_READ_ERRORS: tuple[type[Exception], ...] = (ParseException, OSError)


def page_template_script_hash() -> str:
    """The CSP source that allows the design system page template's one inline script.

    govuk-frontend-jinja's template.html marks the body `js-enabled` and
    `govuk-frontend-supported` with an inline script outside any block. A nonce would have to
    change with every response, which cached and exported pages cannot do; the script's text
    never changes, so its hash, read from the installed template, allows it and nothing else.
    """
    source = files("govuk_frontend_jinja").joinpath("templates/template.html").read_text("utf-8")
    found = re.search(r"<script\b[^>]*?(?:\{%[^%]*%\}[^>]*?)*>(.*?)</script>", source, re.S)
    if found is None:
        raise RuntimeError("govuk-frontend-jinja's page template no longer has its inline script")
    digest = hashlib.sha256(found.group(1).encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


# Everything the portal serves comes from itself: no inline style, no frames, no third
# parties, and no inline script but the page template's own, allowed by its hash. A page
# that needs more must say so here, not loosen it per page.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        f"script-src 'self' {page_template_script_hash()}",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    )
)
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)
HSTS = "max-age=31536000; includeSubDomains"


class FormRequest(Request):
    """A request whose JSON body only the API reads, and whose form is text or a 400.

    Flask-WTF fills a form from a JSON body when there is no form body; a JSON list, number
    or nested object there broke the form (a 500), and no page of ours posts JSON. Outside
    /api/ a JSON body is now an empty form, answered with the form's own errors.
    """

    @property
    def is_json(self) -> bool:
        return super().is_json and self.path.startswith("/api/")

    def _load_form_data(self) -> None:
        try:
            super()._load_form_data()
        except BODY_READ_ERRORS:
            # A 400 like any other bad request; `from None` drops the parser's message, which
            # quotes the body, so nothing of it can reach a log.
            raise BadRequest("The request body could not be read") from None
        if self.files:
            # Flask-WTF mixes uploaded files into the form, so a text field would receive a
            # file object (a 500). No form of ours takes a file.
            raise BadRequest("No form here takes a file")
        # A broken multipart part can come without a name; Flask-WTF's CSRF check fails on
        # such a field (a 500), and no form of ours has one, so it is dropped.
        fields = self.form
        if None in fields:
            self.form = ImmutableMultiDict(
                [(name, value) for name, value in fields.items(multi=True) if name is not None]
            )


def init_app(app: Flask) -> None:
    app.request_class = FormRequest
    production = app.config.get("ENV_NAME") == "production"
    if production and app.debug:
        raise ConfigurationError("Debug mode must be off in production: it can run any code")

    @app.after_request
    def add_security_headers(response: Response) -> Response:
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        # Same-origin: no address (nor a share link's answers) ever leaves for another site,
        # while our own HTTPS form posts carry the Referer that Flask-WTF's strict CSRF
        # check needs ("no-referrer" made every form fail over HTTPS).
        headers.setdefault("Referrer-Policy", "same-origin")
        headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        headers.setdefault("X-Frame-Options", "DENY")
        if production:
            headers.setdefault("Strict-Transport-Security", HSTS)
        return response
