"""The eligibility checker: the rules applied to the offer, for the web, the API and the CLI."""
