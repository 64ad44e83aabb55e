"""Browser tests: every page in every language, in headless Chromium, checked as a person would."""
