"""`make serve` puts nginx in front of gunicorn: slow clients cannot starve the site, request
bodies are capped, and Django sees each visitor's own address.

The servers run as ``make serve`` runs them (``deploy/serve.py``, tests/production.py) on a
free port of 127.0.0.1. Where nginx is missing these tests are skipped, except in CI.
"""

import contextlib
import itertools
import os
import select
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from html import unescape

import pytest
from django.apps import apps
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from core.uploads import MB, UploadCheck
from documents.demo import make_pdf
from documents.models import Document
from documents.validators import PdfCheck
from pages.models import ContactMessage
from tests.languages import LANGUAGE_CODES
from tests.production import (
    BEHIND_LOAD_BALANCER,
    ROOT,
    Site,
    Visitor,
    contact_form,
    log_in_as_office,
    prepare,
)
from tests.security.html_forms import forms_on
from tests.tools import NGINX, require

pytestmark = pytest.mark.production

SLOW_CLIENTS = 50
HEADER_SECONDS = 10  # client_header_timeout in deploy/nginx.conf
TOO_LARGE = 3 * MB


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    require(NGINX)
    folder = tmp_path_factory.mktemp("production")
    prepare(folder)
    return folder


@pytest.fixture(scope="module")
def site(folder):
    """The servers as behind the load balancer the README describes, which terminates TLS."""
    with Site(folder, **BEHIND_LOAD_BALANCER) as site:
        yield site


def visitor(site, address="127.0.0.1"):
    """Someone visiting through the load balancer (https), from ``address``."""
    return Visitor(site, address, scheme="https")


def query(folder, sql, *parameters):
    """The first row that ``sql`` finds in the site's database."""
    with contextlib.closing(sqlite3.connect(folder / "db.sqlite3")) as database:
        return database.execute(sql, parameters).fetchone()


def stored_messages(folder):
    return query(folder, f"SELECT COUNT(*) FROM {ContactMessage._meta.db_table}")[0]


def refused_as_too_often(response):
    """Whether the (German) form came back with the rate limit's error."""
    with translation.override("de"):
        message = gettext("You have sent this form too often. Please try again in an hour.")
    return response.status == 200 and message in unescape(response.text)


@dataclass
class SlowClients:
    normal_seconds: list  # how long each normal request took meanwhile
    cut_after: list  # when each slow connection was closed, in seconds from its start


@pytest.fixture(scope="module")
def slow_clients(site):
    """50 connections send a request header one byte a second for as long as the proxy lets
    them (at most 3 s past its limit), while a visitor asks for the home page twice a second."""
    someone = visitor(site)
    for _request in range(10):  # the page cached, and each worker past its first request
        someone.get("/de/")
    started = time.monotonic()
    waiting = [socket.create_connection(("127.0.0.1", site.port)) for _ in range(SLOW_CLIENTS)]
    cut_after = []

    def drip():
        header = itertools.cycle(b"GET /de/ HTTP/1.1\r\nX-Slow: 1\r\n")
        while waiting and time.monotonic() - started < HEADER_SECONDS + 3:
            closed, _writable, _errors = select.select(waiting, [], [], 0)
            for connection in closed:
                waiting.remove(connection)
                connection.close()
                cut_after.append(time.monotonic() - started)
            byte = bytes([next(header)])
            for connection in waiting:
                with contextlib.suppress(OSError):  # closed since: found in the next round
                    connection.send(byte)
            time.sleep(1)

    dripping = threading.Thread(target=drip)
    dripping.start()
    normal_seconds = []
    while dripping.is_alive():
        asked = time.monotonic()
        assert someone.get("/de/").status == 200
        normal_seconds.append(time.monotonic() - asked)
        time.sleep(0.5)
    for connection in waiting:
        connection.close()
    return SlowClients(normal_seconds, cut_after)


def test_normal_requests_answer_within_a_second_while_50_clients_send_their_headers_slowly(
    slow_clients,
):
    assert len(slow_clients.normal_seconds) >= 2 * HEADER_SECONDS * 0.9
    assert max(slow_clients.normal_seconds) < 1, slow_clients.normal_seconds


def test_clients_sending_their_headers_slowly_are_cut_off_after_ten_seconds(slow_clients):
    assert len(slow_clients.cut_after) == SLOW_CLIENTS
    assert min(slow_clients.cut_after) > HEADER_SECONDS - 1
    assert max(slow_clients.cut_after) < HEADER_SECONDS + 3


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_a_body_over_the_limit_gets_the_too_large_page_in_the_visitors_language(site, language):
    response = visitor(site).post(f"/{language}/contact/", {"message": "x" * TOO_LARGE})
    assert response.status == 413
    assert f'<html lang="{language}"' in response.text
    with translation.override(language):
        assert gettext("The request could not be processed") in unescape(response.text)


@pytest.mark.parametrize("multipart", [False, True], ids=["form", "file"])
def test_a_public_form_sent_with_a_body_over_2_5_mb_is_refused_and_not_stored(
    site, folder, multipart
):
    someone = visitor(site)
    fields = contact_form(someone)
    before = stored_messages(folder)
    if multipart:
        files = {"attachment": ("scan.pdf", b"x" * TOO_LARGE, "application/pdf")}
        response = someone.post("/de/contact/", fields, files)
    else:
        response = someone.post("/de/contact/", fields | {"message": "x" * TOO_LARGE})
    assert response.status == 413
    assert stored_messages(folder) == before


