"""Requests per second and latency under load, each page against a bare route, same server.

Run from the repository root: python benchmarks/throughput.py [seconds per URL]
Starts the portal under gunicorn with gunicorn.conf.py on a free loopback port (the
benchmark's own app, which adds /_bench/hello) and loads each URL with wrk: 50 connections,
2 threads, Accept-Encoding gzip and br as a phone's browser sends, 10 s each by default after
a 2 s warm-up. Prints requests/s, p50/p95/p99 latency and each page's share of the bare
route's requests/s. wrk runs on the same machine, so it takes some of the cores too.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from serving import HELLO_PATH, PAGES, gunicorn, worker_pids

CONNECTIONS = 50
THREADS = 2
WARM_UP_SECONDS = 2
TARGET_RATIO = 0.6  # entitlement page / bare route
TARGET_P99_MS = 50
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


def run_wrk(wrk: str, script: Path, url: str, seconds: int) -> dict[str, float]:
    command = [
        wrk, f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "5s",
        "-s", str(script), url,
    ]  # fmt: skip
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    requests, duration, p50, p95, p99, errors = (float(v) for v in line.split()[1:])
    return {"requests": requests, "rps": requests / duration,
            "p50": p50, "p95": p95, "p99": p99, "errors": errors}  # fmt: skip


def main() -> None:
    seconds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    wrk = require_wrk()
    urls = {"bare /_bench/hello": HELLO_PATH, **PAGES}
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="localoffer-wrk-") as tmp:
        script = Path(tmp) / "report.lua"
        script.write_text(REPORT_SCRIPT)
        with gunicorn() as (base, master):
            for name, path in urls.items():
                run_wrk(wrk, script, base + path, WARM_UP_SECONDS)
                results[name] = run_wrk(wrk, script, base + path, seconds)
            workers = len(worker_pids(master))
    print(f"gunicorn -c gunicorn.conf.py: {workers} workers; wrk {CONNECTIONS} connections, "
          f"{seconds} s per URL (timeouts at 5 s count as errors)\n")  # fmt: skip
    bare = results["bare /_bench/hello"]["rps"]
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


if __name__ == "__main__":
    main()
