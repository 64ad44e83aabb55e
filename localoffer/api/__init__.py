"""The JSON API: the same checker and offer, for other services and scripts."""
