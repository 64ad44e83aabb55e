"""The JSON API: the same checker and offer, for other services and scripts.

`bp` is the API's one blueprint under `/api/v1`: the checker (routes.py), the offer
(offer.py), the OpenAPI document (openapi.py), the Open Referral export (openreferral.py)
and the front-matter schema (schema.py) each add to it, and all are imported here so it is
always complete.
"""

from localoffer.api import offer, openapi, openreferral, routes, schema

bp = routes.bp

__all__ = ["bp", "offer", "openapi", "openreferral", "routes", "schema"]
