"""gunicorn as `make serve` starts it (miso_site/gunicorn.conf.py): whom its access log
names, and a control socket that belongs to this server alone."""

import json
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.request import Request, urlopen

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
GUNICORNC = Path(sys.executable).with_name("gunicornc")
STARTUP_SECONDS = 60


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn(folder, **environment):
    """A server with one worker on a free port of 127.0.0.1, its home and runtime folder in
    ``folder``; yields its process once it answers, and stops it after."""
    (folder / "run").mkdir(parents=True, exist_ok=True)
    port = free_port()
    environment = os.environ | {
        "DJANGO_SETTINGS_MODULE": "miso_site.settings",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "HOME": str(folder),
        "XDG_RUNTIME_DIR": str(folder / "run"),
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        **environment,
    }
    with open(folder / "error.log", "w") as errors:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", "miso_site/gunicorn.conf.py"]
            + ["miso_site.wsgi"],
            cwd=BASE_DIR,
            env=environment,
            stdout=errors,
            stderr=errors,
        )
    server.url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            assert server.poll() is None, (folder / "error.log").read_text()
            try:
                urlopen(f"{server.url}/robots.txt", timeout=5).close()
                break
            except OSError:
                assert time.monotonic() < deadline, (folder / "error.log").read_text()
                time.sleep(0.1)
        yield server
    finally:
        server.terminate()
        server.wait(timeout=30)


def control(path, command):
    """What gunicornc, the operator's tool, answers on the control socket at ``path``."""
    result = subprocess.run(
        [GUNICORNC, "--socket", path, "--command", command, "--json"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A server behind a proxy on 127.0.0.1, logging to a file, with its own control socket."""
    folder = tmp_path_factory.mktemp("server")
    with gunicorn(
        folder,
        TRUSTED_PROXIES="127.0.0.1",
        ACCESS_LOG=str(folder / "access.log"),
        GUNICORN_CONTROL_SOCKET=str(folder / "server.ctl"),
    ) as process:
        process.folder = folder
        yield process


def logged(log, text, seconds=10):
    """The line of ``log`` with ``text`` in it: gunicorn writes it after sending the answer."""
    deadline = time.monotonic() + seconds
    while True:
        lines = [line for line in log.read_text().splitlines() if text in line]
        if lines:
            return lines[0]
        assert time.monotonic() < deadline, f"{text} not in the access log"
        time.sleep(0.05)


def test_the_access_log_names_the_visitor_behind_a_trusted_proxy(server):
    path = "/robots.txt?visit=through-the-proxy"
    visit = Request(f"{server.url}{path}", headers={"X-Forwarded-For": "203.0.113.9"})
    urlopen(visit, timeout=5).close()
    assert logged(server.folder / "access.log", path).startswith("203.0.113.9 ")


def test_a_server_answers_on_the_control_socket_it_was_given(server):
    socket_path = server.folder / "server.ctl"
    # The master opens it in a thread of its own once its workers run.
    deadline = time.monotonic() + 10
    while not socket_path.exists():
        assert time.monotonic() < deadline
        time.sleep(0.1)
    assert control(socket_path, "show stats")["pid"] == server.pid


def test_a_server_leaves_the_machines_shared_control_socket_to_others(tmp_path):
    """gunicorn's default path is one per user: by default the site's server opens none, so
    another gunicorn's socket there survives it starting and stopping."""
    shared = tmp_path / "run" / "gunicorn.ctl"
    shared.parent.mkdir()
    with socket.socket(socket.AF_UNIX) as other_gunicorn:
        other_gunicorn.bind(str(shared))
        other_gunicorn.listen()
        with gunicorn(tmp_path):
            pass
        with socket.socket(socket.AF_UNIX) as client:
            client.connect(str(shared))
