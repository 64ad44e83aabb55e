"""The layers of docs/architecture.md: each imports only the layers below it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "localoffer"
WEB_FRAMEWORK = ("flask", "flask_babel", "flask_wtf", "werkzeug", "jinja2", "sqlalchemy")
# A module defines pages when it makes a blueprint or adds a route to one.
ROUTE_MARKS = ("Blueprint(", "@bp.", "localised_route(bp")
FEATURES = ("api", "checker", "feedback", "leaflet", "moderation", "search", "walkthrough")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module a file imports, wherever in the file the import is."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            folder = PACKAGE.parent.joinpath(*node.module.split("."))
            # `from package import module` names the module, not what the package holds.
            if not all((folder / f"{alias.name}.py").exists() for alias in node.names):
                found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def files_in(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (PACKAGE / folder).rglob("*.py"))


def within(name: str, *prefixes: str) -> bool:
    return any(name == prefix or name.startswith(f"{prefix}.") for prefix in prefixes)


@pytest.mark.parametrize(
    "module",
    ["localoffer.rules", "localoffer.content", "localoffer.content.cli", "localoffer.languages"],
)
def test_the_rules_and_the_content_load_without_the_web_framework(module: str) -> None:
    """Importing the rules or the content in a fresh interpreter loads no Flask, Jinja or SQL."""
    probe = (
        f"import sys, {module}\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & {set(WEB_FRAMEWORK)!r}))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == "[]", f"{module} loads {loaded}"


def test_the_rules_import_only_the_standard_library_and_themselves() -> None:
    """The law as code depends on nothing but Python and the YAML reader for its dated
    parameters (rules/parameters.yaml): no content, no web, no other package."""
    wrong = {
        f"{module_name(path)} imports {name}"
        for path in files_in("rules")
        for name in imports(path)
        if not within(name, "localoffer.rules", "__future__", "yaml")
        and name.split(".")[0] not in sys.stdlib_module_names
    }
    assert not wrong, sorted(wrong)


def test_the_content_imports_no_web_layer() -> None:
    """Content may use the rules' vocabulary and the language list, never the web or a feature."""
    allowed = (
        "localoffer.content",
        "localoffer.rules",
        "localoffer.languages",
        "localoffer.clock",
        "localoffer.config",
    )
    wrong = {
        f"{module_name(path)} imports {name}"
        for path in files_in("content")
        for name in imports(path)
        if (name.startswith("localoffer") and not within(name, *allowed))
        or within(name, *WEB_FRAMEWORK)
    }
    assert not wrong, sorted(wrong)


def test_the_shared_web_layer_imports_no_feature() -> None:
    """The shared web layer serves every feature, so it must not reach back into one of them."""
    features = tuple(f"localoffer.{name}" for name in FEATURES)
    # The health check asks the feedback database whether it answers and holds the latest
    # schema, and every 429 page says when to try again from the rate limiter: shared
    # resources the feedback package owns, not its pages.
    allowed = ("localoffer.feedback.db", "localoffer.feedback.migrate",
               "localoffer.feedback.limits")  # fmt: skip
    wrong = {
        f"{module_name(path)} imports {name}"
        for path in [*files_in("web"), PACKAGE / "i18n.py", PACKAGE / "extensions.py"]
        for name in imports(path)
        if within(name, *features) and not within(name, *allowed)
    }
    assert not wrong, sorted(wrong)


def test_no_feature_imports_another_features_pages() -> None:
    """Route modules are imported only by their own package, so a feature's pages stay its own."""
    route_modules = {
        module_name(path)
        for path in PACKAGE.rglob("*.py")
        if any(mark in path.read_text(encoding="utf-8") for mark in ROUTE_MARKS)
    }
    assert {"localoffer.checker.routes", "localoffer.checker.results"} <= route_modules
    wrong = {
        f"{module_name(path)} imports {name}"
        for path in PACKAGE.rglob("*.py")
        if path != PACKAGE / "__init__.py"  # create_app assembles them all
        for name in imports(path)
        for target in route_modules
        if within(name, target) and name.split(".")[:2] != module_name(path).split(".")[:2]
    }
    assert not wrong, sorted(wrong)
