"""Under the site's gunicorn configuration a request stuck longer than GUNICORN_TIMEOUT is cut
off and its worker replaced, so a hanging dependency can never freeze the site for good."""

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
TIMEOUT = 1
START_SECONDS = 20


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port, path, seconds):
    """The status and body of ``path``."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=seconds)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


def answers(port):
    try:
        get(port, "/", 1)
    except OSError:
        return False
    return True


@pytest.fixture
def gunicorn():
    """gunicorn with miso_site/gunicorn.conf.py, one worker and a one-second timeout,
    serving tests/faults/stuck_app.py; its port."""
    port = free_port()
    environment = {
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "GUNICORN_TIMEOUT": str(TIMEOUT),
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--config",
            "miso_site/gunicorn.conf.py",
            "--no-control-socket",
            "tests.faults.stuck_app:application",
        ],
        cwd=BASE_DIR,
        env={"PATH": "/usr/bin:/bin", **environment},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + START_SECONDS
        while not answers(port):
            assert time.monotonic() < deadline, "gunicorn did not start"
            time.sleep(0.1)
        yield port
    finally:
        server.terminate()
        try:
            server.wait(START_SECONDS)
        except subprocess.TimeoutExpired:
            # A worker that was never cut off would keep the master waiting for it.
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def test_stuck_request_is_cut_off_with_an_error_after_the_timeout(gunicorn):
    started = time.monotonic()
    status, _body = get(gunicorn, "/stuck", 10)
    assert status == 500
    # The master looks at its workers about once a second.
    assert time.monotonic() - started < TIMEOUT + 2


def test_worker_of_a_stuck_request_is_replaced(gunicorn):
    _status, stuck_worker = get(gunicorn, "/", 5)
    get(gunicorn, "/stuck", 10)
    status, new_worker = get(gunicorn, "/", 10)
    assert status == 200
    assert new_worker != stuck_worker
