"""No overbooking: many people registering at once for the last places never get more
places than there are. Each request runs in its own thread with its own database
connection, so the database's locking is what keeps the count (on SQLite and on
PostgreSQL, whichever DATABASE_URL names)."""

import sqlite3
import threading

import pytest
from django.db import connection
from django.test import Client

from events.models import Registration

from .factories import make_registration, make_registration_event, registration_form

PEOPLE = 16
PLACES = 5


@pytest.fixture
def database_for_threads(transactional_db, tmp_path):
    """The test database, where connections from several threads wait for each other's locks.

    PostgreSQL's is. SQLite's test database lives in memory, shared by the threads in a
    mode that fails at once with "database table is locked" instead of waiting; the test
    runs on a copy of it in a file, as the site's SQLite database is.
    """
    if connection.vendor != "sqlite":
        yield
        return
    connection.ensure_connection()
    in_memory = connection.connection
    copy = sqlite3.connect(tmp_path / "db.sqlite3")
    in_memory.backup(copy)
    copy.close()
    name = connection.settings_dict["NAME"]
    # Every thread's connection is made from this same dictionary.
    connection.settings_dict["NAME"] = str(tmp_path / "db.sqlite3")
    connection.connection = None
    yield
    connection.close()
    connection.settings_dict["NAME"] = name
    connection.connection = in_memory


def register_all_at_once(event):
    start = threading.Barrier(PEOPLE)
    statuses = []

    def register(number):
        # Each its own address: the per-address limit on forms is not what is tested.
        client = Client(REMOTE_ADDR=f"10.0.0.{number + 1}")
        form = registration_form(event, email=f"person{number}@example.org")
        try:
            start.wait()
            statuses.append(client.post(f"/de/events/{event.slug}/register/", form).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(number,)) for number in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


@pytest.mark.django_db(transaction=True)
def test_simultaneous_registrations_never_exceed_the_places(database_for_threads):
    event = make_registration_event(capacity=PLACES)
    statuses = register_all_at_once(event)
    assert statuses == [302] * PEOPLE
    places = Registration.objects.filter(event=event)
    assert places.filter(place=Registration.Place.REGISTERED).count() == PLACES
    assert places.filter(place=Registration.Place.WAITING).count() == PEOPLE - PLACES


@pytest.mark.django_db(transaction=True)
def test_simultaneous_registrations_for_the_last_place_give_it_once(database_for_threads):
    event = make_registration_event(capacity=PLACES)
    for _ in range(PLACES - 1):
        make_registration(event)
    register_all_at_once(event)
    registered = Registration.objects.filter(event=event, place=Registration.Place.REGISTERED)
    assert registered.count() == PLACES
