"""The site as `make serve` runs it, for tests that need the real servers.

``deploy/serve.py`` (nginx in front of gunicorn, production settings) listens on a free port
of 127.0.0.1 with a throwaway secret key and a folder of its own: SQLite database, media,
static files, cache; other settings (a PostgreSQL database, Redis) may replace some. The
static files are collected without compressing them: compressing takes a minute and changes
nothing these tests look at (tests/performance/test_serving.py checks it). ``Visitor`` is a
small browser: it keeps its cookies and sends from a loopback address of its own, as
different people would.
"""

import contextlib
import http.client
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest
from allauth.mfa.totp.internal.auth import generate_totp_secret
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from tests.accounts.factories import unused_code
from tests.security.html_forms import forms_on

ROOT = Path(__file__).resolve().parents[1]
START_SECONDS = 90


# The settings of servers behind the load balancer the README describes, which terminates TLS
# and says so in X-Forwarded-Proto.
BEHIND_LOAD_BALANCER = {"SECURE_PROXY_SSL_HEADER": "true", "SECURE_SSL_REDIRECT": "true"}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# Made in every prepared folder: an admin account, as the office has, with the authenticator
# app the admin requires (its secret is ADMIN_TOTP_SECRET).
ADMIN = ("office", secrets.token_urlsafe(16))
ADMIN_EMAIL = "office@example.org"
ADMIN_TOTP_SECRET = generate_totp_secret()
PREPARE = """
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import User
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
call_command("load_demo", verbosity=0)
call_command("createsuperuser", interactive=False, username="{0}", email="{1}")
TOTP.activate(User.objects.get(username="{0}"), "{2}")
"""


def prepare(folder, **environment):
    """In ``folder``: the database with the demo content and ``ADMIN`` (what ``make serve``
    sets up, but for the admin), and the collected static files, made side by side.
    ``environment`` changes the settings, as for ``Site``: another ``DATABASE_URL``, say."""
    setup = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            PREPARE.format(ADMIN[0], ADMIN_EMAIL, ADMIN_TOTP_SECRET),
        ],
        cwd=ROOT,
        env=os.environ
        | folder_environment(folder)
        | environment
        | {"DJANGO_SUPERUSER_PASSWORD": ADMIN[1]},
    )
    storage = {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}
    with override_settings(
        STATIC_ROOT=folder / "static", STORAGES=settings.STORAGES | {"staticfiles": storage}
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
    assert setup.wait(timeout=START_SECONDS) == 0


def folder_environment(folder):
    """The production settings with everything the site stores in ``folder``."""
    return {
        "DJANGO_SETTINGS_MODULE": "miso_site.settings",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / "media"),
        "PRIVATE_MEDIA_ROOT": str(folder / "private"),
        # Shared by the workers, as Redis would be: a rate limit counts on every one.
        "CACHE_URL": f"filecache://{folder / 'cache'}",
        "PAGE_CACHE_STAMP": str(folder / "page-cache.stamp"),
    }


class Site:
    """``deploy/serve.py`` in its own session on a prepared folder, on ``port``."""

    def __init__(self, folder, **environment):
        self.folder = folder
        self.port = free_port()
        self.environment = (
            os.environ
            | folder_environment(folder)
            | {
                "DEBUG": "false",
                "SECRET_KEY": secrets.token_urlsafe(50),
                "ALLOWED_HOSTS": "127.0.0.1",
                "SECURE_SSL_REDIRECT": "false",
                "BIND": f"127.0.0.1:{self.port}",
                "WEB_CONCURRENCY": "2",
                "NGINX_DIRECTORY": str(folder / f"nginx-{self.port}"),
            }
        )
        self.environment.update(environment)
        self.log = folder / f"serve-{self.port}.log"

    def start(self):
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "deploy/serve.py"],
                cwd=ROOT,
                env=self.environment,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"deploy/serve.py stopped:\n{self.log.read_text()}")
            try:
                # Marked as https: answered the same with or without SECURE_PROXY_SSL_HEADER.
                if Visitor(self, scheme="https").get("/healthz").status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        self.kill()
        pytest.fail(f"deploy/serve.py did not answer in {START_SECONDS} s:\n{self.log.read_text()}")

    def stop(self, signum):
        """Signal deploy/serve.py alone; its exit code once it has stopped, or None when it
        has not within 40 s. Whatever it leaves is still there: ``kill`` ends that."""
        self.process.send_signal(signum)
        try:
            return self.process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            return None

    def kill(self):
        """Whatever is left of the run's session (nothing, after a clean stop)."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def running(self):
        """Whether any process of the run is left."""
        return bool(self.processes())

    def processes(self, name=""):
        """The ids of the run's live processes whose command line has ``name`` in it."""
        found = []
        for command in Path("/proc").glob("[0-9]*/cmdline"):
            with contextlib.suppress(OSError):
                pid = int(command.parent.name)
                line = command.read_bytes()  # empty for a zombie: dead, not yet collected
                if line and name.encode() in line and os.getsid(pid) == self.process.pid:
                    found.append(pid)
        return found

    def workers(self):
        """The ids of gunicorn's live worker processes: those whose parent is not
        deploy/serve.py (which started gunicorn's master)."""
        return [pid for pid in self.processes("gunicorn") if parent(pid) != self.process.pid]

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.kill()


