"""Single sign-on through a real OpenID Connect provider on loopback: the authorization-code
flow with PKCE, the portal's own accounts deciding who may sign in, state checked, sign-out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit, urlunsplit

import pytest
import requests
from flask import Flask

from localoffer import create_app
from localoffer.config import ConfigurationError, from_environment
from localoffer.content import Offer

from . import oidc_provider
from .conftest import add_staff
from .oidc_provider import Provider, back_at_portal, sign_in_at_provider


@pytest.fixture(scope="session")
def provider() -> Iterator[Provider]:
    process, running = oidc_provider.start()
    yield running
    oidc_provider.stop(process)


@pytest.fixture
def sso_app(provider: Provider, shipped_offer: Offer, tmp_path: Path) -> Flask:
    settings = from_environment(str(tmp_path), {
        "LOCALOFFER_OIDC_ISSUER": provider.issuer,
        "LOCALOFFER_OIDC_CLIENT_ID": provider.client_id,
        "LOCALOFFER_OIDC_CLIENT_SECRET": provider.client_secret,
        "LOCALOFFER_OIDC_EMAIL_DOMAINS": "council.example",
        "LOCALOFFER_OIDC_GROUP": "portal-staff",
        "LOCALOFFER_OIDC_SCOPES": "openid email groups",
    })  # fmt: skip
    app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "OFFER": shipped_offer,
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'sso.sqlite3'}",
                      "OIDC": settings["OIDC"], "REQUIRE_TWO_FACTOR": True})  # fmt: skip
    add_staff(app, "moderator@council.example")
    add_staff(app, "editor@council.example", "editor")
    return app


def test_a_staff_member_signs_in_through_the_provider_with_pkce(sso_app: Flask) -> None:
    """The code flow with an S256 challenge signs a known account in, to the page asked for."""
    portal = sso_app.test_client()
    asked, back = sign_in_at_provider(portal, "moderator", "/moderation/queue/")
    query = parse_qs(urlsplit(asked).query)
    assert query["code_challenge_method"] == ["S256"] and query["code_challenge"][0]
    assert query["response_type"] == ["code"] and query["state"][0]
    response = back_at_portal(portal, back)
    assert response.status_code == 302 and response.headers["Location"] == "/moderation/queue/"
    assert portal.get("/moderation/queue/").status_code == 200


@pytest.mark.parametrize("login", ["stranger", "outsider", "not-in-group"])
def test_accounts_the_portal_does_not_allow_are_refused(sso_app: Flask, login: str) -> None:
    """No staff account, another domain, or outside the group: refused, nothing opened."""
    portal = sso_app.test_client()
    response = back_at_portal(portal, sign_in_at_provider(portal, login)[1])
    assert response.status_code == 403
    assert "does not have access to this portal&#39;s staff pages" in response.get_data(
        as_text=True
    )
    assert portal.get("/moderation/").status_code == 302


def test_a_wrong_state_is_refused(sso_app: Flask) -> None:
    """A callback whose state is not the one this browser was given signs no one in."""
    portal = sso_app.test_client()
    back = sign_in_at_provider(portal, "moderator")[1]
    forged = back.replace("state=", "state=forged")
    response = back_at_portal(portal, forged)
    assert response.status_code == 400
    assert "did not work" in response.get_data(as_text=True)
    assert portal.get("/moderation/").status_code == 302
    stranger = sso_app.test_client()  # a callback carried to another browser is refused too
    assert back_at_portal(stranger, back).status_code == 400


def test_signing_out_ends_the_session_here_and_offers_to_end_it_at_the_provider(
    sso_app: Flask, provider: Provider
) -> None:
    """Sign-out ends the portal's session, then a link ends the provider's (a form may not
    redirect to another site under the pages' form-action 'self')."""
    portal = sso_app.test_client()
    back_at_portal(portal, sign_in_at_provider(portal, "moderator")[1])
    assert portal.get("/moderation/").status_code == 200
    response = portal.post("/moderation/logout")
    assert response.headers["Location"] == "/moderation/login?signed_out=1"
    assert portal.get("/moderation/").status_code == 302
    page = portal.get("/moderation/login?signed_out=1").get_data(as_text=True)
    assert 'href="/moderation/sso/sign-out"' in page
    target = urlsplit(portal.get("/moderation/sso/sign-out").headers["Location"])
    assert f"{target.scheme}://{target.netloc}" == provider.issuer
    query = parse_qs(target.query)
    assert query["id_token_hint"][0]
    assert query["post_logout_redirect_uri"] == [oidc_provider.SIGNED_OUT]
    with requests.Session() as browser:  # the provider accepts the request to sign out
        assert browser.get(urlunsplit(target), timeout=10).status_code == 200
    again = portal.get("/moderation/sso/sign-out")
    assert again.headers["Location"] == "/moderation/login?signed_out=1"


def test_single_sign_on_settings_must_say_whose_accounts_count() -> None:
    """An issuer without client details, or without a domain or group, refuses to start."""
    issuer = {"LOCALOFFER_OIDC_ISSUER": "https://login.example/tenant/v2.0"}
    with pytest.raises(ConfigurationError, match="LOCALOFFER_OIDC_CLIENT_ID"):
        from_environment("/tmp", issuer)
    client = {**issuer, "LOCALOFFER_OIDC_CLIENT_ID": "id", "LOCALOFFER_OIDC_CLIENT_SECRET": "s"}
    with pytest.raises(ConfigurationError, match="LOCALOFFER_OIDC_EMAIL_DOMAINS"):
        from_environment("/tmp", client)
