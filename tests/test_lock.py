"""requirements.lock pins, with hashes, everything pyproject.toml asks for; the check that
says so fails loudly, naming the dependency, when they disagree."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from localoffer.config import PROJECT_ROOT

CHECK = PROJECT_ROOT / "scripts" / "check_lock.py"
PYPROJECT = PROJECT_ROOT / "pyproject.toml"
LOCK = PROJECT_ROOT / "requirements.lock"


def check(pyproject: Path, lock: Path = LOCK) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(CHECK), str(pyproject), str(lock)],
                          capture_output=True, text=True, timeout=60, check=False)  # fmt: skip


def test_the_lock_matches_pyproject_and_every_pin_has_hashes() -> None:
    """The committed lock covers every runtime, test and redis dependency."""
    result = check(PYPROJECT)
    assert result.returncode == 0, result.stderr


def test_a_dependency_missing_from_the_lock_is_named(tmp_path: Path) -> None:
    """Adding a dependency without `make lock` fails, naming it and the command to run."""
    changed = tmp_path / "pyproject.toml"
    text = PYPROJECT.read_text(encoding="utf-8")
    added = text.replace("dependencies = [\n", 'dependencies = [\n    "pyfiglet>=1.0",\n', 1)
    changed.write_text(added)
    result = check(changed)
    assert result.returncode == 1
    assert "pyfiglet>=1.0 is in pyproject.toml but not in requirements.lock" in result.stderr
    assert "make lock" in result.stderr


def test_a_range_the_pinned_version_is_outside_of_is_named(tmp_path: Path) -> None:
    """Raising a floor above the locked version fails, naming the pin."""
    changed = tmp_path / "pyproject.toml"
    text = PYPROJECT.read_text(encoding="utf-8")
    changed.write_text(text.replace('"flask>=3.1,<4"', '"flask>=99"', 1))
    result = check(changed)
    assert result.returncode == 1 and "flask>=99 is in pyproject.toml but" in result.stderr


def test_a_pin_without_hashes_is_named(tmp_path: Path) -> None:
    """A hand-edited pin with no hash would defeat --require-hashes, so it is refused."""
    lock = tmp_path / "requirements.lock"
    lock.write_text(LOCK.read_text(encoding="utf-8") + "extra-thing==1.0\n")
    result = check(PYPROJECT, lock)
    assert result.returncode == 1 and "extra-thing==1.0 has no hashes" in result.stderr
