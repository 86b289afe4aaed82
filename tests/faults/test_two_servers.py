"""Two servers as `make serve` runs them, behind a load balancer, over one PostgreSQL database
and one Redis: an edit or a login on one holds on the other at once. And while Redis is
stopped, the mail server hangs or a worker is killed, under a steady stream of page requests
and contact messages to both, no message the visitor was thanked for is lost, no page answers
with a server error, /healthz tells the load balancer the truth, and the site recovers.

The servers (tests/production.py) share a PostgreSQL database made for this module on the
server at 127.0.0.1:5432 and dropped after it, a redis-server and a mail server of the test's
own (tests/faults/servers.py), and one folder (media, as a shared volume would be). Each
fault's figures are printed at the end of the run (tests/faults/figures.py).
"""

import collections
import contextlib
import http.client
import itertools
import os
import secrets
import signal
import threading
import time
from dataclasses import dataclass, field

import psycopg
import pytest
from psycopg import sql

from core.redis_cache import RETRY_SECONDS
from pages.models import ContactMessage, Page
from tests.faults import figures
from tests.faults.servers import MailServer, RedisServer
from tests.production import (
    BEHIND_LOAD_BALANCER,
    Site,
    Visitor,
    contact_form_on,
    log_in_as_office,
    prepare,
)
from tests.public_pages import fixed_paths
from tests.security.html_forms import forms_on
from tests.tools import NGINX, POSTGRESQL, require, require_postgresql

pytestmark = pytest.mark.production

WORKERS = 2  # gunicorn workers per server
EMAIL_TIMEOUT = 1  # seconds; settings.py reads whole seconds
STEADY_SECONDS = 2  # of load before each fault
FAULT_SECONDS = 4  # how long Redis is away, or the mail server hangs
PAUSE_SECONDS = 0.1  # between one visitor's requests
HEALTH_SECONDS = 0.2  # between the load balancer's health checks of each server
SETTLED_CHECKS = 5  # health checks in a row that say "ok": the server has settled
# The longest each fault may take to pass, in seconds, on a busy machine.
RECOVERY_LIMIT = {"redis": RETRY_SECONDS + 5, "mail": 5, "worker": 5}


@pytest.fixture(scope="module")
def database():
    """The URL of a new, empty PostgreSQL database, dropped after the module."""
    require_postgresql()
    name = f"miso_faults_{secrets.token_hex(4)}"
    with psycopg.connect(f"{POSTGRESQL}/postgres", autocommit=True) as server:
        server.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield f"{POSTGRESQL}/{name}"
    with psycopg.connect(f"{POSTGRESQL}/postgres", autocommit=True) as server:
        server.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


@dataclass
class Servers:
    sites: list
    database: str
    redis: RedisServer
    mail: MailServer


@pytest.fixture(scope="module")
def servers(tmp_path_factory, database):
    require(NGINX)
    redis = RedisServer()
    mail = MailServer()
    try:
        redis.start()
        folder = tmp_path_factory.mktemp("two-servers")
        shared = BEHIND_LOAD_BALANCER | {
            "DATABASE_URL": database,
            "CACHE_URL": f"redis://{redis.socket}",
            "EMAIL_URL": f"smtp://127.0.0.1:{mail.port}",
            "EMAIL_TIMEOUT": str(EMAIL_TIMEOUT),
            # Each server's task worker tries an email again a second after it failed.
            "EMAIL_RETRY_DELAYS": ",".join(["1"] * 5),
            "SECRET_KEY": secrets.token_urlsafe(50),
            "WEB_CONCURRENCY": str(WORKERS),
        }
        prepare(folder, **shared)
        with Site(folder, **shared) as first, Site(folder, **shared) as second:
            yield Servers([first, second], database, redis, mail)
    finally:
        mail.close()
        redis.remove()


def visitor(site, address="127.0.0.1"):
    """Someone visiting through the load balancer (https), from ``address``."""
    return Visitor(site, address, scheme="https")


def query(servers, statement, *parameters):
    """Run ``statement`` on the servers' database; the rows it found, if it looked for any."""
    with psycopg.connect(servers.database) as database:
        cursor = database.execute(statement, parameters)
        return cursor.fetchall() if cursor.description else None


