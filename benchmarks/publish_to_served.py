"""Time from publishing a change on one machine to every worker of another serving it.

Run from the repository root: python benchmarks/publish_to_served.py [runs]
Starts two gunicorn instances (gunicorn.conf.py, two workers each) on different loopback
ports, each with its own copy of the content folder, as two machines would have, sharing one
database: a temporary SQLite file, or LOCALOFFER_BENCH_DATABASE_URL (e.g. a PostgreSQL
server). A publisher signs in on the first through the real pages and publishes a new
summary; the second is asked for the page every 50 ms until each answer has it. Prints the
seconds from the publish response to the first and to the steady new answer.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from serving import ROOT, free_port, wait_until_serving

EMAIL = "publisher@council.example"
PASSWORD = "correct horse battery staple"
EDIT = "/moderation/content/graduation-costs/"
PUBLIC = "/education-employment-training/graduation-costs/"
_CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def environment(content: Path, database: str) -> dict[str, str]:
    return {**os.environ, "LOCALOFFER_CONTENT_DIR": str(content),
            "LOCALOFFER_DATABASE_URL": database, "LOCALOFFER_SECRET_KEY": "bench-only",
            "PYTHONPATH": str(ROOT)}  # fmt: skip


def start(content: Path, database: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"),
         "--bind", f"127.0.0.1:{port}", "--workers", "2", "--access-logfile", "/dev/null",
         "--log-level", "warning", "localoffer:create_app()"],
        cwd=ROOT, env=environment(content, database),
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    wait_until_serving(base + "/healthz", process, 120)
    return process, base


def form_fields(html: str) -> dict[str, str]:
    """The edit form's fields as a browser would send them."""
    from html import unescape

    fields = {m[1]: unescape(m[2]) for m in re.finditer(
        r'<input[^>]*name="([a-z_]+)"[^>]*value="([^"]*)"', html)}  # fmt: skip
    fields |= {m[1]: unescape(m[2]) for m in re.finditer(
        r'<textarea[^>]*name="([a-z_]+)"[^>]*>\n?(.*?)</textarea>', html, re.DOTALL)}  # fmt: skip
    return fields


def publish(base: str, summary: str, note: str) -> None:
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )

    def post(path: str, data: dict[str, str]) -> str:
        body = urllib.parse.urlencode(data).encode()
        with opener.open(base + path, body, timeout=60) as response:
            return response.read().decode()

    login = opener.open(base + "/moderation/login", timeout=30).read().decode()
    post("/moderation/login", {"email": EMAIL, "password": PASSWORD,
                               "csrf_token": _CSRF.search(login)[1]})  # fmt: skip
    fields = form_fields(opener.open(base + EDIT, timeout=30).read().decode())
    page = post(EDIT, fields | {"summary": summary, "note": note, "action": "publish"})
    if "Published." not in page:
        raise SystemExit(f"publishing failed: {re.findall(r'error-message[^>]*>(.*?)<', page)}")


def served(base: str, text: str) -> bool:
    with urllib.request.urlopen(base + PUBLIC, timeout=10) as response:
        return text in response.read().decode()


def main(runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="localoffer-publish-") as tmp:
        folder = Path(tmp)
        database = os.environ.get("LOCALOFFER_BENCH_DATABASE_URL") or (
            f"sqlite:///{folder / 'shared.sqlite3'}"
        )
        first, second = folder / "machine-1", folder / "machine-2"
        for copy in (first, second):
            shutil.copytree(ROOT / "content", copy)
        subprocess.run([sys.executable, "-m", "flask", "--app", "localoffer", "db", "upgrade"],
                       env=environment(first, database), cwd=ROOT, check=True)  # fmt: skip
        subprocess.run(
            [sys.executable, "-m", "flask", "--app", "localoffer", "moderators", "add", EMAIL,
             "--role", "editor", "--role", "publisher"],
            input=f"{PASSWORD}\n{PASSWORD}\n".encode(), env=environment(first, database),
            cwd=ROOT, check=True, capture_output=True,
        )  # fmt: skip
        one, base_one = start(first, database)
        two, base_two = start(second, database)
        try:
            for run in range(runs):
                summary = f"When you graduate, we help pay for your gown and photos ({run})."
                served(base_two, summary)  # the old page, now in the second one's cache
                publish(base_one, summary, f"Benchmark change {run}")
                published = time.monotonic()
                first_seen = None
                steady = 0
                while steady < 8:  # eight new answers in a row: every worker has it
                    if served(base_two, summary):
                        first_seen = first_seen or time.monotonic() - published
                        steady += 1
                    else:
                        steady = 0
                    time.sleep(0.05)
                    if time.monotonic() - published > 60:
                        raise SystemExit("not served within 60 s")
                print(f"run {run + 1}: first served after {first_seen:.2f} s, "
                      f"steady after {time.monotonic() - published:.2f} s")
        finally:
            for process in (one, two):
                process.terminate()
                process.wait(timeout=30)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
