"""Real servers for the deployment tests: gunicorn, nginx and redis-server on loopback.

Each is started on a free 127.0.0.1 port in its own process group, waited for, and stopped
(the whole group) afterwards. `redis_server()` is what the shared-limit tests use; other tests
that need a shared store take the `redis_url` fixture from tests/conftest.py.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from localoffer.config import PROJECT_ROOT

START_TIMEOUT = 90
INSTALL_HINT = "run `bash scripts/ensure-services.sh` (as root it installs nginx and redis-server)"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def program(name: str, *folders: str) -> str:
    """The path of a Debian program, or a failure that says how to install it (never a skip)."""
    found = shutil.which(name, path=os.pathsep.join([*folders, os.environ.get("PATH", "")]))
    if found is None:
        raise AssertionError(f"{name} is not installed: {INSTALL_HINT}")
    return found


def clean_env(**settings: str) -> dict[str, str]:
    """This process's environment without any LOCALOFFER_ or FLASK_ setting, plus `settings`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LOCALOFFER_", "FLASK_"))}
    return {**env, **settings}


def stop(process: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    """Stop the process and everything it started (one process group), with `sig`, then
    with SIGKILL if it has not gone within 20 s."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=20)
            return
        except subprocess.TimeoutExpired:
            pass
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=20)


@contextmanager
def started(
    command: Sequence[str], log: Path, ready: Callable[[], bool], *, cwd: Path | None = None,
    env: dict[str, str] | None = None, stop_signal: int = signal.SIGTERM,
) -> Iterator[subprocess.Popen[bytes]]:
    """Run `command` until the block ends; `ready()` says when it is serving."""
    with log.open("ab") as output:
        process = subprocess.Popen(
            list(command), cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not ready():
            if process.poll() is not None:
                raise AssertionError(f"{command[0]} stopped while starting:\n{log.read_text()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"{command[0]} did not start in {START_TIMEOUT}s")
            time.sleep(0.1)
        yield process
    finally:
        stop(process, stop_signal)


def answers(url: str) -> bool:
    """True when `url` answers 200 (any TLS certificate accepted: ours is made for the test)."""
    context = ssl._create_unverified_context()
    try:
        with urllib.request.urlopen(url, timeout=5, context=context) as response:
            return response.status == 200
    except (OSError, urllib.error.URLError):
        return False


def accepts(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@contextmanager
def gunicorn(
    env: dict[str, str], log: Path, *, python: str = sys.executable, cwd: Path = PROJECT_ROOT,
    config: str = "gunicorn.conf.py",
) -> Iterator[str]:
    """The portal under gunicorn with the production settings file; yields its base URL."""
    base = f"http://{env['LOCALOFFER_BIND']}"
    command = [python, "-m", "gunicorn", "-c", config]
    # SIGINT: gunicorn's quick shutdown (SIGTERM would wait for workers to finish gracefully).
    with started(command, log, lambda: answers(base + "/healthz"), cwd=cwd, env=env,
                 stop_signal=signal.SIGINT):  # fmt: skip
        yield base


@contextmanager
def redis_server(folder: Path) -> Iterator[str]:
    """A throwaway redis-server on loopback, nothing saved to disk; yields its URL."""
    port = free_port()
    command = [program("redis-server", "/usr/bin", "/usr/sbin"), "--bind", "127.0.0.1",
               "--port", str(port), "--dir", str(folder), "--save", "", "--appendonly", "no",
               "--protected-mode", "yes", "--daemonize", "no"]  # fmt: skip
    with started(command, folder / "redis.log", lambda: accepts(port)):
        yield f"redis://127.0.0.1:{port}/0"
