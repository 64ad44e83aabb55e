"""HTTP plumbing shared by every feature: pages, errors, formatting."""
