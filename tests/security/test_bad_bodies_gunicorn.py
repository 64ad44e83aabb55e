"""Bodies the production server cannot read or no form takes, sent over raw sockets to a real
gunicorn: a styled 400 (JSON for the API), and nothing of the body in any log."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from .test_faults import free_port, running_server, server_env

# In every body below, so that any trace of a body in the log is found.
MARKER = b"SECRET-2007-05-01"
COOKIE = re.compile(rb"^Set-Cookie: (session=[^;]+)", re.MULTILINE | re.IGNORECASE)
TOKEN = re.compile(rb'name="csrf_token" type="hidden" value="([^"]+)"')


@dataclass
class Server:
    port: int
    log: Path

    def exchange(self, request: bytes) -> bytes:
        """Send bytes as they are, say nothing more is coming, and read the whole answer."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as connection:
            connection.sendall(request)
            connection.shutdown(socket.SHUT_WR)
            answer = b""
            while chunk := connection.recv(65536):
                answer += chunk
        return answer

    def form_session(self, path: str) -> tuple[str, str]:
        """A session cookie and the CSRF token of the form at `path`."""
        page = self.exchange(b"GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                             % path.encode())  # fmt: skip
        cookie, token = COOKIE.search(page), TOKEN.search(page)
        assert cookie and token, page[:300]
        return cookie.group(1).decode(), token.group(1).decode()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("bodies")
    port, log = free_port(), folder / "server.log"
    env = server_env(folder / "bodies.sqlite3", port, LOCALOFFER_WORKERS="1")
    with running_server(env, log):
        yield Server(port, log)


def post(path: str, cookie: str, headers: str, body: bytes) -> bytes:
    head = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            f"Cookie: {cookie}\r\n{headers}\r\n")  # fmt: skip
    return head.encode() + body


def upload(token: str) -> tuple[str, bytes]:
    """The feedback form with a file sent in its message field."""
    body = (b"--xyz\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n%s\r\n"
            b"--xyz\r\nContent-Disposition: form-data; name=\"message\"; filename=\"a.txt\"\r\n"
            b"Content-Type: text/plain\r\n\r\n%s\r\n--xyz--\r\n") % (token.encode(), MARKER)
    headers = f"Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: {len(body)}\r\n"
    return headers, body


def chunked(token: str, broken: str) -> tuple[str, bytes]:
    """A form body sent in chunks, broken in one of the ways a parser must refuse."""
    fields = b"csrf_token=%s&message=%s" % (token.encode(), MARKER)
    bodies = {
        "size not hex": b"zz\r\n%s\r\n0\r\n\r\n" % fields,
        "chunk longer than its size": b"5\r\n%s\r\n0\r\n\r\n" % fields,
        "body ends inside a chunk": b"%x\r\n%s" % (len(fields) + 40, fields),
    }
    return ("Content-Type: application/x-www-form-urlencoded\r\n"
            "Transfer-Encoding: chunked\r\n", bodies[broken])  # fmt: skip


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


def assert_styled_400(answer: bytes) -> None:
    assert status_of(answer) == 400, answer[:200]
    assert b"Content-Type: text/html" in answer
    assert b'<link rel="stylesheet" href="/static/' in answer or b"/static/css/" in answer
    assert b"<h1" in answer and b"Traceback" not in answer


def assert_nothing_of_the_body_logged(server: Server) -> None:
    log = server.log.read_bytes()
    assert MARKER not in log and b"Traceback" not in log and b"ERROR" not in log, log[-2000:]


def test_a_file_in_a_text_field_gets_the_styled_400_and_is_not_logged(server: Server) -> None:
    """Once a 500 whose traceback went to gunicorn's error log; now a 400 page, log clean."""
    cookie, token = server.form_session("/feedback/")
    headers, body = upload(token)
    assert_styled_400(server.exchange(post("/feedback/", cookie, headers, body)))
    assert_nothing_of_the_body_logged(server)


@pytest.mark.parametrize("broken", ["size not hex", "chunk longer than its size",
                                    "body ends inside a chunk"])  # fmt: skip
@pytest.mark.parametrize("path", ["/feedback/", "/check/route/"])
def test_a_malformed_chunked_body_gets_the_styled_400_and_is_not_logged(
    server: Server, path: str, broken: str
) -> None:
    """gunicorn's parser error quoted the body in a 500's traceback; now a 400, log clean."""
    cookie, token = server.form_session(path)
    headers, body = chunked(token, broken)
    answer = server.exchange(post(path, cookie, headers, body))
    assert_styled_400(answer)
    assert_nothing_of_the_body_logged(server)


def test_a_malformed_chunked_body_to_the_api_is_a_json_400(server: Server) -> None:
    """The eligibility API says the body could not be read, in JSON; the log stays clean."""
    body = b"5\r\n{\"date_of_birth\": \"%s\"}\r\n0\r\n\r\n" % MARKER
    headers = "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
    answer = server.exchange(post("/api/v1/eligibility", "x=1", headers, body))
    assert status_of(answer) == 400
    assert b"application/json" in answer and b'"body"' in answer
    assert_nothing_of_the_body_logged(server)
