"""Accepted feedback submissions per second on SQLite, with several writers at once.

Run from the repository root: .venv/bin/python benchmarks/feedback.py [seconds] [writers]

Starts the portal under gunicorn on loopback (the project's gunicorn.conf.py, with 3 worker
processes sharing one SQLite file in WAL mode with synchronous=FULL, as a small council
would run it), then has each writer
(a thread with its own connection and cookie, like a separate person) fetch the feedback
form once for its CSRF token and post messages as fast as it is answered. A submission
counts as acknowledged when the portal redirects to the confirmation page. Afterwards it
reads the database directly and checks that every acknowledged submission is there.
Rate limiting is set very high for the run: it is the database that is being measured.
"""

from __future__ import annotations

import http.client
import os
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
WORKERS = 3


@dataclass
class Writer:
    number: int
    acknowledged: list[str] = field(default_factory=list)
    refused: int = 0
    errors: int = 0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(port: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/feedback/")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("The portal did not start")


def run_writer(writer: Writer, port: int, stop_at: float) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", "/feedback/")
    response = connection.getresponse()
    html = response.read().decode()
    cookie = response.getheader("Set-Cookie", "").split(";", 1)[0]
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)
    if not match:
        raise SystemExit("No CSRF token on the feedback form")
    token = match.group(1)
    count = 0
    while time.monotonic() < stop_at:
        marker = f"benchmark writer {writer.number} message {count}"
        count += 1
        body = urlencode({"csrf_token": token, "message": marker, "role": "forum"})
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}
        try:
            connection.request("POST", "/feedback/", body=body, headers=headers)
            response = connection.getresponse()
            response.read()
        except OSError:
            writer.errors += 1
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            continue
        location = response.getheader("Location") or ""
        if response.status == 302 and "/feedback/thanks/general/" in location:
            writer.acknowledged.append(marker)
        else:
            writer.refused += 1
    connection.close()


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    writers = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "benchmark.sqlite3"
        port = free_port()
        env = {
            **os.environ,
            "LOCALOFFER_DATABASE_URL": f"sqlite:///{database}",
            "LOCALOFFER_SECRET_KEY": "benchmark-" + "x" * 40,
            "LOCALOFFER_FEEDBACK_RATE_LIMIT": "1000000 per second",
        }
        gunicorn = Path(sys.executable).parent / "gunicorn"
        server = subprocess.Popen(
            [str(gunicorn), "--workers", str(WORKERS), "--bind", f"127.0.0.1:{port}",
             "--log-level", "warning", "--access-logfile", os.devnull,
             "localoffer:create_app()"],
            cwd=ROOT, env=env,
        )  # fmt: skip
        try:
            wait_until_up(port)
            stop_at = time.monotonic() + seconds
            crew = [Writer(number) for number in range(writers)]
            threads = [threading.Thread(target=run_writer, args=(w, port, stop_at)) for w in crew]
            started = time.monotonic()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.monotonic() - started
        finally:
            server.terminate()
            server.wait(timeout=30)

        acknowledged = [marker for writer in crew for marker in writer.acknowledged]
        with sqlite3.connect(database) as connection:
            stored = {row[0] for row in connection.execute("SELECT message FROM submissions")}
        missing = [marker for marker in acknowledged if marker not in stored]
        print(f"writers: {writers} threads against gunicorn with {WORKERS} workers, SQLite WAL, "
              f"synchronous=FULL, {os.cpu_count()} CPUs")  # fmt: skip
        print(f"duration: {elapsed:.1f} s")
        print(f"acknowledged submissions: {len(acknowledged)}")
        print(f"accepted submissions per second: {len(acknowledged) / elapsed:.1f}")
        print(f"refused: {sum(w.refused for w in crew)}, connection errors: "
              f"{sum(w.errors for w in crew)}")  # fmt: skip
        print(f"rows in the database: {len(stored)}")
        print(f"acknowledged but missing from the database: {len(missing)}")
        if missing:
            raise SystemExit(f"Lost acknowledged submissions, e.g. {missing[:3]}")


if __name__ == "__main__":
    main()
