"""`GET /api/v1/schema/entitlement.json`: the JSON Schema of an entitlement file's front matter.

Generated from the rules the portal checks content with (localoffer/content/front_matter.py),
with this council's contact keys, so editors' YAML tools and other systems can check an
offer file before the portal does.
"""

from __future__ import annotations

from flask import Response, jsonify

from localoffer.api.offer import cacheable, offer
from localoffer.api.routes import bp
from localoffer.content.front_matter import json_schema


@bp.get("/schema/entitlement.json")
def entitlement_schema() -> Response:
    response = jsonify(json_schema(offer().council.contacts))
    return cacheable(response)
