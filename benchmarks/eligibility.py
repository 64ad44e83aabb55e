"""How many assessments (status plus entitlements) the rules make per second on one core.

Run from the repository root: python benchmarks/eligibility.py [seconds]
The mix is synthetic but shaped like real use: ages 12 to 26, one to four care periods,
some short breaks, the yes/no answers set now and then, and 50 entitlements.
"""

from __future__ import annotations

import random
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

# Run as a script, the repository root is not on the path; the rules need nothing else.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from localoffer.rules import (
    ASKED_CONDITIONS,
    CONDITIONS,
    STATUSES,
    Answers,
    CarePeriod,
    Criteria,
    assess,
    entitlements_for,
)

ON = date(2026, 11, 23)
SEED = 2017  # the year of the Children and Social Work Act


@dataclass(frozen=True)
class Item:
    """Stands in for a content Entitlement: the rules read only `criteria`."""

    id: str
    criteria: Criteria


def make_answers(rng: random.Random) -> Answers:
    """One young person: born 13 to 25 years ago, with 1 to 4 periods of care."""
    date_of_birth = ON - timedelta(days=rng.randint(13 * 365, 25 * 365))
    # Most people using the checker were in care in their teens.
    cursor = date_of_birth + timedelta(days=rng.randint(10 * 365, 17 * 365))
    periods = []
    for _ in range(rng.randint(1, 4)):
        if cursor > ON:
            break
        short = rng.random() < 0.15
        length = rng.randint(1, 17) if short else rng.randint(20, 1200)
        end = cursor + timedelta(days=length - 1)
        if end >= ON:
            periods.append(CarePeriod(cursor, None, short_break=False))
            break
        periods.append(CarePeriod(cursor, end, short_break=short))
        cursor = end + timedelta(days=rng.randint(1, 300))
    return Answers(
        date_of_birth=date_of_birth,
        care_periods=tuple(periods),
        detained_or_in_hospital_on_16th_birthday=rng.random() < 0.05,
        special_guardianship_order=rng.random() < 0.05,
        lived_with_parent_6_months=rng.random() < 0.1,
        in_education_or_training=rng.random() < 0.4,
        in_higher_education=rng.random() < 0.1,
    )


def make_items(rng: random.Random, count: int = 50) -> list[Item]:
    """Entitlements with mixed statuses, ages, conditions and start dates."""
    items = []
    for number in range(count):
        age_from = rng.choice((16, 16, 18, 18, 21))
        age_to = rng.choice([age for age in (18, 21, 25) if age > age_from])
        who = frozenset(rng.sample(STATUSES[:5], rng.randint(1, 3)))
        conditions = frozenset(rng.sample(sorted(CONDITIONS), rng.choice((0, 0, 0, 1))))
        in_force_from = rng.choice((None, None, None, date(2018, 4, 1), date(2027, 4, 1)))
        pending = rng.random() < 0.05
        criteria = Criteria(who, age_from, age_to, conditions, in_force_from, pending)
        items.append(Item(f"item-{number}", criteria))
    return items


def main(seconds: float = 3.0) -> None:
    """Assess the mix in a loop for `seconds` and print the rate."""
    rng = random.Random(SEED)
    people = [make_answers(rng) for _ in range(2_000)]
    items = make_items(rng)
    statuses: Counter[str] = Counter(assess(answers, ON).status for answers in people)

    done = 0
    matches = 0
    started = time.perf_counter()
    cpu_started = time.process_time()
    deadline = started + seconds
    while time.perf_counter() < deadline:
        for answers in people:
            assessment = assess(answers, ON)
            result = entitlements_for(assessment, answers, items, ON)
            matches += len(result.applies)
        done += len(people)
    elapsed = time.perf_counter() - started
    # CPU time is what "per second on one core" means on a shared machine, where the wall
    # clock also counts time other processes hold the core.
    cpu = time.process_time() - cpu_started

    print(f"people: {len(people)}, entitlements: {len(items)}, conditions asked: "
          f"{len(ASKED_CONDITIONS)} of {len(CONDITIONS)}")  # fmt: skip
    print("status mix: " + ", ".join(f"{s} {statuses[s]}" for s in STATUSES))
    print(f"average entitlements applying: {matches / done:.1f}")
    print(f"{done:,} assessments in {elapsed:.2f} s: {done / elapsed:,.0f} assessments per second")
    print(f"CPU time {cpu:.2f} s: {done / cpu:,.0f} assessments per CPU second")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 3.0)
