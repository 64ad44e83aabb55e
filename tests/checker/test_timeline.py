"""The support timeline: positions from dates, mirroring for right-to-left, and the SVG itself."""

from __future__ import annotations

from datetime import date

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from localoffer.checker.timeline import (
    MARGIN,
    WIDTH,
    Span,
    build_timeline,
    position,
)
from localoffer.content import THEMES
from localoffer.web.words import THEME_BY_CODE

TODAY = date(2026, 11, 23)
DOB = date(2007, 5, 1)
# 16th birthday 1 May 2023 to 25th birthday 1 May 2032: 3,288 days across 624 units.
PLOT = WIDTH - 2 * MARGIN
DAYS = (date(2032, 5, 1) - date(2023, 5, 1)).days
LINK = "/check/shared/?dob=2007-05-01&on=2026-11-23&care=2021-06-01..2025-04-30"


def adviser(until: date | None = date(2032, 4, 30)) -> Span:
    return Span("personal-adviser", "A personal adviser", "relationships", date(2025, 5, 1), until)


def test_a_bar_runs_from_its_first_day_to_the_end_of_its_last_day() -> None:
    """Personal adviser from 1 May 2025 to 30 April 2032 spans the 18th to the 25th birthday."""
    timeline = build_timeline(DOB, TODAY, [adviser()], THEMES)
    (bar,) = timeline.bars
    assert bar.x_start == pytest.approx(MARGIN + PLOT * 731 / DAYS, abs=0.01)
    assert bar.x_start == pytest.approx(186.73, abs=0.01)
    assert bar.x_end == WIDTH - MARGIN
    ticks = {tick.age: tick for tick in timeline.ticks}
    assert bar.x_start == ticks[18].x and ticks[18].day == date(2025, 5, 1)
    assert bar.x_end == ticks[25].x and ticks[25].day == date(2032, 5, 1)
    assert not bar.before_axis and not bar.after_axis


def test_ticks_are_the_birthdays_from_16_to_25_in_order() -> None:
    """Ten ticks, one per birthday, each a real date, left to right."""
    timeline = build_timeline(DOB, TODAY, [adviser()], THEMES)
    assert [t.age for t in timeline.ticks] == list(range(16, 26))
    assert [t.day for t in timeline.ticks] == [date(y, 5, 1) for y in range(2023, 2033)]
    xs = [t.x for t in timeline.ticks]
    assert xs == sorted(xs) and xs[0] == MARGIN and xs[-1] == WIDTH - MARGIN


def test_a_29_february_birthday_ticks_on_1_march() -> None:
    """Ages change on 1 March in years without 29 February, so the ticks do too."""
    timeline = build_timeline(date(2008, 2, 29), TODAY, [], THEMES)
    days = {t.age: t.day for t in timeline.ticks}
    assert days[16] == date(2024, 2, 29) and days[17] == date(2025, 3, 1)


def test_right_to_left_mirrors_every_position() -> None:
    """In Arabic the picture reads from the right: each x is the mirror of the English one."""
    ltr = build_timeline(DOB, TODAY, [adviser()], THEMES)
    rtl = build_timeline(DOB, TODAY, [adviser()], THEMES, rtl=True)
    assert rtl.direction == "rtl"
    assert rtl.bars[0].x_start == pytest.approx(WIDTH - ltr.bars[0].x_start)
    assert rtl.bars[0].x_end == MARGIN
    assert [t.x for t in rtl.ticks] == pytest.approx([WIDTH - t.x for t in ltr.ticks])
    assert rtl.marker is not None and ltr.marker is not None
    assert rtl.marker.x == pytest.approx(WIDTH - ltr.marker.x)
    assert rtl.bars[0].label_x == WIDTH - MARGIN and rtl.bars[0].label_anchor == "end"


def test_a_right_to_left_label_starts_at_the_right_edge() -> None:
    """A translated label reads from the right; an English fallback ends at the right."""
    arabic = Span("pathway-plan", "خطة المسار", "relationships", date(2025, 5, 1), None, True)
    timeline = build_timeline(DOB, TODAY, [arabic], THEMES, rtl=True)
    assert timeline.bars[0].label_anchor == "start"


def test_support_with_no_end_date_runs_off_the_end_with_an_arrow() -> None:
    """No end date: the bar reaches the 25th birthday and is marked as going on."""
    (bar,) = build_timeline(DOB, TODAY, [adviser(until=None)], THEMES).bars
    assert bar.x_end == WIDTH - MARGIN and bar.after_axis
    assert bar.arrow_after.startswith(f"M{bar.x_end},")


def test_support_that_began_before_16_is_clamped_and_marked() -> None:
    """A bar starting before the 16th birthday starts at the axis, marked as earlier."""
    early = Span("x", "Earlier", "health", date(2022, 1, 1), date(2024, 4, 30))
    (bar,) = build_timeline(DOB, TODAY, [early], THEMES).bars
    assert bar.x_start == MARGIN and bar.before_axis
    day_after = position(date(2024, 5, 1), date(2023, 5, 1), date(2032, 5, 1))
    assert bar.x_end == pytest.approx(day_after)


def test_today_is_marked_and_left_out_when_outside_16_to_25() -> None:
    """The marker sits at today's x, and there is none when today is before 16 or after 25."""
    timeline = build_timeline(DOB, TODAY, [adviser()], THEMES)
    assert timeline.marker is not None
    expected = MARGIN + PLOT * (TODAY - date(2023, 5, 1)).days / DAYS
    assert timeline.marker.x == pytest.approx(expected, abs=0.01)
    assert build_timeline(DOB, date(2022, 1, 1), [adviser()], THEMES).marker is None
    assert build_timeline(DOB, date(2033, 1, 1), [adviser()], THEMES).marker is None


