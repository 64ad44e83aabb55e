"""The geometry of a support timeline: ages 16 to 25 across, one bar per entitlement.

Pure arithmetic over dates, needing no request and no markup, so every position can be tested;
`templates/checker/timeline.html` turns it into SVG. Coordinates are in the SVG's own
user units (its viewBox), so the picture scales to any screen or sheet of paper.

Right-to-left pages get a mirrored picture: time runs from right to left, the way an
Arabic or Persian reader reads the page around it, the table beside it and every progress
indicator in the design system once rtlcss has mirrored it. The labels are whole `<text>`
runs set in their own direction, so mirroring moves them without reordering their letters.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from localoffer.rules import EARLIEST_DAY, law_on
from localoffer.rules.dates import ONE_DAY, birthday
from localoffer.web.words import THEME_BY_CODE

# Sized to sit in the page's main column at close to the body text's size; on a narrow
# phone it scrolls sideways (see .app-timeline) rather than shrinking.
WIDTH = 720
# Room either side for the first and last birthday's labels, centred on their ticks.
MARGIN = 48
DATE_ROWS = (36, 52)  # baselines of birthday dates, alternated so that neighbours never touch
AXIS_TOP = 62
ROWS_TOP = 70
ROW_HEIGHT = 36
LABEL_OFFSET = 15  # from a row's top to the baseline of its label
BAR_OFFSET = 20  # from a row's top to the top of its bar
BAR_HEIGHT = 12
MARKER_GAP = 20  # below the last row, to the baseline of the "today" label
LEGEND_GAP = 16
LEGEND_ROW = 26
LEGEND_COLUMNS = 2
SWATCH_WIDTH = 28
SWATCH_HEIGHT = 16


@dataclass(frozen=True)
class Span:
    """One entitlement to draw: applies from `start` to `until`, both inclusive."""

    key: str
    label: str
    theme: str
    start: date
    until: date | None  # None: no end date
    label_rtl: bool = False  # the label's own direction (an English fallback is LTR)


@dataclass(frozen=True)
class Tick:
    """A birthday on the axis."""

    age: int
    day: date
    x: float
    date_y: float  # baseline of its date: alternate ticks use alternate rows


@dataclass(frozen=True)
class Bar:
    span: Span
    row: int
    x_start: float  # where the first day begins, in reading order
    x_end: float  # where the last day ends (the next day's x), in reading order
    y: float
    label_x: float
    label_y: float
    label_anchor: str
    before_axis: bool  # it started before the 16th birthday
    after_axis: bool  # it goes on after the 25th birthday, or has no end date

    @property
    def left(self) -> float:
        return min(self.x_start, self.x_end)

    @property
    def width(self) -> float:
        return abs(self.x_end - self.x_start)

    @property
    def colour(self) -> str:
        return THEME_BY_CODE[self.span.theme].colour

    @property
    def arrow_after(self) -> str:
        """A point past the last end: support that goes on after 25 or has no end date."""
        return _arrow(self.x_end, self.y, 1 if self.x_end >= self.x_start else -1)

    @property
    def arrow_before(self) -> str:
        """A point before the start: support that began before the 16th birthday."""
        return _arrow(self.x_start, self.y, -1 if self.x_end >= self.x_start else 1)


def _arrow(x: float, top: float, outwards: int) -> str:
    tip = x + outwards * 10
    return f"M{x},{top - 3} L{tip},{top + BAR_HEIGHT / 2} L{x},{top + BAR_HEIGHT + 3} Z"


@dataclass(frozen=True)
class Marker:
    """Today (or the date the answers were checked on), as a line across every row."""

    day: date
    x: float
    label_y: float
    anchor: str
    is_today: bool


@dataclass(frozen=True)
class LegendItem:
    theme: str
    swatch_x: float
    text_x: float
    y: float  # top of the swatch
    text_y: float

    @property
    def colour(self) -> str:
        return THEME_BY_CODE[self.theme].colour

    @property
    def pattern(self) -> str:
        return THEME_BY_CODE[self.theme].pattern


@dataclass(frozen=True)
class Timeline:
    date_of_birth: date
    start: date  # 16th birthday: the left edge (the right edge when mirrored)
    end: date  # 25th birthday
    rtl: bool
    ticks: tuple[Tick, ...]
    bars: tuple[Bar, ...]
    marker: Marker | None  # None when the date is outside ages 16 to 25
    legend: tuple[LegendItem, ...]
    rows_bottom: float
    height: float
    width: int = WIDTH
    plot_start: float = MARGIN
    plot_end: float = WIDTH - MARGIN
    axis_top: float = AXIS_TOP
    bar_height: float = BAR_HEIGHT
    swatch_width: float = SWATCH_WIDTH
    swatch_height: float = SWATCH_HEIGHT

    @property
    def direction(self) -> str:
        return "rtl" if self.rtl else "ltr"

    @property
    def reading_start(self) -> float:
        return self.plot_end if self.rtl else self.plot_start

    @property
    def reading_end(self) -> float:
        return self.plot_start if self.rtl else self.plot_end

    @property
    def themes(self) -> tuple[str, ...]:
        return tuple(item.theme for item in self.legend)

    def x(self, day: date) -> float:
        return position(day, self.start, self.end, rtl=self.rtl)


def position(day: date, start: date, end: date, rtl: bool = False) -> float:
    """Where a day begins on an axis from `start` to `end`, clamped to the plot."""
    total = (end - start).days
    share = min(max((day - start).days / total, 0.0), 1.0)
    plot = WIDTH - 2 * MARGIN
    offset = share * plot
    return round(WIDTH - MARGIN - offset if rtl else MARGIN + offset, 2)


def build_timeline(
    date_of_birth: date,
    marked: date,
    spans: Iterable[Span],
    themes: Sequence[str],
    rtl: bool = False,
    marked_is_today: bool = True,
) -> Timeline:
    """Lay out bars (in theme order, then by start date), birthday ticks, a marker and a key.

    The axis runs over the ages care-leaver support covers in law on the marked day.
    """
    law = law_on(max(marked, EARLIEST_DAY))
    first_age, last_age = law.eligible_from_age, law.care_leaver_until_age
    start = birthday(date_of_birth, first_age)
    end = birthday(date_of_birth, last_age)
    order = {theme: index for index, theme in enumerate(themes)}
    ordered = sorted(spans, key=lambda s: (order.get(s.theme, len(order)), s.start, s.label))
    reading_start = WIDTH - MARGIN if rtl else MARGIN

    ticks = []
    for age in range(first_age, last_age + 1):
        day = birthday(date_of_birth, age)
        date_y = DATE_ROWS[(age - first_age) % len(DATE_ROWS)]
        ticks.append(Tick(age, day, position(day, start, end, rtl), date_y))

    bars = []
    for row, span in enumerate(ordered):
        top = ROWS_TOP + row * ROW_HEIGHT
        last = span.until + ONE_DAY if span.until is not None else end
        bars.append(
            Bar(
                span=span,
                row=row,
                x_start=position(span.start, start, end, rtl),
                x_end=position(last, start, end, rtl),
                y=top + BAR_OFFSET,
                label_x=reading_start,
                label_y=top + LABEL_OFFSET,
                # A label in the picture's own direction starts at its reading edge; one in
                # the other direction (English inside Arabic) ends there instead.
                label_anchor="start" if span.label_rtl == rtl else "end",
                before_axis=span.start < start,
                after_axis=span.until is None or last > end,
            )
        )
    rows_bottom = ROWS_TOP + len(bars) * ROW_HEIGHT

    marker = None
    if start <= marked <= end:
        x = position(marked, start, end, rtl)
        anchor = "middle"
        # Near an edge the label runs inwards so that it stays inside the picture.
        if abs(x - reading_start) < 90:
            anchor = "start"
        elif abs(x - (WIDTH - reading_start)) < 90:
            anchor = "end"
        marker = Marker(marked, x, rows_bottom + MARKER_GAP, anchor, marked_is_today)

    present = [theme for theme in themes if any(s.theme == theme for s in ordered)]
    legend = []
    legend_top = rows_bottom + MARKER_GAP + LEGEND_GAP
    column_width = (WIDTH - 2 * MARGIN) / LEGEND_COLUMNS
    for index, theme in enumerate(present):
        row, column = divmod(index, LEGEND_COLUMNS)
        y = legend_top + row * LEGEND_ROW
        if rtl:
            swatch_right = WIDTH - MARGIN - column * column_width
            swatch_x, text_x = swatch_right - SWATCH_WIDTH, swatch_right - SWATCH_WIDTH - 8
        else:
            swatch_x = MARGIN + column * column_width
            text_x = swatch_x + SWATCH_WIDTH + 8
        legend.append(LegendItem(theme, swatch_x, text_x, y, y + SWATCH_HEIGHT - 3))
    legend_rows = -(-len(legend) // LEGEND_COLUMNS)
    height = legend_top + legend_rows * LEGEND_ROW + 8

    return Timeline(
        date_of_birth=date_of_birth,
        start=start,
        end=end,
        rtl=rtl,
        ticks=tuple(ticks),
        bars=tuple(bars),
        marker=marker,
        legend=tuple(legend),
        rows_bottom=rows_bottom,
        height=height,
    )
