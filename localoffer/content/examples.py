"""Example "You said, we did" answers that a demonstration council ships.

A new portal has no feedback yet, so its "You said, we did" would be empty and a visitor
could not see what an answer looks like. `council/you-said-we-did.yaml` holds a few made-up
answers, each shown with an "Example" tag. A real council (`demo: false`) may not ship any:
an invented answer would then read as a promise.

    - entitlement: free-bus-pass      # the page it is about
      answered: 2026-11-20
      said: The bus pass should work on trains too.
      did: We asked the rail company. Trains are not included yet; we will ask again in 2027.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import yaml

from localoffer.content.fields import FieldReader, parse_yaml
from localoffer.content.model import ExampleAnswer
from localoffer.content.problems import Problem

FILE = "you-said-we-did.yaml"
MAX_TEXT = 400


def load_examples(
    council_dir: Path, demo: bool, entitlement_ids: Collection[str], problems: list[Problem]
) -> tuple[ExampleAnswer, ...]:
    path = council_dir / FILE
    shown = f"{council_dir.name}/{FILE}"
    if not path.is_file():
        return ()
    if not demo:
        problems.append(Problem(shown, "file", "example answers are only for a demonstration "
                                "council (demo: true); remove this file"))  # fmt: skip
        return ()
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        problems.append(Problem(shown, "yaml", f"cannot be read: {' '.join(str(error).split())}"))
        return ()
    if not isinstance(data, list) or not data:
        problems.append(Problem(shown, "yaml", "must be a list of answers"))
        return ()
    found: list[ExampleAnswer] = []
    for number, entry in enumerate(data, start=1):
        if not isinstance(entry, dict):
            problems.append(Problem(shown, f"answer {number}", "must be a mapping"))
            continue
        before = len(problems)
        reader = FieldReader(f"{shown}: answer {number}", entry, problems)
        reader.reject_unknown(("entitlement", "answered", "said", "did"))
        about = reader.text("entitlement")
        answered = reader.day("answered")
        said = reader.text("said", max_length=MAX_TEXT)
        did = reader.text("did", max_length=MAX_TEXT)
        if about is not None and about not in entitlement_ids:
            reader.problem("entitlement", f"{about!r} is not an entitlement id")
        if len(problems) == before and about and answered and said and did:
            found.append(ExampleAnswer(about, answered, said.strip(), did.strip()))
    return tuple(sorted(found, key=lambda a: a.answered, reverse=True))


__all__ = ["ExampleAnswer", "load_examples"]
