"""Requests per second and latency under load, each page against a bare route, same server.

Run from the repository root: python benchmarks/throughput.py [seconds per URL]
Starts the portal under gunicorn with gunicorn.conf.py on a free loopback port (the
benchmark's own app, which adds /_bench/hello) and loads each URL with wrk: 50 connections,
2 threads, Accept-Encoding gzip and br as a phone's browser sends, 10 s each by default after
a 2 s warm-up. Prints requests/s, p50/p95/p99 latency and each page's share of the bare
route's requests/s. wrk runs on the same machine, so it takes some of the cores too.

Rows: the bare route, an entitlement page (kept in memory, the same for everyone), and the
pages that hold a young person's answers, which are rendered for each request: the checker
result from finished answers in the session cookie (English and Arabic), the shared result
link, its print view and the walkthrough with that result.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from serving import HELLO_PATH, PAGES, create_bench_app, gunicorn, worker_pids

# The worked example's answers: born 1 May 2007, in care from June 2021 to April 2025.
SHARED_QUERY = PAGES["checker result"].split("?", 1)[1]
# (path, needs the session cookie holding finished checker answers)
ROWS: dict[str, tuple[str, bool]] = {
    "bare": (HELLO_PATH, False),
    "entitlement": (PAGES["entitlement"], False),
    "result": ("/check/result/", True),
    "result ar": ("/ar/check/result/", True),
    "shared": (f"/check/shared/?{SHARED_QUERY}", False),
    "print": (f"/check/result/print/?{SHARED_QUERY}", False),
    "walkthrough result": (f"/walkthrough/?{SHARED_QUERY}", False),
}

CONNECTIONS = 50
THREADS = 2
WARM_UP_SECONDS = 2
TARGET_RATIO = 0.6  # entitlement page / bare route
TARGET_P99_MS = 50
RESULT_TARGET_RATIO = 0.5  # result, shared, print and walkthrough pages / bare route
# wrk prints only some percentiles; this asks for the ones we report, and the errors.
REPORT_SCRIPT = """
wrk.headers["Accept-Encoding"] = "gzip, br"
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %d %f %f %f %f %d\\n", summary.requests,
    summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, errors))
end
"""


def require_wrk() -> str:
    wrk = shutil.which("wrk")
    if wrk is None:
        sys.exit(
            "This benchmark needs the wrk load generator, which is not installed.\n"
            "On Debian or Ubuntu: sudo apt-get install -y wrk"
        )
    return wrk


def session_cookie(folder: Path) -> str:
    """A session cookie holding the worked example's finished answers, sealed with the secret
    key the server was given (as a browser holds it after the last question)."""
    from localoffer.checker.sealed import sealed_answers
    from localoffer.checker.state import SESSION_KEY, CheckerState

    app = create_bench_app({"DATABASE_URL": f"sqlite:///{folder / 'cookie.sqlite3'}"})
    state = CheckerState(
        route="dates", date_of_birth="2007-05-01",
        periods=[{"start": "2021-06-01", "end": "2025-04-30", "short_break": False}],
        add_another="no", special_guardianship="no", custody="no", education="none",
        parent="", came_to_uk_alone="", disability="", where_you_live="", in_custody_now="",
    )  # fmt: skip
    client = app.test_client()
    with app.app_context(), client.session_transaction() as session:
        session[SESSION_KEY] = sealed_answers(asdict(state))
    cookie = client.get_cookie(app.config["SESSION_COOKIE_NAME"])
    assert cookie is not None
    return f"{cookie.key}={cookie.value}"


def expect_page(url: str, cookie: str | None) -> None:
    """Stop unless `url` answers 200 itself: wrk counts a redirect (answers not accepted)
    as a success, and would time the wrong page."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=60) as response:
        if response.status != 200 or response.geturl() != url:
            sys.exit(f"{url} did not answer with its own page (got {response.geturl()})")


def run_wrk(
    wrk: str, script: Path, url: str, seconds: int, cookie: str | None = None
) -> dict[str, float]:
    command = [
        wrk, f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "5s",
        "-s", str(script), url,
    ]  # fmt: skip
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    requests, duration, p50, p95, p99, errors = (float(v) for v in line.split()[1:])
    return {"requests": requests, "rps": requests / duration,
            "p50": p50, "p95": p95, "p99": p99, "errors": errors}  # fmt: skip


def main() -> None:
    seconds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    wrk = require_wrk()
    # One secret key for the server and this process, so the cookie made here opens there.
    os.environ.setdefault("LOCALOFFER_SECRET_KEY", secrets.token_hex(32))
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="localoffer-wrk-") as tmp:
        script = Path(tmp) / "report.lua"
        script.write_text(REPORT_SCRIPT)
        cookie = session_cookie(Path(tmp))
        with gunicorn() as (base, master):
            for name, (path, with_answers) in ROWS.items():
                sent = cookie if with_answers else None
                expect_page(base + path, sent)
                run_wrk(wrk, script, base + path, WARM_UP_SECONDS, sent)
                results[name] = run_wrk(wrk, script, base + path, seconds, sent)
            workers = len(worker_pids(master))
    print(f"gunicorn -c gunicorn.conf.py: {workers} workers; wrk {CONNECTIONS} connections, "
          f"{seconds} s per URL (timeouts at 5 s count as errors)\n")  # fmt: skip
    bare = results["bare"]["rps"]
    print(f"{'URL':<20}{'requests':>9}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
          f"{'errors':>8}{'/ bare':>8}")  # fmt: skip
    for name, r in results.items():
        print(f"{name:<20}{r['requests']:>9.0f}{r['rps']:>9.0f}{r['p50']:>9.1f}{r['p95']:>9.1f}{r['p99']:>9.1f}"
              f"{r['errors']:>8.0f}{r['rps'] / bare:>8.2f}")  # fmt: skip
    entitlement = results["entitlement"]
    ratio_met = entitlement["rps"] / bare >= TARGET_RATIO
    p99_met = entitlement["p99"] < TARGET_P99_MS
    print(f"\nTargets for the entitlement page: >= {TARGET_RATIO} of bare "
          f"({'met' if ratio_met else 'NOT MET'}), p99 < {TARGET_P99_MS} ms "
          f"({'met' if p99_met else 'NOT MET'})")  # fmt: skip
    answered = [name for name in ROWS if name not in ("bare", "entitlement")]
    slowest = min(answered, key=lambda name: results[name]["rps"])
    ratio = results[slowest]["rps"] / bare
    print(f"Target for the pages with answers: >= {RESULT_TARGET_RATIO} of bare; the slowest, "
          f"{slowest}, is at {ratio:.2f} ({'met' if ratio >= RESULT_TARGET_RATIO else 'NOT MET'})")


if __name__ == "__main__":
    main()
