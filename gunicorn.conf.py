"""Production serving: `gunicorn -c gunicorn.conf.py` from the repository root, or
`gunicorn -c python:localoffer.shipped.gunicorn_conf` from anywhere when installed from the
wheel (which carries a copy of this file).

Every setting can be changed with the environment variable named next to it, so a service
unit or container sets LOCALOFFER_BIND and friends instead of editing this file.
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Any

wsgi_app = "localoffer:create_app()"
bind = os.environ.get("LOCALOFFER_BIND", "127.0.0.1:8000")

# Sync workers: each page is a short, CPU-bound render (or a copy from the page cache) with
# no slow calls to wait on, so processes, not threads, use the cores. 2 x cores + 1 keeps a
# core busy while another worker writes a response; the cap stops a large machine from
# starting dozens of copies that only compete for the same cores and database.
_cores = multiprocessing.cpu_count()
workers = int(os.environ.get("LOCALOFFER_WORKERS") or min(2 * _cores + 1, 12))
worker_class = "sync"

# The content is loaded and checked once, in the master, and the workers share that memory
# copy-on-write: start-up cost and memory are paid once, and a broken content file stops the
# service before any worker starts.
preload_app = True

# A page takes milliseconds; a worker silent for 30 s is stuck and is replaced.
timeout = int(os.environ.get("LOCALOFFER_TIMEOUT", "30"))
graceful_timeout = 30
# No `keepalive`: sync workers close each connection after its response and ignore it. The
# front proxy (deploy/nginx.conf) keeps its connections to browsers open instead, and buffers
# whole requests and responses so a slow phone never holds a worker.
#
# No control socket: gunicorn 25+ would otherwise create one in $XDG_RUNTIME_DIR or
# $HOME/.gunicorn, where a service account may have no home, and through which anyone who can
# reach it could change the number of workers or stop the service.
control_socket_disable = True
# Recycle workers now and then (at different times) so no slow growth builds up.
max_requests = 10_000
max_requests_jitter = 1_000
# Heartbeat files in memory: a container's overlay file system can stall them.
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"

# Access log WITHOUT query strings or client details: the checker's share link carries a
# date of birth and care dates in its query string (%(r)s and %(q)s would log them), and
# we keep no addresses, user agents or referrers of the young people using the service.
# %(U)s is the path alone.
accesslog = os.environ.get("LOCALOFFER_ACCESS_LOG", "-")
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = os.environ.get("LOCALOFFER_LOG_LEVEL", "info")

# Which front-end addresses may set X-Forwarded-Proto (so the portal knows a request came
# in over HTTPS). Only the proxy on this machine by default; behind a load balancer, set
# LOCALOFFER_FORWARDED_ALLOW_IPS to its address(es), comma-separated. Never "*" on a port the
# internet can reach: anyone could then claim to be on HTTPS. The visitor's own address for
# rate limits comes from the portal itself (LOCALOFFER_TRUSTED_PROXIES), not from gunicorn.
forwarded_allow_ips = os.environ.get("LOCALOFFER_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")


def post_fork(server: Any, worker: Any) -> None:
    """Each worker opens its own database connections: a connection the master opened
    (the SQLite upgrade at start-up) must never be shared by two processes."""
    app = server.app.wsgi()
    database = app.extensions.get("localoffer.db")
    if database is not None:
        database.engine.dispose(close=False)