def test_an_edit_on_one_server_shows_on_the_other_at_once(servers):
    first, second = servers.sites
    reader = visitor(second)
    table = Page._meta.db_table
    [(page_id,)] = query(servers, f"SELECT id FROM {table} WHERE key = 'about'")
    assert reader.get("/de/about/").status == 200
    # Changed behind the site's back: the page stays as cached.
    query(servers, f"UPDATE {table} SET title_de = 'Unbemerkt' WHERE id = %s", page_id)
    assert "Unbemerkt" not in reader.get("/de/about/").text
    office = visitor(first)
    log_in_as_office(office)
    change = f"/admin/pages/page/{page_id}/change/"
    form = next(form for form in forms_on(office.get(change).text) if "title_de" in form.values())
    title = f"Neu bearbeitet {secrets.token_hex(4)}"
    assert office.post(change, form.values() | {"title_de": title}).status == 302
    assert title in reader.get("/de/about/").text


def test_a_login_on_one_server_holds_on_the_other(servers):
    first, second = servers.sites
    office = visitor(first)
    log_in_as_office(office)
    elsewhere = visitor(second)
    elsewhere.cookies = office.cookies
    assert elsewhere.get("/admin/").status == 200


def test_a_page_whose_worker_dies_before_it_answers_is_answered_by_another_worker(servers):
    site = servers.sites[0]
    someone = visitor(site)
    answers = []
    # A query parameter no view reads: the page is never from the cache, always rendered.
    path = f"/de/about/?{secrets.token_hex(4)}"
    with (
        psycopg.connect(servers.database) as locking,
        psycopg.connect(servers.database, autocommit=True) as watching,
    ):
        # The page's query waits for the pages, locked here until the workers are killed.
        locking.execute(f"LOCK TABLE {Page._meta.db_table} IN ACCESS EXCLUSIVE MODE")
        asking = threading.Thread(target=lambda: answers.append(someone.get(path)))
        asking.start()
        waiting = (
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        assert wait_for(lambda: watching.execute(waiting).fetchone()[0], 20)
        for worker in site.workers():
            os.kill(worker, signal.SIGKILL)
    asking.join(timeout=40)
    assert [answer.status for answer in answers] == [200]


@dataclass
class Answer:
    kind: str  # "page", "form" or "health"
    server: int  # 0 or 1
    started: float
    ended: float
    status: int | None  # None: no answer at all (refused, cut off, timed out)
    text: str = ""  # a page's path, a form's subject, the health check's state ("ok", ...)
    thanked: bool = False  # a form answered with the thank-you page


# Numbers each message's loopback address (its own, so no rate limit is reached) and subject.
MESSAGES = itertools.count()  # next() on it is atomic: the threads share it


class Load:
    """A steady stream of requests to both servers while it runs: on each, a visitor asks
    for the public pages one after another, and new visitor after new visitor sends the
    contact form, each with a subject of its own; the load balancer asks each server for
    /healthz over plain http. Every answer is kept, with its time."""

    def __init__(self, servers, fault):
        self.sites = servers.sites
        self.fault = fault
        self.paths = [*fixed_paths("de"), *fixed_paths("ar")]
        self.answers = []
        self.running = True
        # The servers no new request may go to, and how many are under way to each.
        self.paused = set()
        self.under_way = collections.Counter()
        self.changed = threading.Condition()

    def __enter__(self):
        streams = [(self.check_health, ())]
        for number, site in enumerate(self.sites):
            streams += [(self.ask_for_pages, (number, site)), (self.send_forms, (number, site))]
        self.threads = [threading.Thread(target=run, args=args) for run, args in streams]
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.running = False
        for thread in self.threads:
            thread.join(timeout=40)

    def ask(self, kind, server, request, *arguments, text=""):
        """``request(*arguments)``, its answer kept as ``kind`` from ``server``."""
        with self.changed:
            self.changed.wait_for(lambda: server not in self.paused)
            self.under_way[server] += 1
        started = time.monotonic()
        try:
            response = request(*arguments)
        except (OSError, http.client.HTTPException):
            response = None
        finally:
            with self.changed:
                self.under_way[server] -= 1
                self.changed.notify_all()
        answer = Answer(kind, server, started, time.monotonic(), response and response.status)
        answer.text = text
        if kind == "health":
            answer.text = response.text.split("\n")[0] if response else ""
        elif kind == "form":
            answer.thanked = bool(response) and (
                response.headers["Location"] == "/de/contact/thanks/"
            )
        self.answers.append(answer)
        return response

    def ask_for_pages(self, number, site):
        someone = visitor(site)
        for path in itertools.cycle(self.paths):
            if not self.running:
                return
            self.ask("page", number, someone.get, path, text=path)
            time.sleep(PAUSE_SECONDS)

    def send_forms(self, number, site):
        while self.running:
            message = next(MESSAGES)
            someone = visitor(site, f"127.1.{message // 250}.{message % 250 + 1}")
            page = self.ask("page", number, someone.get, "/de/contact/", text="/de/contact/")
            if page and page.status == 200:
                subject = f"{self.fault} {message}"
                fields = contact_form_on(page) | {"subject": subject}
                self.ask("form", number, someone.post, "/de/contact/", fields, text=subject)
            time.sleep(PAUSE_SECONDS)

    def check_health(self):
        balancer = [Visitor(site) for site in self.sites]
        while self.running:
            for number, server in enumerate(balancer):
                self.ask("health", number, server.get, "/healthz")
            time.sleep(HEALTH_SECONDS)

    @contextlib.contextmanager
    def between_requests(self, server):
        """While it lasts, no request to ``server`` is under way: those under way are
        waited for, new ones wait."""
        with self.changed:
            self.paused.add(server)
            self.changed.wait_for(lambda: not self.under_way[server], timeout=40)
        try:
            yield
        finally:
            with self.changed:
                self.paused.remove(server)
                self.changed.notify_all()

    def ok_since(self):
        """The moment from which both servers have said "ok" to every health check, at least
        SETTLED_CHECKS of them; None while one of them has not."""
        since = []
        for number in range(len(self.sites)):
            checks = [answer for answer in self.answers if answer.kind == "health"]
            mine = [answer for answer in checks if answer.server == number]
            run = list(itertools.takewhile(lambda answer: answer.text == "ok", reversed(mine)))
            if len(run) < SETTLED_CHECKS:
                return None
            since.append(run[-1].started)
        return max(since)


def wait_for(condition, seconds):
    """The first true value of ``condition()``, polled until ``seconds`` have passed; None if
    there was none."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.05)
    return None


@dataclass
class Fault:
    name: str
    description: str
    answers: list
    began: float  # Redis stopped, the mail server silent, the worker killed
    ended: float  # Redis about to start again, the mail server to answer
    recovered: float | None  # the site itself again (None: not within RECOVERY_LIMIT)
    settled: bool  # the health checks of both servers said "ok" at the end
    stored: set = field(default_factory=set)  # the subjects of the messages in the database

    def of_kind(self, kind):
        return [answer for answer in self.answers if answer.kind == kind]

    def during(self, kind):
        """The answers to requests made and answered while the fault lasted."""
        return [
            answer
            for answer in self.of_kind(kind)
            if self.began <= answer.started and answer.ended <= self.ended
        ]

    def figures(self):
        forms = self.of_kind("form")
        health = sorted(self.of_kind("health"), key=lambda answer: answer.started)
        said = [state for state, _checks in itertools.groupby(answer.text for answer in health)]
        recovered = self.recovered and f"{self.recovered - self.ended:.1f} s"
        return {
            "fault": self.description,
            "requests": len(self.answers),
            "errors": sum(answer.status is None or answer.status >= 500 for answer in self.answers),
            "forms_sent": len(forms),
            "thanked": sum(answer.thanked for answer in forms),
            "stored": len(self.stored),
            "health": " > ".join(said),
            "recovered_in": recovered or f"not in {RECOVERY_LIMIT[self.name]} s",
        }


def under_load(servers, name, description, cause, end, recovered, seconds=FAULT_SECONDS):
    """``cause()`` the fault STEADY_SECONDS into the load and ``end()`` it ``seconds`` later;
    the load runs on until ``recovered(load)`` says when the site was itself again (polled
    within the fault's RECOVERY_LIMIT) and the health checks of both servers have settled."""
    with Load(servers, name) as load:
        time.sleep(STEADY_SECONDS)
        cause(load)
        began = time.monotonic()
        time.sleep(seconds)
        ended = time.monotonic()
        end()
        recovered_at = wait_for(lambda: recovered(load), RECOVERY_LIMIT[name])
        settled = wait_for(load.ok_since, RECOVERY_LIMIT[name]) is not None
    fault = Fault(name, description, load.answers, began, ended, recovered_at, settled)
    table = ContactMessage._meta.db_table
    stored = query(servers, f"SELECT subject FROM {table} WHERE subject LIKE %s", f"{name} %")
    fault.stored = {subject for (subject,) in stored}
    figures.record(fault.figures())
    return fault


def when(condition):
    """Now, if ``condition`` holds."""
    return time.monotonic() if condition else None


@pytest.fixture(scope="module")
def redis_stopped(servers):
    return under_load(
        servers,
        "redis",
        f"Redis stopped for {FAULT_SECONDS} s",
        cause=lambda load: servers.redis.stop(),
        end=servers.redis.start,
        # Every server process uses Redis again: the health checks say "ok".
        recovered=lambda load: load.ok_since(),
    )


@pytest.fixture(scope="module")
def mail_hanging(servers):
    mail = servers.mail
    delivered = []

    def answer():
        delivered.append(mail.received)
        mail.answer()

    return under_load(
        servers,
        "mail",
        f"mail server silent for {FAULT_SECONDS} s",
        cause=lambda load: mail.hang(),
        end=answer,
        # The office is emailed again.
        recovered=lambda load: when(mail.received > delivered[0]),
    )


@pytest.fixture(scope="module")
def worker_killed(servers):
    site = servers.sites[0]

    killed = []

    def kill(load):
        # Between requests: what the worker was answering when it died is lost, unless it is
        # a page that nginx can pass on (test_a_page_whose_worker_dies_...).
        with load.between_requests(0):
            killed.append(site.workers()[0])
            os.kill(killed[0], signal.SIGKILL)

    return under_load(
        servers,
        "worker",
        "a gunicorn worker killed (SIGKILL) between requests",
        cause=kill,
        end=lambda: None,
        # gunicorn has replaced it.
        recovered=lambda load: when(
            killed[0] not in (workers := site.workers()) and len(workers) == WORKERS
        ),
        seconds=0,
    )


FAULTS = ["redis_stopped", "mail_hanging", "worker_killed"]


@pytest.fixture(params=FAULTS)
def fault(request):
    return request.getfixturevalue(request.param)


def test_every_form_sent_under_the_fault_is_thanked_for(fault):
    forms = fault.of_kind("form")
    assert forms
    assert [answer.text for answer in forms if not answer.thanked] == []


def test_every_message_thanked_for_under_the_fault_is_stored(fault):
    thanked = {answer.text for answer in fault.of_kind("form") if answer.thanked}
    assert thanked - fault.stored == set()


def test_no_page_answers_with_a_server_error_under_the_fault(fault):
    failed = [
        (answer.text, answer.status)
        for answer in fault.of_kind("page")
        if answer.status is None or answer.status >= 500
    ]
    assert failed == []


def test_office_is_emailed_once_about_each_message_sent_while_the_mail_server_hung(
    servers, mail_hanging
):
    sent = {answer.text for answer in mail_hanging.during("form")}
    assert sent

    def all_sent():
        return not query(
            servers, "SELECT id FROM core_outgoingemail WHERE status IN ('queued', 'sending')"
        )

    assert wait_for(all_sent, RECOVERY_LIMIT["mail"] + 10)
    bodies = [body for (body,) in query(servers, "SELECT body FROM core_outgoingemail")]
    # The office's email names the message's subject on a line of its own.
    assert {subject for subject in sent if not any(f": {subject}\n" in b for b in bodies)} == set()
    # Two task workers (one per server) and one mail server: no email went out twice.
    [(delivered,)] = query(servers, "SELECT count(*) FROM core_outgoingemail WHERE status = 'sent'")
    assert servers.mail.received == delivered


def test_health_check_says_degraded_while_redis_is_stopped(redis_stopped):
    states = {(answer.status, answer.text) for answer in redis_stopped.during("health")}
    assert states == {(200, "degraded")}


@pytest.mark.parametrize("fault", ["mail_hanging", "worker_killed"], indirect=True)
def test_health_check_says_ok_all_along_when_the_mail_server_hangs_or_a_worker_dies(fault):
    states = {(answer.status, answer.text) for answer in fault.of_kind("health")}
    assert states == {(200, "ok")}


def test_health_check_says_ok_again_after_the_fault(fault):
    assert fault.settled


def test_site_recovers_from_the_fault_within_its_limit(fault):
    assert fault.recovered is not None
