"""Rate limits shared in Redis hold across gunicorn workers; per-process counters do not."""

from __future__ import annotations

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from pathlib import Path

import redis
from servers import clean_env, free_port, gunicorn

from localoffer import create_app
from localoffer.content import Offer

LIMIT = 3
SENT = 16
TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def send_feedback_at_once(base: str) -> list[int]:
    """SENT people's worth of feedback from one address, all at the same moment, so that
    every worker is busy answering some of it; the status of each answer."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirects()
    )
    with opener.open(base + "/feedback/", timeout=10) as response:
        token = TOKEN.search(response.read().decode()).group(1)  # type: ignore[union-attr]

    def send(number: int) -> int:
        body = urllib.parse.urlencode({"message": f"Limit test {number}", "csrf_token": token})
        try:
            with opener.open(base + "/feedback/", data=body.encode(), timeout=20) as response:
                return response.status
        except urllib.error.HTTPError as answer:
            return answer.code

    with ThreadPoolExecutor(SENT) as pool:
        return list(pool.map(send, range(SENT)))


def serve_with_limits(tmp_path: Path, storage: str, name: str) -> AbstractContextManager[str]:
    env = clean_env(
        LOCALOFFER_BIND=f"127.0.0.1:{free_port()}", LOCALOFFER_WORKERS="2",
        LOCALOFFER_SECRET_KEY="limits-test-" + "k" * 40,
        LOCALOFFER_DATABASE_URL=f"sqlite:///{tmp_path / (name + '.sqlite3')}",
        LOCALOFFER_RATELIMIT_STORAGE_URI=storage,
        LOCALOFFER_FEEDBACK_RATE_LIMIT=f"{LIMIT} per minute",
    )  # fmt: skip
    return gunicorn(env, tmp_path / f"{name}.log")


def test_a_feedback_limit_in_redis_holds_across_two_workers(redis_url: str, tmp_path: Path):
    """Two workers, one store: exactly the limit is thanked, the rest get 429."""
    store = redis.Redis.from_url(redis_url)
    store.flushdb()
    with serve_with_limits(tmp_path, redis_url, "redis") as base:
        statuses = send_feedback_at_once(base)
    assert statuses.count(302) == LIMIT, statuses
    assert statuses.count(429) == SENT - LIMIT, statuses
    assert any(store.scan_iter("*localoffer*")), "the counters are not in Redis"


def test_per_process_counters_let_each_worker_count_alone(
    tmp_path: Path, shipped_offer: Offer
) -> None:
    """Two copies of the portal (as two workers) with counters in memory each let the limit
    through, so twice the limit is thanked: why several workers need Redis."""
    database = f"sqlite:///{tmp_path / 'memory.sqlite3'}"
    workers = [
        create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "OFFER": shipped_offer,
                    "DATABASE_URL": database, "RATELIMIT_STORAGE_URI": "memory://",
                    "FEEDBACK_RATE_LIMIT": f"{LIMIT} per minute"}).test_client()
        for _ in range(2)
    ]  # fmt: skip
    statuses = [
        worker.post("/feedback/", data={"message": f"Limit test {n}"}).status_code
        for n in range(SENT // 2) for worker in workers
    ]  # fmt: skip
    assert statuses.count(302) == 2 * LIMIT, statuses
