"""What every template can see: the offer, the council, and the design system's macros."""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app, request, url_for
from flask_babel import lazy_gettext as _l
from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader

from localoffer.rules.vocabulary import STATUSES
from localoffer.web import words

NAV_ITEMS = (
    ("pages.home", _l("Home")),
    ("checker.start", _l("Check what you can get")),
    ("pages.contacts", _l("Contacts")),
    ("pages.glossary", _l("Words we use")),
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

    @app.context_processor
    def offer_context() -> dict[str, Any]:
        offer = current_app.extensions["localoffer.offer"]
        return {
            "offer": offer,
            "council": offer.council,
            "words": words,
            "statuses": STATUSES,
        }


def service_navigation() -> list[dict[str, Any]]:
    """The menu's items for govukServiceNavigation, the page being read marked as current."""
    items = []
    for endpoint, label in NAV_ITEMS:
        href = url_for(endpoint)
        items.append({"href": href, "text": label, "current": request.path == href})
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
