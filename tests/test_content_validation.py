"""A bad content file stops the portal and is named with its field and its problem."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from localoffer import create_app
from localoffer.content import ContentError, load_offer
from localoffer.content.review import latest_review

NATIONAL = "national/housing/suitable-accommodation.md"
COUNCIL = "council/health/free-gym.md"

# (case, file, text to replace, replacement, field named, words in the message)
BAD_CONTENT = [
    ("bad yaml", NATIONAL, "theme: housing", "theme: [housing", "yaml", "cannot be read"),
    ("missing field", NATIONAL, "summary: If you leave", "#summary: If you leave", "summary",
     "missing"),
    ("unknown theme", NATIONAL, "theme: housing", "theme: homes", "theme", "unknown value 'homes'"),
    ("unknown kind", NATIONAL, "kind: statutory", "kind: optional", "kind",
     "unknown value 'optional'"),
    ("kind in the wrong folder", NATIONAL, "kind: statutory", "kind: council", "kind",
     "does not belong"),
    ("unknown status", NATIONAL, "who: [relevant]", "who: [relevent]", "who",
     "unknown value 'relevent'"),
    ("no status", NATIONAL, "who: [relevant]", "who: []", "who", "at least one"),
    ("id not matching the file name", NATIONAL, "id: suitable-accommodation",
     "id: suitable-home", "id", "does not match the file name"),
    ("id not kebab-case", NATIONAL, "id: suitable-accommodation", "id: Suitable_Home", "id",
     "kebab-case"),
    ("age below 16", NATIONAL, "{from: 16, to: 18}", "{from: 15, to: 18}", "ages", "is 15"),
    ("age above 25", NATIONAL, "{from: 16, to: 18}", "{from: 16, to: 26}", "ages", "is 26"),
    ("from not below to", NATIONAL, "{from: 16, to: 18}", "{from: 18, to: 18}", "ages",
     "must be less than"),
    ("age not a number", NATIONAL, "{from: 16, to: 18}", "{from: sixteen, to: 18}", "ages",
     "whole number"),
    ("review due before last reviewed", NATIONAL, "review_due: 2027-11-01",
     "review_due: 2026-10-01", "review_due", "must be after last_reviewed"),
    ("date not a date", NATIONAL, "last_reviewed: 2026-11-01", "last_reviewed: last week",
     "last_reviewed", "not a date"),
    ("unknown condition", NATIONAL, "who: [relevant]", "who: [relevant]\nconditions: [rich]",
     "conditions", "unknown value 'rich'"),
    ("amount not a number", COUNCIL, "gbp: 250", "gbp: lots", "amounts[2]", "number of pounds"),
    ("amount negative", COUNCIL, "gbp: 250", "gbp: -250", "amounts[2]", "number of pounds"),
    ("amount with unknown period", COUNCIL, "per: year", "per: fortnight", "amounts[1]",
     "'per' is 'fortnight'"),
    ("the old amount field", COUNCIL, "amounts:\n", "amount: {gbp: 250, per: year}\namounts:\n",
     "amount", "no longer used: write amounts: [{gbp:"),
    ("amounts out of date order", COUNCIL, "from: 2025-04-01", "from: 2027-04-01", "amounts",
     "sort the amounts by 'from', oldest first"),
    ("two amounts on one date", COUNCIL, "from: 2025-04-01", "from: 2026-04-01", "amounts",
     "two amounts start on 2026-04-01"),
    ("amount without a start date", COUNCIL, "from: 2025-04-01, ", "", "amounts[1]",
     "'from' is None"),
    ("amount from a source not listed", COUNCIL, "qualifier: up_to, from: 2026-04-01, source: Test "
     "council offer", "qualifier: up_to, from: 2026-04-01, source: A leaflet", "amounts[2]",
     "'source' is 'A leaflet'; give the url or title of one entry in sources"),
    ("source written as plain text", NATIONAL,
     '  - title: "Children Act 1989, section 23B"\n    url: '
     "https://www.legislation.gov.uk/ukpga/1989/41/section/23B\n    checked: 2026-11-01",
     '  - "Children Act 1989, s.23B(8)"', "sources[1]", "write each source as {title:"),
    ("law without a link to its source", NATIONAL,
     "    url: https://www.legislation.gov.uk/ukpga/1989/41/section/23B\n", "", "sources[1]",
     "'url' is missing"),
    ("source link not https", NATIONAL, "url: https://www.legislation", "url: http://www.legislation",
     "sources[1]", "must be a web address starting https://"),
    ("source never checked", NATIONAL, "    checked: 2026-11-01\n", "", "sources[1]",
     "'checked' is None"),
    ("unknown review cadence", NATIONAL, "review_cadence: yearly", "review_cadence: weekly",
     "review_cadence", "unknown value 'weekly'"),
    ("no review cadence", NATIONAL, "review_cadence: yearly\n", "", "review_cadence", "missing"),
    ("review due later than a monthly cadence allows", NATIONAL, "review_cadence: yearly",
     "review_cadence: monthly", "review_due", "the next review is due by 2026-12-01"),
    ("benefit figures not reviewed by April", NATIONAL, "review_cadence: yearly",
     "review_cadence: april", "review_due", "the next review is due by 2027-04-30"),
    ("education funding not reviewed by August", NATIONAL, "review_cadence: yearly",
     "review_cadence: august", "review_due", "the next review is due by 2027-08-31"),
    ("statutory without legal basis", NATIONAL, 'legal_basis: "Children Act 1989, s.23B(8)"',
     "", "legal_basis", "missing"),
    ("no sources", NATIONAL, "sources:\n", "old_sources:\n", "sources", "missing"),
    ("unknown field", NATIONAL, "theme: housing", "theme: housing\ncolour: blue", "colour",
     "unknown field"),
    ("theme not matching the folder", NATIONAL, "theme: housing", "theme: health", "theme",
     "folder 'housing'"),
    ("unknown contact", COUNCIL, "[leaving_care_team, forum]", "[leaving_care_team, mayor]",
     "contacts", "'mayor' is not allowed"),
    ("money in prose the data does not carry", COUNCIL, "worth up to £250", "worth up to £300",
     "body", "mentions £300 but amounts give £200, £250"),
    ("money in prose with no amount", NATIONAL, "A safe place to live.",
     "A safe place to live and £50.", "body", "no amount"),
    ("glossary link that goes nowhere", NATIONAL, "/glossary/#pathway-plan)",
     "/glossary/#pathway-plans)", "body", "not in the glossary"),
    ("no front matter", COUNCIL, "---\nid: free-gym", "id: free-gym", "front matter", "missing"),
    ("empty body", COUNCIL, "## What you can get\n\nA gym card worth up to £250 a year.", "",
     "body", "is empty"),
    ("missing council contact", "council/council.yaml", "  forum: {name: Our Voice forum, "
     "email: forum@example.org}", "", "contacts.forum", "required"),
    ("council contact with bad email", "council/council.yaml", "lct@example.org", "lct-at-example",
     "contacts.leaving_care_team.email", "not an email address"),
    ("council demo flag not a boolean", "council/council.yaml", "demo: true", "demo: maybe",
     "demo", "true or false"),
    ("glossary term without definition", "national/glossary.yaml",
     "    definition: Your plan for leaving care.\n", "", "terms[1].definition", "missing"),
]  # fmt: skip


COUNCIL_TRANSLATION = (
    "translated_from: 0123456789ab\nreviewed: false\ncontacts:\n"
    '  advocacy: {name: "خدمة المناصرة"}\n'
)
# (case, text to replace in a council.ar.yaml, replacement, field named, words in the message)
BAD_COUNCIL_TRANSLATIONS = [
    ("bad yaml", "contacts:", "contacts: [", "yaml", "cannot be read"),
    ("a contact council.yaml does not have", "advocacy:", "mayor:", "contacts.mayor",
     "not a contact in council.yaml"),
    ("a field that is never translated", "{name:", "{email:", "contacts.advocacy.email",
     "unknown field"),
    ("hours where council.yaml gives none", "{name:", "{hours:", "contacts.advocacy.hours",
     "gives no hours"),
    ("a contact that is not a mapping", "{name: \"خدمة المناصرة\"}", "\"خدمة المناصرة\"",
     "contacts.advocacy", "must be a mapping"),
    ("reviewed not true or false", "reviewed: false", "reviewed: soon", "reviewed",
     "true or false"),
    ("no translated_from", "translated_from: 0123456789ab", "", "translated_from", "missing"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "old", "new", "field", "message"),
    BAD_COUNCIL_TRANSLATIONS,
    ids=[c[0] for c in BAD_COUNCIL_TRANSLATIONS],
)
def test_a_bad_council_translation_is_named_with_file_and_field(
    fixture_content: Path, case: str, old: str, new: str, field: str, message: str
) -> None:
    """council.<lang>.yaml is checked like every content file: `file: field: problem`."""
    path = fixture_content / "council" / "council.ar.yaml"
    assert old in COUNCIL_TRANSLATION
    path.write_text(COUNCIL_TRANSLATION.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_offer(fixture_content)
    lines = [str(p) for p in raised.value.problems]
    expected = f"council/council.ar.yaml: {field}: "
    assert any(line.startswith(expected) and message in line for line in lines), lines


def _break(content: Path, file: str, old: str, new: str) -> None:
    path = content / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("case", "file", "old", "new", "field", "message"), BAD_CONTENT, ids=[c[0] for c in BAD_CONTENT]
)
def test_bad_content_is_named_with_file_and_field(
    fixture_content: Path, case: str, file: str, old: str, new: str, field: str, message: str
) -> None:
    """Each kind of mistake is reported as `file: field: problem`."""
    _break(fixture_content, file, old, new)
    with pytest.raises(ContentError) as raised:
        load_offer(fixture_content)
    lines = [str(p) for p in raised.value.problems]
    assert any(line.startswith(f"{file}: {field}: ") and message in line for line in lines), lines


def test_fixture_content_is_valid(fixture_content: Path) -> None:
    """The fixture the bad cases start from loads cleanly, so each failure is the mutation's."""
    offer = load_offer(fixture_content)
    assert [e.id for e in offer.entitlements] == ["free-gym", "suitable-accommodation"]


