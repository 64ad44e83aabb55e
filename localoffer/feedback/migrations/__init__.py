"""Alembic migrations of the feedback database; run with `flask --app localoffer db upgrade`."""
