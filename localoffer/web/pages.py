"""The offer itself: home, themes, entitlements, glossary, contacts and the fixed pages."""

from __future__ import annotations

import re

from flask import (
    Blueprint,
    abort,
    current_app,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.blueprints import BlueprintSetupState
from werkzeug.routing import BaseConverter
from werkzeug.wrappers import Response

from localoffer.clock import today
from localoffer.content import KINDS, THEMES, Offer
from localoffer.i18n import KNOWN_LANGUAGES, current_language, localised_route, same_page_in
from localoffer.web.localise import glossary_checked_on

bp = Blueprint("pages", __name__)


@bp.record_once
def register_converter(state: BlueprintSetupState) -> None:
    state.app.url_map.converters["theme"] = ThemeConverter


class ThemeConverter(BaseConverter):
    """Only real theme ids, so /ar/anything/ is never mistaken for a theme's page."""

    regex = "(?:" + "|".join(re.escape(theme) for theme in THEMES) + ")"


def offer() -> Offer:
    return current_app.extensions["localoffer.offer"]


@localised_route(bp, "/")
def home() -> str:
    return render_template("pages/home.html", themes=THEMES)


@localised_route(bp, "/themes/<theme:theme>/")
def theme(theme: str) -> str:
    if theme not in THEMES:
        abort(404)
    items = offer().in_theme(theme)
    groups = [(kind, [e for e in items if e.kind == kind]) for kind in KINDS]
    return render_template("pages/theme.html", theme=theme, groups=[g for g in groups if g[1]])


# Each retired entitlement's id and theme, kept up to date by the content editing feature.
RETIRED = "localoffer.retired"


@localised_route(bp, "/<theme:theme>/<entitlement_id>/")
def entitlement(theme: str, entitlement_id: str) -> str | Response | tuple[str, int]:
    item = offer().get(entitlement_id)
    if item is None and current_app.extensions.get(RETIRED, {}).get(entitlement_id) == theme:
        # Retired by the council: say so, and where to look instead.
        return render_template("pages/retired.html", theme=theme), 410
    if item is None:
        abort(404)
    if item.theme != theme:
        # An id is never reused, so an entitlement moved to another theme (the bus pass
        # left "Having your say" for "Money") keeps every old link, bookmark and leaflet.
        return redirect(url_for("pages.entitlement", theme=item.theme, entitlement_id=item.id),
                        code=301)  # fmt: skip
    # The figure in force today: a dated change shows on the day it takes effect.
    return render_template("pages/entitlement.html", item=item, amount=item.amount_on(today()))


@localised_route(bp, "/glossary/")
def glossary() -> str:
    """Every term, in the reader's language where translated, in English (marked) otherwise."""
    lang = current_language().code
    translation = offer().glossary_translations.get(lang)
    rows = []
    for term in offer().glossary:
        translated = translation.terms.get(term.id) if translation else None
        rows.append((translated or term, "en" if lang != "en" and translated is None else lang))
    if lang != "en":
        rows.sort(key=lambda row: row[0].term.casefold())
    return render_template("pages/glossary.html", rows=rows, translation=translation,
                           checked_on=glossary_checked_on(lang))  # fmt: skip


@localised_route(bp, "/contacts/")
def contacts() -> str:
    return render_template("pages/contacts.html")


@localised_route(bp, "/accessibility/")
def accessibility() -> str:
    return render_template("pages/accessibility.html")


@localised_route(bp, "/privacy/")
def privacy() -> str:
    return render_template("pages/privacy.html")


@localised_route(bp, "/languages/")
def languages() -> Response:
    """Every language the site is in, each named in itself, linking to the page the reader
    was on in that language. One link in the header leads here, so a phone's first screen
    is not taken by eight names."""
    codes = current_app.config["LANGUAGES"]
    choices = [
        (KNOWN_LANGUAGES[code], same_page_in(code, request.referrer))
        for code in codes
        if code in KNOWN_LANGUAGES
    ]
    response = make_response(render_template("pages/languages.html", choices=choices))
    # The links depend on the page it was opened from: no cache may give one reader's
    # copy to another.
    response.vary.add("Referer")
    return response
