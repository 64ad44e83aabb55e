"""What every template can see: the offer, the council, and the design system's macros."""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app, request, url_for
from flask_babel import lazy_gettext as _l
from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader
from markupsafe import Markup, escape

from localoffer.i18n import DEFAULT_LANGUAGE, current_language
from localoffer.rules.vocabulary import STATUSES
from localoffer.web import words

NAV_ITEMS = (
    ("pages.home", _l("Home")),
    ("checker.start", _l("Check what you can get")),
    ("pages.contacts", _l("Contacts")),
    ("pages.glossary", _l("Words we use")),
    ("pages.languages", _l("Language")),
)
# A globe before "Language", drawn inline (nothing is loaded from elsewhere): someone who
# cannot read the page's language can still find the way to their own.
GLOBE = Markup(
    '<svg class="app-globe" aria-hidden="true" focusable="false" viewBox="0 0 20 20" '
    'width="18" height="18"><g fill="none" stroke="currentColor" stroke-width="1.6">'
    '<circle cx="10" cy="10" r="8.2"/><ellipse cx="10" cy="10" rx="3.6" ry="8.2"/>'
    '<path d="M2 10h16M3.4 5.6h13.2M3.4 14.4h13.2"/></g></svg>'
)


def init_app(app: Flask) -> None:
    app.jinja_loader = ChoiceLoader(
        [
            app.jinja_loader,  # type: ignore[list-item]
            PrefixLoader(
                {
                    "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
                    "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
                }
            ),
        ]
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    # `{% do rows.append(...) %}` builds a design-system macro's rows in a loop.
    app.jinja_env.add_extension("jinja2.ext.do")

    app.add_template_global(form_errors)
    app.add_template_global(service_navigation)
    app.add_template_global(council_name)

    @app.context_processor
    def offer_context() -> dict[str, Any]:
        offer = current_app.extensions["localoffer.offer"]
        return {
            "offer": offer,
            "council": offer.council,
            "words": words,
            "statuses": STATUSES,
        }


def council_name() -> Markup:
    """The council's name for running text. council.yaml is written in English, so on a page
    in another language the name is marked as English (WCAG 3.1.2) and isolated (<bdi>): in
    a right-to-left sentence its letters, and the full stop or bracket after it, keep their
    order. Not for a page's <title>, which holds text only."""
    name = current_app.extensions["localoffer.offer"].council.name
    if current_language().code == DEFAULT_LANGUAGE:
        return escape(name)
    return Markup('<bdi lang="en" dir="ltr">%s</bdi>') % name


def service_navigation() -> list[dict[str, Any]]:
    """The menu's items for govukServiceNavigation, the page being read marked as current."""
    items = []
    for endpoint, label in NAV_ITEMS:
        href = url_for(endpoint)
        item = {"href": href, "text": label, "current": request.path == href}
        if endpoint == "pages.languages":
            item["html"] = GLOBE + Markup(" ") + escape(label)
        items.append(item)
    return items


def form_errors(form: Any) -> list[dict[str, str]]:
    """The error summary's list, each linking to the box or option that needs fixing."""
    items = []
    for field in form:
        if not field.errors:
            continue
        target = f"{field.id}-day" if field.type == "DateInputField" else field.id
        items.append({"text": str(field.errors[0]), "href": f"#{target}"})
    return items
