"""Configuration from LOCALOFFER_* environment variables, with safe defaults for local use."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent
# The checkout's top folder. An installed wheel has no such folder: see site_folder().
PROJECT_ROOT = PACKAGE_DIR.parent


def site_folder(name: str) -> Path:
    """`static`, `translations` or `content`: the copy inside an installed wheel, else the
    checkout's own folder (the wheel's build puts them under localoffer/shipped/)."""
    shipped = PACKAGE_DIR / "shipped" / name
    return shipped if shipped.is_dir() else PROJECT_ROOT / name


STATIC_DIR = site_folder("static")
TRANSLATIONS_DIR = site_folder("translations")


class ConfigurationError(RuntimeError):
    """The portal was asked to start in a way that would be unsafe or cannot work."""


def content_dirs(environ: Mapping[str, str] | None = None) -> tuple[Path, Path]:
    """Where national content and this council's content live."""
    environ = os.environ if environ is None else environ
    content = Path(environ.get("LOCALOFFER_CONTENT_DIR") or site_folder("content"))
    council = Path(environ.get("LOCALOFFER_COUNCIL_DIR") or content / "council")
    return content, council


def from_environment(
    instance_path: str, environ: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """Build the Flask config mapping from the environment."""
    environ = os.environ if environ is None else environ
    production = environ.get("LOCALOFFER_ENV", "development") == "production"
    secret = environ.get("LOCALOFFER_SECRET_KEY")
    if production and not secret:
        raise ConfigurationError("Set LOCALOFFER_SECRET_KEY: production needs a fixed secret key")
    trusted_hosts = _names(environ, "LOCALOFFER_TRUSTED_HOSTS")
    if production and not trusted_hosts:
        # Without it any Host header is believed: links, redirects and the page cache would
        # carry whatever name a request claims.
        raise ConfigurationError(
            "Set LOCALOFFER_TRUSTED_HOSTS to the host names the site answers to, comma-separated "
            "(e.g. careleavers.example.gov.uk): production needs them"
        )
    content, council = content_dirs(environ)
    database = environ.get("LOCALOFFER_DATABASE_URL") or (
        f"sqlite:///{Path(instance_path) / 'localoffer.sqlite3'}"
    )
    return {
        "ENV_NAME": "production" if production else "development",
        # A random key in development means sessions end when the server restarts; that is
        # fine locally and never happens in production, where the key is required.
        "SECRET_KEY": secret or secrets.token_hex(32),
        "DATABASE_URL": database,
        "CONTENT_DIR": content,
        "COUNCIL_DIR": council,
        "SESSION_COOKIE_SECURE": production,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "MAX_CONTENT_LENGTH": 64 * 1024,
        "TIMEZONE": "Europe/London",
        # Feedback and moderation: counters in this process unless a shared store is named
        # (e.g. redis://host:6379), which several workers need to share one limit.
        "RATELIMIT_STORAGE_URI": environ.get("LOCALOFFER_RATELIMIT_STORAGE_URI") or "memory://",
        "FEEDBACK_RATE_LIMIT": environ.get("LOCALOFFER_FEEDBACK_RATE_LIMIT")
        or "10 per minute;100 per hour",
        # The eligibility API is for other services (a case system checking many young people
        # in a row): a generous limit of its own, far above any person's use of the checker.
        "API_RATE_LIMIT": environ.get("LOCALOFFER_API_RATE_LIMIT") or "600 per minute",
        # The checker's answers are refused after this long unused, and this long after the
        # visit started, so a shared computer does not keep them for the next person.
        "CHECKER_IDLE_MINUTES": _positive_int(environ, "LOCALOFFER_CHECKER_IDLE_MINUTES", 30),
        "CHECKER_MAX_HOURS": _positive_int(environ, "LOCALOFFER_CHECKER_MAX_HOURS", 2),
        "CONTACT_RETENTION_DAYS": _positive_int(environ, "LOCALOFFER_CONTACT_RETENTION_DAYS", 90),
        "MODERATION_TIMEOUT_MINUTES": _positive_int(
            environ, "LOCALOFFER_MODERATION_TIMEOUT_MINUTES", 30
        ),
        # How many reverse proxies (load balancer, nginx...) stand in front of the portal:
        # their X-Forwarded-* headers are trusted so rate limits see the real client.
        "TRUSTED_PROXIES": _count(environ, "LOCALOFFER_TRUSTED_PROXIES"),
        # The names the site answers to; any other Host header gets 400, so nobody can make
        # the portal write links (or fill its page cache) with a host of their choosing.
        "TRUSTED_HOSTS": trusted_hosts,
        # Staff signing in with a password must also give a one-time code: always in
        # production, and in development when asked for (to try it out).
        "REQUIRE_TWO_FACTOR": production
        or _switch(environ, "LOCALOFFER_REQUIRE_TWO_FACTOR"),
        # A publisher may not publish a draft they wrote themselves: a second pair of eyes.
        "CONTENT_TWO_PERSON_RULE": _switch(environ, "LOCALOFFER_CONTENT_TWO_PERSON_RULE"),
        # How often, at most, each worker asks the database whether the offer has changed.
        "CONTENT_POLL_SECONDS": _positive_int(environ, "LOCALOFFER_CONTENT_POLL_SECONDS", 3),
        **_single_sign_on(environ),
        "SMTP": _smtp(environ),
    }


def _smtp(environ: Mapping[str, str]) -> dict[str, Any] | None:
    """Where `content reminders` sends its email; None when no server is named."""
    host = environ.get("LOCALOFFER_SMTP_HOST", "").strip()
    if not host:
        return None
    return {
        "host": host,
        "port": _positive_int(environ, "LOCALOFFER_SMTP_PORT", 25),
        "starttls": _switch(environ, "LOCALOFFER_SMTP_STARTTLS"),
        "username": environ.get("LOCALOFFER_SMTP_USERNAME", "").strip() or None,
        "password": environ.get("LOCALOFFER_SMTP_PASSWORD") or None,
        "sender": environ.get("LOCALOFFER_MAIL_FROM", "").strip() or f"local-offer@{host}",
    }


def _switch(environ: Mapping[str, str], name: str) -> bool:
    raw = environ.get(name, "").strip().lower()
    if raw in ("", "0", "no", "false", "off"):
        return False
    if raw in ("1", "yes", "true", "on"):
        return True
    raise ConfigurationError(f"Set {name} to yes or no, not {raw!r}")


def _single_sign_on(environ: Mapping[str, str]) -> dict[str, Any]:
    """OpenID Connect sign-in for staff (Microsoft Entra ID or any other provider)."""
    issuer = environ.get("LOCALOFFER_OIDC_ISSUER", "").strip()
    client_id = environ.get("LOCALOFFER_OIDC_CLIENT_ID", "").strip()
    secret = environ.get("LOCALOFFER_OIDC_CLIENT_SECRET", "").strip()
    domains = _names(environ, "LOCALOFFER_OIDC_EMAIL_DOMAINS") or []
    domains = [domain.lower().lstrip("@") for domain in domains]
    group = environ.get("LOCALOFFER_OIDC_GROUP", "").strip()
    if not issuer:
        return {"OIDC": None}
    if not client_id or not secret:
        raise ConfigurationError(
            "Set LOCALOFFER_OIDC_CLIENT_ID and LOCALOFFER_OIDC_CLIENT_SECRET as well as "
            "LOCALOFFER_OIDC_ISSUER"
        )
    if not domains and not group:
        # Without either, anyone the provider knows (any tenant, for a multi-tenant one)
        # whose address matches a staff account could sign in.
        raise ConfigurationError(
            "Set LOCALOFFER_OIDC_EMAIL_DOMAINS or LOCALOFFER_OIDC_GROUP (or both) to say "
            "whose single sign-on accounts may be used"
        )
    return {
        "OIDC": {
            "issuer": issuer.rstrip("/"),
            "client_id": client_id,
            "client_secret": secret,
            "email_domains": domains,
            "group": group or None,
            "group_claim": environ.get("LOCALOFFER_OIDC_GROUP_CLAIM", "").strip() or "groups",
            "scopes": environ.get("LOCALOFFER_OIDC_SCOPES", "").strip() or "openid email profile",
        }
    }


def _names(environ: Mapping[str, str], name: str) -> list[str] | None:
    names = [part.strip() for part in environ.get(name, "").split(",") if part.strip()]
    return names or None


def _count(environ: Mapping[str, str], name: str) -> int:
    raw = environ.get(name)
    if not raw:
        return 0
    if not raw.strip().isdigit():
        raise ConfigurationError(f"Set {name} to a whole number (0 for none), not {raw!r}")
    return int(raw)


def _positive_int(environ: Mapping[str, str], name: str, default: int) -> int:
    raw = environ.get(name)
    if not raw:
        return default
    if not raw.strip().isdigit() or int(raw) < 1:
        raise ConfigurationError(f"Set {name} to a whole number of 1 or more, not {raw!r}")
    return int(raw)
