"""What the browser tests visit: every page the crawler finds, and each form's states.

Pages are discovered, not listed: the crawler starts at the home page of every language in
`app.config["LANGUAGES"]` and follows every internal link. Form states cannot be crawled
(an error appears only after a submission, a result only after answers), so they are
listed here, each with the answers that lead to it, and checked in every language too.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pyotp
from flask import Flask
from sqlalchemy import select
from test_pages import crawl
from werkzeug.exceptions import MethodNotAllowed, NotFound
from werkzeug.routing import RequestRedirect

from localoffer import create_app
from localoffer.feedback import db, service
from localoffer.feedback.models import Moderator, utc_now
from localoffer.i18n import KNOWN_LANGUAGES
from localoffer.moderation import signoff

# The day the checker's ages and dates are worked out on, so results never drift.
TODAY = date(2026, 11, 23)
MISSING_PAGE = "/no-such-page/"
# The page a reviewer opens beside its English in the browser tests.
REVIEWED_PAGE = "national/housing/local-connection.md"


def make_app(folder: Path) -> Flask:
    """The shipped portal as a visitor meets it: real CSRF, shipped content, its own database,
    and a moderator with one suggestion waiting for a reply (item 1), to check their pages."""
    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "browser-tests",
        "TODAY": TODAY,
        "DATABASE_URL": f"sqlite:///{folder / 'browser.sqlite3'}",
        # Every form is sent in every language from one address: well over a person's limit.
        "FEEDBACK_RATE_LIMIT": "1000 per minute",
        "LOGIN_RATE_LIMIT": "1000 per minute",
    })  # fmt: skip
    password = MODERATOR[1][1]
    # Every role, so that the signed-in states cover the content editing pages too.
    roles = ["--role", "moderator", "--role", "editor", "--role", "publisher",
             "--role", "reviewer", "--language", "ar", "--language", "vi"]  # fmt: skip
    added = app.test_cli_runner().invoke(
        args=["moderators", "add", MODERATOR[0][1], *roles], input=f"{password}\n{password}\n"
    )
    assert added.exit_code == 0, added.output
    # A second account with two-factor sign-in set up, to reach the page asking for its code.
    added = app.test_cli_runner().invoke(
        args=["moderators", "add", TWO_FACTOR[0][1]], input=f"{password}\n{password}\n"
    )
    assert added.exit_code == 0, added.output
    with app.test_request_context():
        account = db.session().scalar(select(Moderator).where(Moderator.email == TWO_FACTOR[0][1]))
        account.totp_secret, account.totp_confirmed_at = pyotp.random_base32(), utc_now()
        db.session().commit()
    with app.test_request_context():
        # An Arabic check of a page whose English has changed since: the review page then
        # shows what changed, and the list shows the check as lapsed.
        english = (Path(app.config["CONTENT_DIR"]) / REVIEWED_PAGE).read_text(encoding="utf-8")
        db.session().add(signoff.TranslationCheck(
            lang="ar", file=REVIEWED_PAGE, source_hash="0" * 12, checked_by=MODERATOR[0][1],
            source_text="[title]\nLocal connection\n\n[summary]\n" + english[:300],
        ))  # fmt: skip
        db.session().commit()
    item = app.extensions["localoffer.offer"].entitlements[0]
    with app.test_request_context():
        suggestion = service.new_submission(
            kind="suggestion", language="en", page=f"/{item.theme}/{item.id}/",
            theme=item.theme, entitlement_id=item.id, role="care_leaver",
            message="Please say how long it takes to get an answer.",
            reason="I waited three weeks and did not know if that was normal.",
        )  # fmt: skip
        service.save(db.session(), suggestion, "young.person@example.org")
    return app


def prefix(lang: str) -> str:
    return "" if lang == "en" else f"/{lang}"


def language_of(url: str, languages: tuple[str, ...]) -> str:
    first = url.strip("/").split("/")[0]
    return first if first in languages else "en"


@dataclass(frozen=True)
class Visit:
    """One page in one language, checked on its own."""

    lang: str
    url: str

    @property
    def id(self) -> str:
        return self.url if self.lang == "en" else self.url.removeprefix(prefix(self.lang))


@cache
def _discovery() -> tuple[Flask, tuple[Visit, ...]]:
    # Collection needs the list before any fixture exists; `forget` removes the folder.
    folder = Path(tempfile.mkdtemp(prefix="localoffer-browser-"))
    app = make_app(folder)
    app.extensions["browser-tests.folder"] = folder
    languages = tuple(app.config["LANGUAGES"])
    client = app.test_client()
    pages: dict[str, Any] = {}
    for lang in languages:
        home = prefix(lang) + "/"
        if home not in pages:
            pages.update(crawl(client, home))
    visits = [Visit(language_of(url, languages), url) for url in pages]
    visits += [Visit(lang, prefix(lang) + MISSING_PAGE) for lang in languages]
    return app, tuple(sorted(visits, key=lambda v: (languages.index(v.lang), v.url)))


def forget() -> None:
    """Remove what discovery made, once the run no longer needs it."""
    if _discovery.cache_info().currsize:
        shutil.rmtree(discovery_app().extensions["browser-tests.folder"], ignore_errors=True)
        _discovery.cache_clear()


def discovery_app() -> Flask:
    return _discovery()[0]


def languages() -> tuple[str, ...]:
    return tuple(discovery_app().config["LANGUAGES"])


def english_and_right_to_left() -> tuple[str, ...]:
    """English and the first shipped right-to-left language: the two layouts to drive by hand."""
    rtl = [code for code in languages() if KNOWN_LANGUAGES[code].direction == "rtl"]
    return ("en", *rtl[:1])


def every_page() -> tuple[Visit, ...]:
    """Every crawled page plus the not-found page, in every shipped language."""
    return _discovery()[1]


# ---------------------------------------------------------------------------------------
# Form states
# ---------------------------------------------------------------------------------------

Answer = tuple[str, tuple[tuple[str, str], ...]]  # (path posted to, form fields)

# Signing in is posting the login form like any other answer.
MODERATOR = (("email", "moderator@council.example"), ("password", "correct horse battery staple"))
SIGNED_IN: Answer = ("/moderation/login", MODERATOR)
# An account with two-factor sign-in: its password leads to the page asking for a code.
TWO_FACTOR = (("email", "two.factor@council.example"), MODERATOR[1])
PASSWORD_GIVEN: Answer = ("/moderation/login", TWO_FACTOR)


def _date(name: str, day: int, month: int, year: int) -> tuple[tuple[str, str], ...]:
    # GOV.UK's date input: three boxes sharing the field's name, in day, month, year order.
    return ((name, str(day)), (name, str(month)), (name, str(year)))


ROUTE_DATES: Answer = ("/check/route/", (("answer", "dates"),))
ROUTE_ROUGH: Answer = ("/check/route/", (("answer", "rough"),))
BORN_2007: Answer = ("/check/date-of-birth/", _date("answer", 1, 5, 2007))
CARE_2021_TO_2025: Answer = (
    "/check/care-periods/0/",
    (*_date("start", 1, 6, 2021), *_date("end", 30, 4, 2025), ("short_break", "no")),
)
NO_OTHER_CARE: Answer = ("/check/care-periods/", (("answer", "no"),))
NOT_IN_CARE_NOW: Answer = ("/check/in-care-now/", (("answer", "no"),))
CARE_AFTER_16: Answer = ("/check/care-after-16/", (("answer", "yes"),))
LONG_IN_CARE: Answer = ("/check/time-in-care/", (("answer", "long"),))
NO_SGO: Answer = ("/check/special-guardianship/", (("answer", "no"),))
NO_CUSTODY: Answer = ("/check/custody/", (("answer", "no"),))
NOT_HOME_WITH_A_PARENT: Answer = ("/check/lived-with-parent/", (("answer", "no"),))
AT_UNIVERSITY: Answer = ("/check/education/", (("answer", "higher"),))
# The optional questions: one of each kind of answer, and one left blank.
A_PARENT: Answer = ("/check/parent/", (("answer", "yes"),))
CAME_ALONE_NOT_SAID: Answer = ("/check/came-to-uk-alone/", (("answer", "prefer_not"),))
NOT_DISABLED: Answer = ("/check/disability/", (("answer", "no"),))
LIVES_IN_THE_AREA: Answer = ("/check/where-you-live/", (("answer", "yes"),))
CUSTODY_LEFT_BLANK: Answer = ("/check/in-custody-now/", ())
OPTIONAL_ANSWERED = (A_PARENT, CAME_ALONE_NOT_SAID, NOT_DISABLED, LIVES_IN_THE_AREA,
                     CUSTODY_LEFT_BLANK)  # fmt: skip

DATES_UP_TO_QUESTIONS = (ROUTE_DATES, BORN_2007, CARE_2021_TO_2025, NO_OTHER_CARE)
DATES_UP_TO_OPTIONAL = (*DATES_UP_TO_QUESTIONS, NO_SGO, NO_CUSTODY, AT_UNIVERSITY)
DATES_ANSWERED = (*DATES_UP_TO_OPTIONAL, *OPTIONAL_ANSWERED)
ROUGH_ANSWERED = (
    ROUTE_ROUGH, BORN_2007, NOT_IN_CARE_NOW, CARE_AFTER_16, LONG_IN_CARE, NO_SGO, NO_CUSTODY,
    NOT_HOME_WITH_A_PARENT, AT_UNIVERSITY, *OPTIONAL_ANSWERED,
)  # fmt: skip


WALKTHROUGH_ANSWERS = "dob=2007-05-01&on=2026-11-23&care=2021-06-01..2025-04-30"
PLAN_ITEM = "setting-up-home-allowance"


@dataclass(frozen=True)
class FormState:
    """A page reached by answering forms: `given` is posted first, then `path` is opened."""

    name: str
    # English path; `{entitlement}` stands for an entitlement's id, `{council}` for a council
    # entitlement's, `{page}` for the first one's page (in the language checked).
    path: str
    given: tuple[Answer, ...] = ()
    submit_empty: bool = False  # press the form's main button with nothing filled in
    fill_in: bool = False  # type into every text box and pick the first option, then submit


FORM_STATES: tuple[FormState, ...] = (
    # The eligibility checker: every question's error, the lists, the result and its views.
    FormState("check-route-error", "/check/route/", submit_empty=True),
    FormState("check-date-of-birth-error", "/check/date-of-birth/", (ROUTE_DATES,), True),
    FormState("check-care-period-error", "/check/care-periods/0/",
              (ROUTE_DATES, BORN_2007), True),
    FormState("check-care-periods", "/check/care-periods/", DATES_UP_TO_QUESTIONS[:3]),
    FormState("check-care-periods-error", "/check/care-periods/",
              DATES_UP_TO_QUESTIONS[:3], True),
    FormState("check-remove-period", "/check/care-periods/0/remove/",
              DATES_UP_TO_QUESTIONS[:3]),
    FormState("check-in-care-now-error", "/check/in-care-now/", (ROUTE_ROUGH, BORN_2007), True),
    FormState("check-care-after-16-error", "/check/care-after-16/",
              (ROUTE_ROUGH, BORN_2007, NOT_IN_CARE_NOW), True),
    FormState("check-time-in-care-error", "/check/time-in-care/",
              (ROUTE_ROUGH, BORN_2007, NOT_IN_CARE_NOW, CARE_AFTER_16), True),
    FormState("check-special-guardianship-error", "/check/special-guardianship/",
              DATES_UP_TO_QUESTIONS, True),
    FormState("check-custody-error", "/check/custody/", (*DATES_UP_TO_QUESTIONS, NO_SGO), True),
    FormState("check-education-error", "/check/education/",
              (*DATES_UP_TO_QUESTIONS, NO_SGO, NO_CUSTODY), True),
    # The optional questions, each as it is first shown (a blank answer is not an error).
    *(FormState(f"check-{path.strip('/').split('/')[-1]}", path,
                (*DATES_UP_TO_OPTIONAL, *OPTIONAL_ANSWERED[:index]))
      for index, (path, _) in enumerate(OPTIONAL_ANSWERED)),
    FormState("check-answers", "/check/answers/", DATES_ANSWERED),
    FormState("check-result", "/check/result/", DATES_ANSWERED),
    FormState("check-result-estimated", "/check/result/", ROUGH_ANSWERED),
    FormState("check-result-print", "/check/result/print/", DATES_ANSWERED),
    FormState("check-result-share", "/check/result/share/", DATES_ANSWERED),
    # Result variants: support that starts later (17 and in care), and nothing that changes.
    FormState("check-result-starts-later",
              "/check/shared/?dob=2009-06-19&on=2026-11-23&care=2022-01-01.."),
    FormState("check-result-nothing-changes", "/check/shared/?dob=1990-01-01&on=2026-11-23"),
    # The walkthrough marked from answers, and My plan: its form, its errors, the plan.
    FormState("walkthrough-marked", "/walkthrough/?" + WALKTHROUGH_ANSWERS),
    FormState("walkthrough-plan-form", f"/walkthrough/plan/edit/?item={PLAN_ITEM}"
              "&item=personal-adviser"),
    FormState("walkthrough-plan-error", f"/walkthrough/plan/edit/?item={PLAN_ITEM}",
              submit_empty=True),
    FormState("walkthrough-plan", f"/walkthrough/plan/?item={PLAN_ITEM}"
              f"&amount-{PLAN_ITEM}=3000&action-{PLAN_ITEM}=Make+a+list"
              f"&who-{PLAN_ITEM}=Sam&by-{PLAN_ITEM}=2027-01-31&reads=ar&note=Bring+papers"),
    # Feedback and suggestions: errors, then what is shown once sent.
    FormState("feedback-error", "/feedback/", submit_empty=True),
    FormState("feedback-sent", "/feedback/", fill_in=True),
    FormState("feedback-on-a-page-error", "/feedback/page/?page={page}", submit_empty=True),
    FormState("feedback-on-a-page-sent", "/feedback/page/?page={page}", fill_in=True),
    FormState("suggest-error", "/suggest/{entitlement}/", submit_empty=True),
    FormState("suggest-sent", "/suggest/{entitlement}/", fill_in=True),
    # Moderation is not linked from public pages, so the crawler cannot find it.
    FormState("moderation-login", "/moderation/login"),
    FormState("moderation-login-error", "/moderation/login", submit_empty=True),
    FormState("moderation-dashboard", "/moderation/", (SIGNED_IN,)),
    FormState("moderation-queue", "/moderation/queue/", (SIGNED_IN,)),
    FormState("moderation-queue-error", "/moderation/queue/?received_from=2026-11-23"
              "&received_to=2026-11-01", (SIGNED_IN,)),
    FormState("moderation-item", "/moderation/items/1/", (SIGNED_IN,)),
    FormState("moderation-content", "/moderation/content/", (SIGNED_IN,)),
    FormState("moderation-content-edit", "/moderation/content/{entitlement}/", (SIGNED_IN,)),
    FormState("moderation-content-new", "/moderation/content/new", (SIGNED_IN,)),
    FormState("moderation-content-new-error", "/moderation/content/new", (SIGNED_IN,), True),
    FormState("moderation-translations", "/moderation/translations/", (SIGNED_IN,)),
    FormState("moderation-translation-review",
              f"/moderation/translations/ar/{REVIEWED_PAGE}", (SIGNED_IN,)),
    FormState("moderation-translation-review-error",
              f"/moderation/translations/ar/{REVIEWED_PAGE}", (SIGNED_IN,), True),
    # Retiring is for the council's own support: a council entitlement, never the first.
    FormState("moderation-content-retire", "/moderation/content/{council}/retire",
              (SIGNED_IN,)),
    FormState("moderation-content-retire-error", "/moderation/content/{council}/retire",
              (SIGNED_IN,), True),
    FormState("moderation-code", "/moderation/login/code", (PASSWORD_GIVEN,)),
    FormState("moderation-code-error", "/moderation/login/code", (PASSWORD_GIVEN,), True),
    FormState("moderation-two-factor-setup", "/moderation/two-factor/setup", (SIGNED_IN,)),
    FormState("moderation-two-factor-setup-error", "/moderation/two-factor/setup",
              (SIGNED_IN,), True),
)  # fmt: skip


def route_exists(app: Flask, path: str) -> bool:
    adapter = app.url_map.bind("localhost")
    try:
        adapter.match(path.split("?", 1)[0], method="GET")
    except RequestRedirect:
        return True
    except MethodNotAllowed:
        return True
    except NotFound:
        return False
    return True


def resolve(state: FormState, app: Flask, lang: str = "en") -> str:
    """The state's URL in `lang`, placeholders filled with the offer's first entitlement."""
    offer = app.extensions["localoffer.offer"]
    first = offer.entitlements[0]
    council = next(item for item in offer.entitlements if item.kind == "council")
    page = f"{prefix(lang)}/{first.theme}/{first.id}/"
    return prefix(lang) + (state.path.replace("{entitlement}", first.id)
                           .replace("{council}", council.id).replace("{page}", page))  # fmt: skip


def form_states() -> tuple[tuple[str, FormState], ...]:
    """(language, state) for every listed state whose page exists today in that language.

    Most pages exist in every language; the moderators' pages only in English.
    """
    app = discovery_app()
    return tuple(
        (lang, state)
        for lang in languages()
        for state in FORM_STATES
        if route_exists(app, resolve(state, app, lang))
    )


def not_built_yet() -> list[str]:
    """Listed states whose page does not exist yet: reported at the end of every run."""
    app = discovery_app()
    return [f"{s.name} ({resolve(s, app)})" for s in FORM_STATES
            if not route_exists(app, resolve(s, app))]  # fmt: skip
