"""`make run` (deploy/develop.py): the development server and a task worker beside it, in one
command; the console says so, shows the emails the worker sends, and Ctrl-C stops both."""

import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from tests.production import free_port

START_SECONDS = 60


def session_processes(session):
    """The live processes of ``session`` (its leader's id)."""
    found = []
    for command in Path("/proc").glob("[0-9]*/cmdline"):
        with contextlib.suppress(OSError):
            pid = int(command.parent.name)
            if command.read_bytes() and os.getsid(pid) == session:
                found.append(pid)
    return found


def wait_for(condition, seconds=START_SECONDS):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "waited in vain"
        time.sleep(0.2)


@pytest.fixture
def make_run(tmp_path):
    """deploy/develop.py on a database of its own, as `make run` starts it; the process, its
    console output's file and the environment it runs in."""
    port = free_port()
    environment = os.environ | {
        "DJANGO_SETTINGS_MODULE": "miso_site.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "EMAIL_URL": "consolemail://",
        "BIND": f"127.0.0.1:{port}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PAGE_CACHE_STAMP": str(tmp_path / "page-cache.stamp"),
    }
    manage = [sys.executable, "manage.py"]
    subprocess.run(
        [*manage, "migrate", "--verbosity", "0"], cwd=settings.BASE_DIR, env=environment, check=True
    )
    console = tmp_path / "console.log"
    with console.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "deploy/develop.py"],
            cwd=settings.BASE_DIR,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    yield process, console, environment, port
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def answers(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def test_make_run_sends_emails_beside_the_development_server_and_ctrl_c_stops_both(make_run):
    process, console, environment, port = make_run
    wait_for(lambda: answers(port))
    assert "Ctrl-C stops both" in console.read_text()
    queue = "from core.mail import send_email; send_email(['gast@example.org'], 'Probe', 'Hallo')"
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", queue],
        cwd=settings.BASE_DIR,
        env=environment,
        check=True,
        capture_output=True,
    )
    wait_for(lambda: "Subject: Probe" in console.read_text())
    # Ctrl-C in a terminal reaches every process of the foreground group.
    os.killpg(process.pid, signal.SIGINT)
    assert process.wait(timeout=30) == 0
    wait_for(lambda: not session_processes(process.pid), seconds=10)