def test_duplicate_id_is_named(fixture_content: Path) -> None:
    """Two files with one id are both refused, naming the other file."""
    copy = fixture_content / "council" / "housing" / "suitable-accommodation.md"
    copy.parent.mkdir()
    text = (fixture_content / NATIONAL).read_text().replace("kind: statutory", "kind: council")
    copy.write_text(text)
    with pytest.raises(ContentError) as raised:
        load_offer(fixture_content)
    assert any(p.field == "id" and "also used by" in p.message for p in raised.value.problems), (
        raised.value.problems
    )


def test_every_problem_is_reported_at_once(fixture_content: Path) -> None:
    """Two broken files give two problems, not just the first."""
    _break(fixture_content, NATIONAL, "kind: statutory", "kind: optional")
    _break(fixture_content, COUNCIL, "gbp: 250", "gbp: lots")
    with pytest.raises(ContentError) as raised:
        load_offer(fixture_content)
    assert {p.path for p in raised.value.problems} == {NATIONAL, COUNCIL}


def test_app_refuses_to_start_with_bad_content(fixture_content: Path) -> None:
    """A bad file means no app at all, never a half-loaded offer."""
    _break(fixture_content, COUNCIL, "who: [eligible", "who: [elegible")
    with pytest.raises(ContentError, match=r"free-gym\.md: who"):
        create_app({"TESTING": True, "CONTENT_DIR": fixture_content,
                    "COUNCIL_DIR": fixture_content / "council"})  # fmt: skip


