"""How loading the content grows with its size, start-up time, and memory per worker.

Run from the repository root: python benchmarks/content_scale.py
1. Loads the shipped content, then synthetic content 10x and 100x its size (copies of every
   entitlement and its translations under new ids, in a temporary folder), each in a fresh
   process: load time, ms per file, and the process's peak memory.
2. Times create_app() for the shipped content in every published language (fresh process;
   imports counted separately), target < 2 s.
3. Starts gunicorn with gunicorn.conf.py (preload_app) and reads each worker's memory:
   resident, proportional (shared pages split between sharers) and private, target < 150 MB.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from serving import PAGES, ROOT, gunicorn, memory_mb, worker_pids

SCALES = (1, 10, 100)
STARTUP_TARGET_S = 2.0
WORKER_TARGET_MB = 150
_ID_LINE = re.compile(r"^id:\s*(\S+)\s*$", re.MULTILINE)

# Run in a fresh interpreter so each measurement starts from the same, empty state.
LOAD_PROBE = """
import json, resource, sys, time
from pathlib import Path
from localoffer.content import load_offer
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start, cpu = time.perf_counter(), time.process_time()
offer = load_offer(Path(sys.argv[1]), Path(sys.argv[1]) / "council")
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "cpu": cpu, "entitlements": len(offer.entitlements),
                  "peak_mb": after / 1024, "growth_mb": (after - before) / 1024}))
"""
STARTUP_PROBE = """
import json, resource, sys, time
start = time.perf_counter()
from localoffer import create_app
imported, cpu = time.perf_counter(), time.process_time()
app = create_app({"DATABASE_URL": sys.argv[1]})
built, cpu = time.perf_counter(), time.process_time() - cpu
print(json.dumps({"imports": imported - start, "create_app": built - imported, "cpu": cpu,
                  "languages": len(app.config["LANGUAGES"]),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def synthetic_content(scale: int, folder: Path) -> Path:
    """The shipped content with every entitlement file copied scale - 1 more times."""
    target = folder / f"content-x{scale}"
    shutil.copytree(ROOT / "content", target)
    sources = [p for p in target.rglob("*.md") if "." not in p.stem and p.name != "README.md"]
    for source in sources:
        text = source.read_text(encoding="utf-8")
        match = _ID_LINE.search(text)
        if match is None:
            continue
        original = match.group(1)
        translations = list(source.parent.glob(f"{original}.*.md"))
        for copy in range(2, scale + 1):
            new_id = f"{original}-copy-{copy}"
            # A translation records the hash of title, summary and body, not the id, so it
            # stays current for its copied source.
            (source.parent / f"{new_id}.md").write_text(
                _ID_LINE.sub(f"id: {new_id}", text, count=1), encoding="utf-8"
            )
            for translation in translations:
                lang = translation.name[len(original) + 1 : -len(".md")]
                shutil.copyfile(translation, source.parent / f"{new_id}.{lang}.md")
    return target


def probe(script: str, *args: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", script, *args], cwd=ROOT, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip().splitlines()[-1])
    return json.loads(result.stdout)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="localoffer-scale-") as tmp:
        folder = Path(tmp)
        print(f"{'content':<10}{'files':>7}{'entitlements':>14}{'load s':>9}{'CPU s':>8}"
              f"{'ms/file':>9}{'peak MB':>9}{'load MB':>9}")  # fmt: skip
        per_file = []
        for scale in SCALES:
            content = ROOT / "content" if scale == 1 else synthetic_content(scale, folder)
            files = sum(1 for p in content.rglob("*") if p.suffix in (".md", ".yaml"))
            r = probe(LOAD_PROBE, str(content))
            # CPU time per file: wall time on a busy machine would measure the neighbours.
            per_file.append(r["cpu"] * 1000 / files)
            label = "shipped" if scale == 1 else f"{scale}x"
            print(f"{label:<10}{files:>7}{r['entitlements']:>14}{r['seconds']:>9.2f}"
                  f"{r['cpu']:>8.2f}{per_file[-1]:>9.2f}{r['peak_mb']:>9.0f}"
                  f"{r['growth_mb']:>9.0f}")  # fmt: skip
        growth = per_file[-1] / per_file[0]
        shape = "linear" if 0.5 <= growth <= 1.5 else "NOT linear"
        print(f"CPU ms per file at 100x is {growth:.2f} times the shipped figure: {shape}\n")

        start = probe(STARTUP_PROBE, f"sqlite:///{folder / 'startup.sqlite3'}")
        met = "met" if start["create_app"] < STARTUP_TARGET_S else "NOT MET (wall)"
        print(f"create_app(), shipped content, {start['languages']} languages: "
              f"{start['create_app']:.2f} s wall, {start['cpu']:.2f} s CPU "
              f"(target < {STARTUP_TARGET_S:.0f} s: {met}); "
              f"imports before it {start['imports']:.2f} s; "
              f"process peak {start['peak_mb']:.0f} MB\n")  # fmt: skip

    with gunicorn() as (base, master):
        # Every page once per worker (roughly): memory after real use, not just start-up.
        for _ in range(20):
            for path in PAGES.values():
                with urllib.request.urlopen(base + path, timeout=30) as response:
                    response.read()
        time.sleep(0.5)
        workers = worker_pids(master)
        print(f"gunicorn -c gunicorn.conf.py, preload_app: master and {len(workers)} workers")
        print(f"{'process':<10}{'RSS MB':>9}{'PSS MB':>9}{'private MB':>12}")
        worst = 0.0
        for label, pid in [("master", master), *((f"worker {i}", p) for i, p in
                                                   enumerate(workers, 1))]:  # fmt: skip
            m = memory_mb(pid)
            if label != "master":
                worst = max(worst, m["pss"])
            print(f"{label:<10}{m['rss']:>9.0f}{m['pss']:>9.0f}{m['private']:>12.1f}")
        met = "met" if worst < WORKER_TARGET_MB else "NOT MET"
        print(f"largest worker PSS {worst:.0f} MB (target < {WORKER_TARGET_MB} MB: {met})")


if __name__ == "__main__":
    main()
