"""Redis is optional at run time: stopped or frozen, the site goes on without it, and uses it
again as soon as it answers (core/redis_cache.py)."""

import time

import pytest
from django.test import Client
from django.urls import reverse

from pages.models import ContactMessage
from tests.accounts.factories import is_logged_in, log_in, make_member, secret_of, totp_code
from tests.backoffice.factories import PASSWORD, make_staff
from tests.pages.factories import CONTACT_FORM
from tests.performance.test_serving import setting_with
from tests.public_pages import fixed_paths, sitemap_paths

from .conftest import SOCKET_TIMEOUT

pytestmark = pytest.mark.django_db


def test_redis_cache_url_uses_the_backend_that_survives_redis_failures():
    backend = setting_with(
        {"CACHE_URL": "redis://127.0.0.1:6379/9"}, "settings.CACHES['default']['BACKEND']"
    )
    assert backend == "core.redis_cache.OptionalRedisCache"


def test_every_public_page_answers_while_redis_is_down(client, site_pages, optional_redis):
    german = [path for path in sitemap_paths(client) if path.startswith("/de/")]
    paths = [*fixed_paths("de"), *german]
    optional_redis.stop()
    failed = {path: status for path in paths if (status := client.get(path).status_code) >= 500}
    assert failed == {}


def test_a_frozen_redis_costs_the_site_one_socket_timeout_not_one_per_call(
    client, site_pages, optional_redis
):
    optional_redis.freeze()
    started = time.monotonic()
    statuses = [client.get("/robots.txt").status_code for _ in range(10)]
    assert statuses == [200] * 10
    # Each request makes several cache calls: without the pause, each would wait.
    assert time.monotonic() - started < 4 * SOCKET_TIMEOUT


def test_contact_form_is_stored_while_redis_is_down(client, site_pages, optional_redis):
    optional_redis.stop()
    response = client.post("/de/contact/", CONTACT_FORM)
    assert response["Location"] == "/de/contact/thanks/"
    assert ContactMessage.objects.get().subject == CONTACT_FORM["subject"]


def test_contact_form_is_stored_while_redis_refuses_writes(client, site_pages, optional_redis):
    optional_redis.refuse_writes()
    response = client.post("/de/contact/", CONTACT_FORM)
    assert response["Location"] == "/de/contact/thanks/"
    assert ContactMessage.objects.get().subject == CONTACT_FORM["subject"]


def test_rate_limit_still_applies_while_redis_is_down(client, site_pages, optional_redis):
    optional_redis.stop()
    address = {"REMOTE_ADDR": "198.51.100.16"}
    sent = [client.post("/de/contact/", CONTACT_FORM, **address).status_code for _ in range(6)]
    assert sent == [302] * 5 + [200]
    assert ContactMessage.objects.count() == 5


def test_the_office_can_sign_in_with_its_second_factor_while_redis_is_down(client, optional_redis):
    office = make_staff("office", groups=["Office"])
    optional_redis.stop()
    response = log_in(client, office.email, PASSWORD, next_url=reverse("admin:index"))
    assert response["Location"] == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_used_code_is_refused_a_second_time_while_redis_is_down(client, optional_redis):
    office = make_staff("office", groups=["Office"])
    optional_redis.stop()
    code = totp_code(secret_of(office))
    for attempt in (Client(), client):
        response = attempt.post(
            reverse("account_login"), {"login": office.email, "password": PASSWORD}
        )
        assert response["Location"] == reverse("mfa_authenticate")
        response = attempt.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 200
    assert not is_logged_in(client)


def test_a_member_can_sign_in_while_redis_is_down(client, optional_redis):
    make_member("ayse@example.org")
    optional_redis.stop()
    response = log_in(client, "ayse@example.org", PASSWORD)
    assert response["Location"] == reverse("accounts:account")
    assert client.get(reverse("accounts:account")).status_code == 200


def test_editor_stays_logged_in_while_redis_is_down(client, optional_redis):
    client.force_login(make_staff(groups=["Office"]))
    optional_redis.stop()
    assert client.get(reverse("admin:index")).status_code == 200


def test_pages_are_cached_again_when_redis_returns(
    client, site_pages, optional_redis, quick_retry, django_assert_num_queries
):
    optional_redis.stop()
    client.get("/de/")
    optional_redis.start()
    time.sleep(quick_retry)
    client.get("/de/")
    with django_assert_num_queries(0):
        assert client.get("/de/").status_code == 200


def test_an_edit_made_while_redis_was_frozen_shows_when_it_returns(
    client, site_pages, optional_redis, quick_retry
):
    _association, pages = site_pages
    assert "Seite about" in client.get("/de/about/").content.decode()
    optional_redis.freeze()
    pages["about"].title_de = "Wer wir sind"
    pages["about"].save()
    optional_redis.resume()
    time.sleep(quick_retry)
    assert "Wer wir sind" in client.get("/de/about/").content.decode()
