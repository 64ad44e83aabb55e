"""Which staff role each page needs: one decorator for views, one hook for whole blueprints.

`moderator` reads and answers feedback, `editor` drafts content, `publisher` publishes it; one
account may hold several. Content pages under /moderation/content/ are meant to use
`@role_required("editor", "publisher")` (or one of them) like the feedback pages below.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import Blueprint
from werkzeug.wrappers import Response

from localoffer.feedback.models import STAFF_ROLES
from localoffer.moderation import auth

View = TypeVar("View", bound=Callable[..., Any])


def _checked(roles: tuple[str, ...]) -> frozenset[str]:
    unknown = set(roles) - set(STAFF_ROLES)
    if not roles or unknown:
        raise ValueError(f"Name one or more of {', '.join(STAFF_ROLES)}, not {sorted(unknown)}")
    return frozenset(roles)


def role_required(*roles: str) -> Callable[[View], View]:
    """Only staff holding one of `roles` may open the page; others are refused with 403."""
    allowed = _checked(roles)

    def decorate(view: View) -> View:
        @wraps(view)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            refusal = auth.require_staff(allowed)
            return refusal if refusal is not None else view(*args, **kwargs)

        guarded.staff_roles = allowed  # type: ignore[attr-defined]
        return guarded  # type: ignore[return-value]

    return decorate


def blueprint_requires(blueprint: Blueprint, *roles: str) -> None:
    """Every page of `blueprint` needs one of `roles`, unless its view says otherwise."""
    allowed = _checked(roles)

    @blueprint.before_request
    def signed_in_with_role() -> Response | None:
        return auth.require_staff(allowed)