def parent(pid):
    """The id of the process that started process ``pid``."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    # pid (command) state parent ...: the command may hold spaces and brackets.
    return int(stat.rsplit(")", 1)[1].split()[1])


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    text: str


class Visitor:
    """Keeps its cookies, and sends from its own loopback ``address``. With ``scheme``
    "https" its requests come as through a load balancer that terminated TLS."""

    def __init__(self, site, address="127.0.0.1", scheme="http"):
        self.site = site
        self.address = address
        self.scheme = scheme
        self.cookies = SimpleCookie()

    def request(self, method, path, body=b"", headers=None):
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.site.port, timeout=30, source_address=(self.address, 0)
        )
        cookies = "; ".join(f"{name}={morsel.value}" for name, morsel in self.cookies.items())
        sent = {"X-Forwarded-Proto": "https"} if self.scheme == "https" else {}
        if cookies:
            sent["Cookie"] = cookies
        if method == "POST":  # as browsers do; Django checks it on https
            sent["Origin"] = f"{self.scheme}://127.0.0.1:{self.site.port}"
        headers = sent | (headers or {})
        try:
            connection.request(method, path, body=body, headers=headers)
            answer = connection.getresponse()
            text = answer.read().decode(errors="replace")
        finally:
            connection.close()
        for cookie in answer.headers.get_all("Set-Cookie") or []:
            self.cookies.load(cookie)
        return Response(answer.status, answer.headers, text)

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post(self, path, fields, files=None, headers=None):
        """``fields`` maps names to a value or a list of values; ``files`` names to
        ``(file name, content, content type)`` and makes it a multipart body."""
        pairs = [
            (name, value)
            for name, values in fields.items()
            for value in (values if isinstance(values, list) else [values])
        ]
        if files is None:
            body = urlencode(pairs).encode()
            content_type = "application/x-www-form-urlencoded"
        else:
            body, content_type = multipart(pairs, files)
        return self.request("POST", path, body, (headers or {}) | {"Content-Type": content_type})


def contact_form(visitor):
    """The German contact form's fields as a visitor fills them in, with its security token."""
    page = visitor.get("/de/contact/")
    assert page.status == 200
    return contact_form_on(page)


def contact_form_on(page):
    """The fields of the contact form on ``page`` (a ``Response``) as a visitor fills them in."""
    form = next(form for form in forms_on(page.text) if "message" in form.values())
    return form.values() | {
        "name": "Ada",
        "email": "ada@example.org",
        "subject": "Frage",
        "message": "Guten Tag",
    }


def form_with(page, field):
    return next(form for form in forms_on(page.text) if field in form.values()).values()


def log_in_as_office(visitor):
    """``visitor`` signs in as ``ADMIN``, as staff do: password, then the authenticator's code."""
    login = form_with(visitor.get("/de/account/login/"), "login")
    login |= {"login": ADMIN_EMAIL, "password": ADMIN[1]}
    assert visitor.post("/de/account/login/", login).status == 302
    code = form_with(visitor.get("/de/account/2fa/authenticate/"), "code")
    code |= {"code": unused_code(ADMIN_TOTP_SECRET)}
    assert visitor.post("/de/account/2fa/authenticate/", code).status == 302


def multipart(pairs, files):
    boundary = secrets.token_hex(16)
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in pairs
    ]
    for name, (file_name, content, content_type) in files.items():
        head = (
            f"--{boundary}\r\nContent-Disposition: form-data; "
            f'name="{name}"; filename="{file_name}"\r\nContent-Type: {content_type}\r\n\r\n'
        )
        parts.append(head.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"
