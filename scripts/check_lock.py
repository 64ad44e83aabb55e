"""Fail loudly when requirements.lock no longer matches pyproject.toml.

    python scripts/check_lock.py [pyproject.toml] [requirements.lock]

Every dependency that pyproject.toml names (the runtime ones and those of every extra) must
be pinned in the lock at a version its range allows, and every pin must carry hashes.
Otherwise it says which, and to run `make lock`.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)")


def pins(lock_text: str) -> dict[str, tuple[str, bool]]:
    """Each pinned package's version, and whether its entry carries a hash."""
    found: dict[str, tuple[str, bool]] = {}
    name = ""
    for line in lock_text.splitlines():
        match = PIN.match(line)
        if match:
            name = canonicalize_name(match.group(1))
            found[name] = (match.group(2), "--hash=sha256:" in line)
        elif name and "--hash=sha256:" in line:
            found[name] = (found[name][0], True)
    return found


def problems(pyproject: Path, lock: Path) -> list[str]:
    """What disagrees, one line each (empty when the lock matches)."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    own = canonicalize_name(project["name"])
    wanted = [*project.get("dependencies", [])]
    for extra in project.get("optional-dependencies", {}).values():
        wanted.extend(extra)
    locked = pins(lock.read_text(encoding="utf-8"))
    found = [f"{name}=={version} has no hashes" for name, (version, hashed) in locked.items()
             if not hashed]  # fmt: skip
    for line in wanted:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        if name == own:  # an extra naming another extra of this package
            continue
        if name not in locked:
            found.append(f"{requirement} is in {pyproject.name} but not in {lock.name}")
        elif not requirement.specifier.contains(locked[name][0], prereleases=True):
            found.append(f"{requirement} is in {pyproject.name} but {lock.name} pins "
                         f"{name}=={locked[name][0]}")  # fmt: skip
    return found


def main(argv: list[str]) -> int:
    pyproject = Path(argv[1]) if len(argv) > 1 else ROOT / "pyproject.toml"
    lock = Path(argv[2]) if len(argv) > 2 else ROOT / "requirements.lock"
    found = problems(pyproject, lock)
    for line in found:
        print(f"{lock.name}: {line}", file=sys.stderr)
    if found:
        print(f"{lock.name} does not match {pyproject.name}: run `make lock` and commit both.",
              file=sys.stderr)  # fmt: skip
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
