"""What the serving benchmarks share: the benchmark's own app, a free loopback port, and the
portal started under gunicorn with the production settings (gunicorn.conf.py).

`/_bench/hello` exists only in the app built here, never in the product: it is the floor a
page is compared with (same server, same workers, same run).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent
HELLO_PATH = "/_bench/hello"
# Pages every benchmark measures: a home, a theme, an entitlement and a checker result
# (the shareable result link, so no session is needed).
PAGES: dict[str, str] = {
    "home": "/",
    "theme": "/themes/housing/",
    "entitlement": "/relationships/staying-put/",
    "entitlement (ar)": "/ar/relationships/staying-put/",
    "checker result": "/check/shared/?dob=2007-05-01&on=2026-11-23&care=2021-06-01..2025-04-30",
}

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def create_bench_app(test_config: dict[str, Any] | None = None) -> Flask:
    """The portal as shipped, plus the bare route the pages are compared with."""
    from localoffer import create_app

    app = create_app(test_config)

    @app.get(HELLO_PATH)
    def bench_hello() -> str:
        return "hello"

    return app


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def bench_environment(folder: Path) -> dict[str, str]:
    """A throwaway database, so a benchmark never touches the instance folder's."""
    return {
        **os.environ,
        "LOCALOFFER_DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "benchmarks"), str(ROOT)]),
    }


@contextmanager
def gunicorn(workers: int | None = None, start_timeout: float = 60) -> Iterator[tuple[str, int]]:
    """The benchmark app under gunicorn -c gunicorn.conf.py on a free loopback port.

    Yields the base URL and the master's process id.
    """
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="localoffer-bench-") as tmp:
        command = [
            sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"),
            "--bind", f"127.0.0.1:{port}", "--access-logfile", "/dev/null",
            "--log-level", "warning",
        ]  # fmt: skip
        if workers:
            command += ["--workers", str(workers)]
        command.append("serving:create_bench_app()")
        process = subprocess.Popen(command, cwd=ROOT, env=bench_environment(Path(tmp)))
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_serving(base + HELLO_PATH, process, start_timeout)
            yield base, process.pid
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_until_serving(url: str, process: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer {url} within {timeout:.0f} s")


def worker_pids(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def memory_mb(pid: int) -> dict[str, float]:
    """Resident, proportional (shared pages split between sharers) and private memory."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0]) / 1024
    private = fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)
    return {"rss": fields.get("Rss", 0), "pss": fields.get("Pss", 0), "private": private}
