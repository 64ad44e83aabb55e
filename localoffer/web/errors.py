"""One handler for every error page, styled like the rest of the portal."""

from __future__ import annotations

from flask import Flask, Response, jsonify, render_template, request
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from werkzeug.exceptions import (
    HTTPException,
    InternalServerError,
    SecurityError,
    ServiceUnavailable,
)

from localoffer.feedback import limits

PAGES = (400, 403, 404, 405, 413, 429, 500, 503)


def log_database_unavailable(app: Flask, error: Exception) -> None:
    """Log that the database is down, locked or not the one opened: only the driver's first
    line (e.g. "connection refused"), never the statement or what the person sent."""
    cause = getattr(error, "orig", None) or error
    summary = (str(cause).splitlines() or [""])[0][:200]
    app.logger.error("Database unavailable (%s): %s", type(cause).__name__, summary)


def init_app(app: Flask) -> None:
    @app.errorhandler(SecurityError)
    def untrusted_host(error: SecurityError) -> tuple[str, int, dict[str, str]]:
        # The request names a host we do not serve: no page can be built for it (links would
        # carry that host), so answer plainly.
        return "Bad request: unknown host", 400, {"Content-Type": "text/plain; charset=utf-8"}

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> tuple[str | Response, int, dict[str, str]]:
        code = error.code or 500
        # Every 429 says when to come back, for people and for scripts alike.
        headers = {"Retry-After": str(limits.retry_after())} if code == 429 else {}
        if request.path.startswith("/api/"):
            # API clients get JSON in the same shape as validation errors.
            return jsonify(errors={"request": error.description or error.name}), code, headers
        template = f"errors/{code if code in PAGES else 500}.html"
        return render_template(template, code=code), code, headers

    @app.errorhandler(OperationalError)
    @app.errorhandler(InterfaceError)
    @app.errorhandler(PoolTimeoutError)
    def database_unavailable(error: Exception) -> tuple[str | Response, int, dict[str, str]]:
        # The database is down, unreachable or locked: "try again later" is the truth, and
        # /healthz says the same to the load balancer.
        log_database_unavailable(app, error)
        return http_error(ServiceUnavailable())

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception) -> tuple[str | Response, int, dict[str, str]]:
        # Log the cause for the council, show the young person a kind page, never a trace.
        app.logger.exception("Unhandled error", exc_info=error)
        return http_error(InternalServerError())
