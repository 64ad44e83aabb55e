"""The biggest plan a link can carry, to print: MAX_ITEMS things, each field filled."""

from __future__ import annotations

from datetime import date

from flask import Flask
from werkzeug.datastructures import MultiDict

from localoffer.walkthrough.plan import MAX_ITEMS, MAX_LINK, Plan, PlanItem, plan_query, read_plan

ACTION = "Ring the team together and ask what papers are needed; bring them to the next meeting"


def biggest_plan(app: Flask, reads: str = "ar") -> str:
    """The query of a plan with MAX_ITEMS things (the first in the offer with an amount
    first), whose actions are as long as the link's bound allows."""
    offer = app.extensions["localoffer.offer"]
    on = date(2026, 11, 23)
    items = sorted(offer.entitlements, key=lambda e: e.amount_on(on) is None)[:MAX_ITEMS]
    for cut in range(len(ACTION), 0, -1):
        plan = Plan(tuple(
            PlanItem(e.id, a.gbp if (a := e.amount_on(on)) else None, ACTION[:cut],
                     "Personal adviser", date(2027, 1, 31))
            for e in items
        ), reads, "Next meeting: bring the tenancy papers.")  # fmt: skip
        query = plan_query(plan)
        if len(query) <= MAX_LINK:
            ids = frozenset(e.id for e in offer.entitlements)
            read_plan(MultiDict(_pairs(query)), ids, app.config["LANGUAGES"], on)  # valid
            return query
    raise AssertionError("no plan fits in a link")


def _pairs(query: str) -> list[tuple[str, str]]:
    from urllib.parse import parse_qsl

    return parse_qsl(query)
