"""One handler for every error page, styled like the rest of the portal."""

from __future__ import annotations

from flask import Flask, render_template
from werkzeug.exceptions import HTTPException, InternalServerError

PAGES = (400, 404, 405, 413, 429, 500, 503)


def init_app(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> tuple[str, int]:
        code = error.code or 500
        template = f"errors/{code if code in PAGES else 500}.html"
        return render_template(template, code=code), code

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception) -> tuple[str, int]:
        # Log the cause for the council, show the young person a kind page, never a trace.
        app.logger.exception("Unhandled error", exc_info=error)
        return http_error(InternalServerError())
