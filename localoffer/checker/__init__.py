"""The eligibility checker: the rules applied to the offer, for the web, the API and the CLI.

`bp` is the checker's one blueprint: the question pages (routes.py) and the pages that keep
a result (results.py) both add to it, and both are imported here so it is always complete.
"""

from localoffer.checker import results, routes

bp = routes.bp

__all__ = ["bp", "results", "routes"]
