"""Logs that never hold a query string: the checker's share link carries a date of birth in one.

Production's access log (gunicorn.conf.py) already leaves query strings out; this covers the
development server (`make run`), whose request lines Werkzeug logs whole.
"""

from __future__ import annotations

import logging
import re

from flask import Flask

QUERY_STRING = re.compile(r"\?[^\s\"']*")


class WithoutQueryStrings(logging.Filter):
    """Cut `?...` out of every text argument of a log record (request lines, bad requests)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                QUERY_STRING.sub("", arg) if isinstance(arg, str) else arg for arg in record.args
            )
        if isinstance(record.msg, str) and not record.args:
            record.msg = QUERY_STRING.sub("", record.msg)
        return True


def init_app(app: Flask) -> None:
    werkzeug = logging.getLogger("werkzeug")
    # Once per process, however many apps are made (tests make many).
    if not any(isinstance(f, WithoutQueryStrings) for f in werkzeug.filters):
        werkzeug.addFilter(WithoutQueryStrings())
