"""`/api/v1/...`: JSON in, JSON out, every bad input named, never a 500."""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Flask, Response, current_app, jsonify, request

from localoffer.checker.service import check, result_json
from localoffer.clock import today
from localoffer.rules import InvalidAnswers, parse_answers
from localoffer.web.private import private
from localoffer.web.security import BODY_READ_ERRORS

bp = Blueprint("api", __name__, url_prefix="/api/v1")

# A real request is a few hundred bytes; 50 care periods fit easily in this.
MAX_BODY_BYTES = 16 * 1024


def errors(status: int, problems: dict[str, str]) -> tuple[Response, int]:
    return jsonify(errors=problems), status


def read_json_body() -> tuple[Any, tuple[Response, int] | None]:
    """The parsed body, or the error response explaining why there isn't one."""
    if request.mimetype != "application/json":
        return None, errors(
            415, {"content_type": "Send the answers with Content-Type: application/json"}
        )
    if (request.content_length or 0) > MAX_BODY_BYTES:
        return None, errors(413, {"body": f"Send at most {MAX_BODY_BYTES} bytes"})
    try:
        raw = request.stream.read(MAX_BODY_BYTES + 1)
    except BODY_READ_ERRORS:
        # A malformed chunked body: the parser's message quotes it, so it is not kept.
        return None, errors(400, {"body": "Send the body whole: it could not be read"})
    if len(raw) > MAX_BODY_BYTES:
        return None, errors(413, {"body": f"Send at most {MAX_BODY_BYTES} bytes"})
    try:
        data = json.loads(
            raw.decode("utf-8"), parse_constant=_reject_constant, object_pairs_hook=_JsonObject.of
        )
    except (ValueError, RecursionError):
        # ValueError covers bad UTF-8, bad JSON and NaN/Infinity, which JSON does not allow.
        return None, errors(400, {"body": "Send a valid JSON object encoded as UTF-8"})
    repeated = duplicate_fields(data)
    if repeated:
        return None, errors(400, repeated)
    return data, None


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not valid JSON")


class _JsonObject(dict[str, Any]):
    """A JSON object that remembers the names it was given more than once."""

    repeated: tuple[str, ...] = ()

    @classmethod
    def of(cls, pairs: list[tuple[str, Any]]) -> _JsonObject:
        obj = cls()
        repeated = []
        for name, value in pairs:
            if name in obj:
                repeated.append(name)
            else:
                obj[name] = value
        obj.repeated = tuple(dict.fromkeys(repeated))
        return obj


def duplicate_fields(data: Any) -> dict[str, str]:
    """Every field given more than once, named by its path as the validator names fields.

    JSON allows repeated names but leaves their meaning open; Python would keep the last, so
    a body saying two things about one answer would be checked on only one of them. Walked
    without recursion, since a body may nest as deep as the JSON parser allows.
    """
    found: dict[str, str] = {}
    waiting: list[tuple[Any, str]] = [(data, "")]
    while waiting:
        value, path = waiting.pop()
        if isinstance(value, _JsonObject):
            for name in value.repeated:
                found[f"{path}{name}"] = f"Send {name} only once: the body gives it more than once"
            waiting += [(item, f"{path}{name}.") for name, item in value.items()]
        elif isinstance(value, list):
            parent = path.removesuffix(".")
            waiting += [(item, f"{parent}[{index}].") for index, item in enumerate(value)]
    return found


@bp.post("/eligibility")
def eligibility() -> tuple[Response, int] | Response:
    data, problem = read_json_body()
    if problem:
        return problem
    try:
        answers, as_of = parse_answers(data, today=today())
    except InvalidAnswers as invalid:
        return errors(400, invalid.errors)
    result = check(answers, as_of, current_app.extensions["localoffer.offer"])
    response = jsonify(result_json(result))
    # The answers include a date of birth: no cache anywhere may keep the result.
    return private(response)


def init_limits(app: Flask) -> None:
    """The eligibility API's own limit per client (LOCALOFFER_API_RATE_LIMIT): each answer
    costs a few milliseconds, so one client must not be able to keep every worker busy."""
    from localoffer.feedback import limits

    limiter = app.extensions["localoffer.limiter"]
    # A decorated view is checked when it runs, so the registered view is the wrapped one.
    endpoint = f"{bp.name}.{eligibility.__name__}"
    app.view_functions[endpoint] = limiter.limit(limits.api_limit)(app.view_functions[endpoint])
