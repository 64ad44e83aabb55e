"""Staff roles: moderator (feedback), editor (drafts content), publisher (publishes); every
staff page lets in only the roles it allows."""

from __future__ import annotations

import pytest
from flask import Flask

from localoffer.feedback import service
from localoffer.moderation.roles import role_required

from .conftest import MODERATOR, PASSWORD, account, add_staff, signed_in

# Each staff page, how it is reached, and the roles it lets in.
FEEDBACK_ONLY = {"moderator"}
EVERY_ROLE = {"moderator", "editor", "publisher"}
CONTENT = {"editor", "publisher"}
PAGES = [
    ("GET", "/moderation/", EVERY_ROLE),
    ("GET", "/moderation/queue/", FEEDBACK_ONLY),
    ("GET", "/moderation/queue/?status=new", FEEDBACK_ONLY),
    ("GET", "/moderation/items/1/", FEEDBACK_ONLY),
    ("POST", "/moderation/items/1/", FEEDBACK_ONLY),
    ("POST", "/moderation/items/1/delete-contact", FEEDBACK_ONLY),
    ("GET", "/moderation/export.csv", FEEDBACK_ONLY),
    ("GET", "/moderation/content/", CONTENT),
    ("GET", "/moderation/content/graduation-costs/", CONTENT),
]


@pytest.fixture
def staff_of_each_role(staff_app: Flask) -> Flask:
    for role in sorted(EVERY_ROLE):
        add_staff(staff_app, f"{role}@council.example", role)
    with staff_app.extensions["localoffer.db"].sessions() as session:
        submission = service.new_submission(kind="general", language="en", message="Hello")
        service.save(session, submission, "someone@example.org")
    return staff_app


@pytest.mark.parametrize("role", sorted(EVERY_ROLE))
def test_every_staff_page_refuses_the_roles_it_does_not_allow(
    staff_of_each_role: Flask, role: str
) -> None:
    """Each page answers a role it allows and refuses the others with a clear 403 page."""
    client = signed_in(staff_of_each_role, f"{role}@council.example")
    for method, url, allowed in PAGES:
        data = {"status": "in_review", "public_message": "", "public_response": ""}
        response = client.open(url, method=method, data=data if method == "POST" else None)
        if role in allowed:
            assert response.status_code in (200, 302), (method, url, response.status_code)
        else:
            assert response.status_code == 403, (method, url, role)
            assert "You cannot use this page" in response.get_data(as_text=True)
            assert "someone@example.org" not in response.get_data(as_text=True)


def test_every_staff_page_is_guarded_by_a_role(staff_app: Flask) -> None:
    """The URL map gives every staff page; each says which roles it lets in."""
    for rule in staff_app.url_map.iter_rules():
        if rule.endpoint.startswith("moderation."):
            view = staff_app.view_functions[rule.endpoint]
            assert getattr(view, "staff_roles", None), rule.rule


def test_the_dashboard_shows_feedback_only_to_moderators(staff_of_each_role: Flask) -> None:
    """An editor's dashboard has the content reviews but neither feedback counts nor queue."""
    editor = signed_in(staff_of_each_role, "editor@council.example")
    page = editor.get("/moderation/").get_data(as_text=True)
    assert "Content reviews overdue" in page
    assert "Feedback by status" not in page and "/moderation/queue/" not in page


def test_moderators_add_takes_several_roles_and_defaults_to_moderator(staff_app: Flask) -> None:
    """`--role` repeats; without it an account is a moderator, as every account was before."""
    add_staff(staff_app, "both@council.example", "editor", "publisher")
    add_staff(staff_app, MODERATOR)
    assert account(staff_app, "both@council.example").roles == {"editor", "publisher"}
    assert account(staff_app).roles == {"moderator"}


def test_moderators_add_refuses_a_role_that_does_not_exist(staff_app: Flask) -> None:
    """An unknown role is named in the error and adds no one."""
    result = staff_app.test_cli_runner().invoke(
        args=["moderators", "add", MODERATOR, "--role", "admin"], input=f"{PASSWORD}\n" * 2
    )
    assert result.exit_code != 0
    assert "'admin' is not one of 'moderator', 'editor', 'publisher'" in result.output
    assert staff_app.test_cli_runner().invoke(args=["moderators", "list"]).output == ""


def test_changing_roles_signs_the_account_out_so_they_apply_at_once(staff_app: Flask) -> None:
    """Taking the moderator role away ends the sessions that had it."""
    add_staff(staff_app)
    client = signed_in(staff_app)
    result = staff_app.test_cli_runner().invoke(
        args=["moderators", "roles", MODERATOR, "--role", "editor"]
    )
    assert result.exit_code == 0 and "is now editor" in result.output
    assert client.get("/moderation/queue/").status_code == 302
    assert signed_in(staff_app).get("/moderation/queue/").status_code == 403


def test_role_required_refuses_a_misspelt_role() -> None:
    """A typo in a page's roles fails when the page is defined, not by letting everyone in."""
    with pytest.raises(ValueError, match="moderator, editor, publisher"):
        role_required("editr")
