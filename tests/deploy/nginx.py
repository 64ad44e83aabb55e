"""The shipped deploy/nginx.conf, run as its own nginx instance on loopback for the tests.

Only the ports, the upstream port, the certificate and the log path are changed; each change
must find its line, so an edit to the shipped file cannot slip past the tests unnoticed.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from servers import accepts, program, started

from localoffer.config import PROJECT_ROOT

SHIPPED = PROJECT_ROOT / "deploy" / "nginx.conf"


@dataclass(frozen=True)
class Certificate:
    cert: Path
    key: Path


def self_signed_certificate(folder: Path) -> Certificate:
    """A throwaway certificate for 127.0.0.1, made with openssl for this run only."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [program("openssl"), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return Certificate(cert, key)


def _replace(text: str, old: str, new: str) -> str:
    assert text.count(old) >= 1, f"deploy/nginx.conf no longer has {old!r}"
    return text.replace(old, new)


def site_config(https_port: int, http_port: int, upstream_port: int, certificate: Certificate,
                access_log: Path) -> str:  # fmt: skip
    """deploy/nginx.conf with this run's ports, certificate and log; IPv6 listeners dropped."""
    text = SHIPPED.read_text(encoding="utf-8")
    for old, new in (
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"),
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("proxy_pass http://127.0.0.1:8000;", f"proxy_pass http://127.0.0.1:{upstream_port};"),
        ("/etc/ssl/localoffer/fullchain.pem", str(certificate.cert)),
        ("/etc/ssl/localoffer/privkey.pem", str(certificate.key)),
        ("/var/log/nginx/localoffer.access.log", str(access_log)),
    ):
        text = _replace(text, old, new)
    lines = [line for line in text.splitlines() if "listen [::]:" not in line]
    return "\n".join(lines) + "\n"


def main_config(folder: Path, site: Path) -> str:
    """What Debian's /etc/nginx/nginx.conf gives, kept in `folder`: the site is included
    inside `http { }`, as from /etc/nginx/conf.d/."""
    user = "user root;\n" if os.geteuid() == 0 else ""
    temp = "\n".join(
        f"    {name}_temp_path {folder / name};"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""{user}worker_processes 1;
pid {folder / "nginx.pid"};
error_log {folder / "error.log"} warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
{temp}
    include {site};
}}
"""


@contextmanager
def nginx(folder: Path, https_port: int, http_port: int, upstream_port: int,
          certificate: Certificate) -> Iterator[Path]:  # fmt: skip
    """nginx in the foreground with the shipped site; yields the access log's path."""
    access_log = folder / "access.log"
    site = folder / "localoffer.conf"
    site.write_text(site_config(https_port, http_port, upstream_port, certificate, access_log))
    main = folder / "nginx.conf"
    main.write_text(main_config(folder, site))
    binary = program("nginx", "/usr/sbin")
    check = subprocess.run([binary, "-t", "-q", "-p", str(folder), "-c", str(main)],
                           capture_output=True, text=True, timeout=30, check=False)  # fmt: skip
    assert check.returncode == 0, check.stderr
    command = [binary, "-p", str(folder), "-c", str(main), "-g", "daemon off;"]
    with started(command, folder / "nginx.out", lambda: accepts(https_port)):
        yield access_log