def test_bars_are_ordered_by_theme_then_start_and_keyed_by_theme() -> None:
    """Bars follow the themes' order, and the key lists only the themes drawn."""
    spans = [
        adviser(),
        Span("b", "Bursary", "education-employment-training", date(2026, 1, 1), None),
        Span("a", "Health", "health", date(2025, 5, 1), None),
    ]
    timeline = build_timeline(DOB, TODAY, spans, THEMES)
    assert [b.span.key for b in timeline.bars] == ["a", "b", "personal-adviser"]
    assert timeline.themes == ("health", "education-employment-training", "relationships")
    assert [b.row for b in timeline.bars] == [0, 1, 2]
    assert timeline.height > timeline.rows_bottom


def test_every_theme_has_its_own_colour_and_pattern() -> None:
    """Colour is never the only difference between themes (WCAG 1.4.1)."""
    assert tuple(THEME_BY_CODE) == THEMES
    assert len({theme.pattern for theme in THEME_BY_CODE.values()}) == len(THEMES)
    assert len({theme.colour for theme in THEME_BY_CODE.values()}) == len(THEMES)


def svg_of(web: FlaskClient, url: str) -> tuple[BeautifulSoup, BeautifulSoup]:
    page = BeautifulSoup(web.get(url).data, "html.parser")
    svg = page.select_one("svg.app-timeline__svg")
    assert svg is not None
    return page, svg


def test_the_result_page_draws_one_bar_per_entitlement_that_applies(web: FlaskClient) -> None:
    """The SVG has a bar for each entitlement the API says applies, and nothing else."""
    api = web.post("/api/v1/eligibility", json={
        "date_of_birth": "2007-05-01", "as_of": "2026-11-23",
        "care_periods": [{"start": "2021-06-01", "end": "2025-04-30"}],
    }).get_json()  # fmt: skip
    _page, svg = svg_of(web, LINK)
    bars = svg.select("g.app-timeline__bar")
    assert sorted(b["data-id"] for b in bars) == sorted(e["id"] for e in api["entitlements"])
    assert len(svg.select("rect.app-timeline__span")) == len(api["entitlements"])


def test_the_personal_adviser_bar_is_drawn_from_18_to_25(web: FlaskClient) -> None:
    """The known case, as drawn: x from the 18th birthday to the 25th."""
    _page, svg = svg_of(web, LINK)
    rect = svg.select_one('g[data-id="personal-adviser"] rect')
    assert float(rect["x"]) == pytest.approx(186.73, abs=0.01)
    assert float(rect["x"]) + float(rect["width"]) == pytest.approx(WIDTH - MARGIN)
    assert rect["fill"] == "url(#timeline-pattern-relationships)"
    assert svg.select_one("pattern#timeline-pattern-relationships") is not None


def test_the_svg_has_an_accessible_name_and_description(web: FlaskClient) -> None:
    """role=img, named by its <title> and described by its <desc>."""
    _page, svg = svg_of(web, LINK)
    assert svg["role"] == "img"
    title = svg.find("title", id=svg["aria-labelledby"])
    desc = svg.find("desc", id=svg["aria-describedby"])
    assert title.get_text(strip=True) == "Support timeline from age 16 to 25"
    text = desc.get_text(" ")
    assert "1 May 2023" in text and "1 May 2032" in text and "23 November 2026" in text


def test_every_bar_fill_is_a_pattern_defined_in_the_picture(web: FlaskClient) -> None:
    """Each bar and key swatch points to a <pattern> that exists, so none is a plain colour."""
    _page, svg = svg_of(web, LINK)
    defined = {p["id"] for p in svg.select("defs pattern")}
    fills = {r["fill"] for r in svg.select("rect[fill^='url(']")}
    assert fills and {f[len("url(#") : -1] for f in fills} <= defined


def test_the_table_beside_it_holds_the_same_bars_and_dates(web: FlaskClient) -> None:
    """One table row per bar, in the same order, with the dates written out."""
    page, svg = svg_of(web, LINK)
    table = page.select_one("table.app-timeline-table")
    rows = table.select("tbody tr")
    assert [r["data-id"] for r in rows] == [b["data-id"] for b in svg.select("g.app-timeline__bar")]
    adviser_row = table.select_one('tr[data-id="personal-adviser"]')
    cells = [c.get_text(" ", strip=True) for c in adviser_row.find_all(["th", "td"])]
    assert cells == ["A personal adviser Relationships and support", "1 May 2025", "30 April 2032"]
    theme = adviser_row.select_one(".app-timeline-table__theme").get_text(strip=True)
    assert theme == "Relationships and support"


def test_arabic_mirrors_the_timeline_and_isolates_its_dates(web: FlaskClient) -> None:
    """On a right-to-left page time runs right to left, and every date is a bidi isolate."""
    page, svg = svg_of(web, "/ar" + LINK)
    assert page.html["dir"] == "rtl" and svg["direction"] == "rtl"
    rect = svg.select_one('g[data-id="personal-adviser"] rect')
    assert float(rect["data-start"]) > float(rect["data-end"])
    assert float(rect["data-start"]) == pytest.approx(WIDTH - 186.73, abs=0.01)
    dates = [t.get_text() for t in svg.select(".app-timeline__axis text")][1::2]
    assert all(d.startswith("\u2068") and d.endswith("\u2069") for d in dates)


def test_no_timeline_when_nothing_applies(web: FlaskClient) -> None:
    """Someone the offer does not cover sees no empty picture."""
    page = BeautifulSoup(web.get("/check/shared/?dob=1990-01-01").data, "html.parser")
    assert page.select_one("svg.app-timeline__svg") is None
