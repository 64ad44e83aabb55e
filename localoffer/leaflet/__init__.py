"""The whole offer as a leaflet: a printable page and a PDF, in every language."""

from localoffer.leaflet.routes import bp

__all__ = ["bp"]
