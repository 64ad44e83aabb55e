"""/leaflet/ (the whole offer on one page, to read or print) and /leaflet.pdf (the same
leaflet as an A4 PDF to download), each in every language: the same for everyone."""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, request
from flask import render_template as render

from localoffer.clock import today
from localoffer.content import THEMES
from localoffer.i18n import current_language, localised_route
from localoffer.leaflet import pdf as pdf_files
from localoffer.leaflet.contents import Leaflet, build

bp = Blueprint("leaflet", __name__)
PDF_MAX_AGE = 300  # like the pages: a browser or CDN revalidates after five minutes


def current_leaflet() -> Leaflet:
    return build(current_app.extensions["localoffer.offer"], THEMES, today())


@localised_route(bp, "/leaflet/")
def page() -> str:
    return render("leaflet/page.html", leaflet=current_leaflet())


@localised_route(bp, "/leaflet.pdf")
def pdf() -> Response:
    lang = current_language().code
    html = render("leaflet/document.html", leaflet=current_leaflet())
    try:
        made = pdf_files.cached_pdf(lang, html)
    except pdf_files.PdfUnavailable:  # pragma: no cover - depends on the machine
        current_app.logger.exception("The leaflet's PDF cannot be made on this server")
        abort(503)
    response = Response(made.body, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="local-offer-{lang}.pdf"'
    response.headers["Cache-Control"] = f"public, max-age={PDF_MAX_AGE}"
    response.set_etag(made.etag)
    response.make_conditional(request)
    return response