def _content_check(content: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LOCALOFFER_CONTENT_DIR": str(content)}
    flask = Path(sys.executable).with_name("flask")
    return subprocess.run(
        [str(flask), "--app", "localoffer", "content", "check"],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip


def test_content_check_command_lists_each_problem_on_one_line(fixture_content: Path) -> None:
    """`flask content check` exits 1 with one line per problem, even though the app can't start."""
    _break(fixture_content, NATIONAL, "kind: statutory", "kind: optional")
    _break(fixture_content, COUNCIL, "gbp: 250", "gbp: lots")
    result = _content_check(fixture_content)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith(f"{NATIONAL}: kind: unknown value 'optional'")
    assert lines[1].startswith(f"{COUNCIL}: amounts[2]: 'gbp' must be a number")
    assert "2 problem(s) found" in lines[-1]


def test_content_check_lists_overdue_reviews(fixture_content: Path) -> None:
    """An entry past its review date passes the check but is listed as overdue."""
    _break(fixture_content, COUNCIL, "last_reviewed: 2026-11-01\nreview_due: 2027-11-01",
           "last_reviewed: 2020-01-01\nreview_due: 2021-01-01")  # fmt: skip
    result = _content_check(fixture_content)
    assert result.returncode == 0, result.stderr
    assert "Review overdue: council/health/free-gym.md (was due 2021-01-01" in result.stdout


def test_content_check_lists_reviews_due_within_30_days(fixture_content: Path) -> None:
    """An entry due in 10 days is listed with its date and cadence; one due in 40 days is not."""
    soon, later = date.today() + timedelta(days=10), date.today() + timedelta(days=40)
    _break(fixture_content, COUNCIL, "last_reviewed: 2026-11-01\nreview_due: 2027-11-01",
           f"last_reviewed: {soon - timedelta(days=300)}\nreview_due: {soon}")  # fmt: skip
    _break(fixture_content, NATIONAL, "last_reviewed: 2026-11-01\nreview_due: 2027-11-01",
           f"last_reviewed: {later - timedelta(days=300)}\nreview_due: {later}")  # fmt: skip
    result = _content_check(fixture_content)
    assert result.returncode == 0, result.stderr
    assert (
        f"Review due within 30 days: council/health/free-gym.md (due {soon}, reviewed yearly)"
        in result.stdout
    )
    assert "suitable-accommodation" not in result.stdout


@pytest.mark.parametrize(
    ("last_reviewed", "cadence", "latest"),
    [
        (date(2026, 1, 31), "monthly", date(2026, 2, 28)),
        (date(2026, 12, 6), "yearly", date(2027, 12, 6)),
        (date(2026, 3, 31), "april", date(2026, 4, 30)),
        (date(2026, 4, 10), "april", date(2027, 4, 30)),
        (date(2026, 7, 1), "august", date(2026, 8, 31)),
        (date(2026, 8, 1), "august", date(2027, 8, 31)),
    ],
)
def test_latest_review_follows_the_cadence(last_reviewed: date, cadence: str, latest: date) -> None:
    """April and August reviews fall in the first such month after the last review."""
    assert latest_review(last_reviewed, cadence) == latest


def test_the_amount_in_force_is_the_last_to_start_on_or_before_the_day(
    fixture_content: Path,
) -> None:
    """Dated amounts keep their history: none before the first, each from its own day."""
    gym = load_offer(fixture_content).get("free-gym")
    assert gym is not None
    assert gym.amount_on(date(2025, 3, 31)) is None
    assert gym.amount_on(date(2025, 4, 1)).gbp == Decimal(200)  # type: ignore[union-attr]
    assert gym.amount_on(date(2026, 3, 31)).gbp == Decimal(200)  # type: ignore[union-attr]
    assert gym.amount_on(date(2026, 4, 1)).gbp == Decimal(250)  # type: ignore[union-attr]


def test_a_council_source_may_have_no_link_but_keeps_its_checked_date(
    fixture_content: Path,
) -> None:
    """A council's own policy needs no public link; the law's sources carry one."""
    offer = load_offer(fixture_content)
    gym, home = offer.get("free-gym"), offer.get("suitable-accommodation")
    assert gym is not None and home is not None
    assert gym.sources[0].url is None and gym.sources[0].checked == date(2026, 11, 1)
    assert home.sources[0].url == "https://www.legislation.gov.uk/ukpga/1989/41/section/23B"