def test_a_contact_message_sent_through_the_proxy_is_stored(site, folder):
    someone = visitor(site)
    before = stored_messages(folder)
    response = someone.post("/de/contact/", contact_form(someone))
    assert response.status == 302
    assert response.headers["Location"] == "/de/contact/thanks/"
    assert stored_messages(folder) == before + 1


def test_the_office_can_upload_the_largest_pdf_the_admin_takes(site, folder):
    office = visitor(site)
    log_in_as_office(office)
    form = next(
        form
        for form in forms_on(office.get("/admin/documents/document/add/").text)
        if "file" in (item.name for item in form.fields)
    )
    largest = PdfCheck().max_bytes
    pdf = make_pdf("Jahresbericht", ["x" * 1000] * (largest // 1100))
    assert 0.9 * largest < len(pdf) <= largest
    fields = form.values() | {
        "title_de": "Jahresbericht",
        "slug": "jahresbericht",
        "category": "annual_report",
        "language": "de",
        "date": "2025-05-03",
    }
    response = office.post(
        "/admin/documents/document/add/",
        fields,
        {"file": ("jahresbericht.pdf", pdf, "application/pdf")},
    )
    assert response.status == 302, response.text
    table = Document._meta.db_table
    assert query(folder, f"SELECT size FROM {table} WHERE slug = ?", "jahresbericht") == (len(pdf),)


def test_every_upload_the_admin_takes_fits_through_the_proxy():
    largest = max(
        validator.max_bytes
        for model in apps.get_models()
        for field in model._meta.get_fields()
        for validator in getattr(field, "validators", [])
        if isinstance(validator, UploadCheck)
    )
    # What the form sends around the file stays far below a megabyte.
    assert largest + MB <= settings.ADMIN_REQUEST_MAX_SIZE


def test_each_visitor_behind_the_proxy_has_a_rate_limit_of_their_own(site):
    first, second = visitor(site, "127.0.0.2"), visitor(site, "127.0.0.3")
    for _message in range(5):
        assert first.post("/de/contact/", contact_form(first)).status == 302
    assert refused_as_too_often(first.post("/de/contact/", contact_form(first)))
    assert second.post("/de/contact/", contact_form(second)).status == 302


def test_a_forwarded_address_a_visitor_sends_does_not_lift_their_rate_limit(site):
    someone = visitor(site, "127.0.0.4")
    for _message in range(5):
        assert someone.post("/de/contact/", contact_form(someone)).status == 302
    forged = {"X-Forwarded-For": "203.0.113.9"}
    assert refused_as_too_often(someone.post("/de/contact/", contact_form(someone), headers=forged))


def test_a_request_the_load_balancer_did_not_mark_as_https_is_redirected_to_https(site):
    response = Visitor(site).get("/de/")
    assert response.status == 301
    assert response.headers["Location"] == f"https://127.0.0.1:{site.port}/de/"


def test_the_load_balancers_https_mark_reaches_django_so_pages_are_not_redirected(site):
    assert visitor(site).get("/de/").status == 200


@dataclass
class GunicornKilled:
    pages: dict  # language: the home page asked for while gunicorn was gone
    exit_code: int  # deploy/serve.py's
    left_running: bool


@pytest.fixture(scope="module")
def gunicorn_killed(folder):
    """A run whose gunicorn is killed. deploy/serve.py is held (SIGSTOP) until the pages were
    asked for: released, it finds gunicorn gone and stops nginx."""
    site = Site(folder, **BEHIND_LOAD_BALANCER).start()
    try:
        os.kill(site.process.pid, signal.SIGSTOP)
        for pid in site.processes("gunicorn"):
            os.kill(pid, signal.SIGKILL)
        pages = {language: visitor(site).get(f"/{language}/") for language in LANGUAGE_CODES}
        os.kill(site.process.pid, signal.SIGCONT)
        exit_code = site.process.wait(timeout=40)
        return GunicornKilled(pages, exit_code, site.running())
    finally:
        site.kill()


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_while_gunicorn_is_gone_visitors_get_the_server_error_page_in_their_language(
    gunicorn_killed, language
):
    page = gunicorn_killed.pages[language]
    assert page.status == 502
    assert f'<html lang="{language}"' in page.text
    with translation.override(language):
        assert gettext("Server error") in unescape(page.text)


def test_when_gunicorn_stops_by_itself_make_serve_stops_nginx_and_fails(gunicorn_killed):
    assert gunicorn_killed.exit_code == 1
    assert not gunicorn_killed.left_running


def test_stopping_make_serve_stops_nginx_and_gunicorn(folder):
    site = Site(folder, **BEHIND_LOAD_BALANCER).start()
    try:
        assert site.stop(signal.SIGTERM) == 0
        assert not site.running()
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", site.port), timeout=1)
    finally:
        site.kill()


def test_make_serve_says_how_to_install_nginx_when_it_is_missing():
    check = subprocess.run(
        [sys.executable, "deploy/serve.py", "--check"],
        cwd=ROOT,
        env={"NGINX": "/nonexistent/nginx", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert check.returncode != 0
    assert "apt-get install nginx-light" in check.stderr
