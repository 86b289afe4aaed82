"""Behind trusted proxies the site counts each visitor by their own address; a header sent
by anyone else changes nothing."""

import pytest
from axes.models import AccessAttempt
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import reverse

from core.forms import RATE_LIMIT
from pages.models import ContactMessage
from tests.backoffice.factories import PASSWORD, make_staff
from tests.pages.factories import CONTACT_FORM

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("quick_password_hashing")]

LOAD_BALANCER = "10.0.0.2"
LOCAL_PROXY = "127.0.0.1"


def log_in(password, remote_addr, forwarded_for=None):
    headers = {"x-forwarded-for": forwarded_for} if forwarded_for else {}
    return Client().post(
        reverse("account_login"),
        {"login": "office@example.org", "password": password},
        REMOTE_ADDR=remote_addr,
        headers=headers,
    )


def failed_login(remote_addr, forwarded_for=None):
    """A wrong password for "office"; the address the site recorded for it."""
    log_in("wrong password", remote_addr, forwarded_for)
    return AccessAttempt.objects.get().ip_address


def contact(remote_addr, forwarded_for):
    return Client().post(
        "/de/contact/",
        CONTACT_FORM,
        REMOTE_ADDR=remote_addr,
        headers={"x-forwarded-for": forwarded_for},
    )


@pytest.mark.parametrize(
    ("trusted", "remote_addr", "forwarded_for", "visitor"),
    [
        pytest.param([], "203.0.113.9", None, "203.0.113.9", id="no-proxy"),
        pytest.param([], LOCAL_PROXY, "203.0.113.9", LOCAL_PROXY, id="nobody-trusted"),
        pytest.param(
            [LOCAL_PROXY], "198.51.100.66", "203.0.113.9", "198.51.100.66", id="forged-by-visitor"
        ),
        pytest.param([LOCAL_PROXY], LOCAL_PROXY, "203.0.113.9", "203.0.113.9", id="one-proxy"),
        pytest.param(
            [LOCAL_PROXY], LOCAL_PROXY, "192.0.2.1, 203.0.113.9", "203.0.113.9", id="forged-hop"
        ),
        pytest.param(
            [LOCAL_PROXY, LOAD_BALANCER],
            LOCAL_PROXY,
            f"192.0.2.1, 203.0.113.9, {LOAD_BALANCER}",
            "203.0.113.9",
            id="two-proxies",
        ),
        pytest.param(
            ["10.0.0.0/8", LOCAL_PROXY],
            LOCAL_PROXY,
            "203.0.113.9, 10.20.0.4, 10.0.0.2",
            "203.0.113.9",
            id="proxy-network",
        ),
        pytest.param(
            ["10.0.0.0/8"], "10.0.0.2", "10.7.1.20", "10.7.1.20", id="visitor-inside-network"
        ),
        pytest.param(
            [LOCAL_PROXY], LOCAL_PROXY, "203.0.113.9, not-an-address", LOCAL_PROXY, id="garbage"
        ),
        pytest.param(["::1"], "::1", "2001:db8::7", "2001:db8::7", id="ipv6"),
        pytest.param(
            ["2001:db8:ffff::/48"],
            "2001:db8:ffff::2",
            "2001:db8:1::1, 2001:DB8:2:0::5",
            "2001:db8:2::5",
            id="ipv6-network",
        ),
        pytest.param(
            [LOAD_BALANCER], f"::ffff:{LOAD_BALANCER}", "203.0.113.9", "203.0.113.9", id="v4-in-v6"
        ),
        pytest.param([LOCAL_PROXY], "", "203.0.113.9", "203.0.113.9", id="unix-socket"),
        pytest.param(
            ["2"], "10.9.9.9", "192.0.2.1, 203.0.113.9, 10.0.0.2", "203.0.113.9", id="count"
        ),
        pytest.param(["2"], "10.9.9.9", "203.0.113.9", "10.9.9.9", id="count-short-chain"),
    ],
)
def test_a_failed_login_is_recorded_under_the_visitors_address(
    settings, trusted, remote_addr, forwarded_for, visitor
):
    settings.TRUSTED_PROXIES = trusted
    assert failed_login(remote_addr, forwarded_for) == visitor


def test_two_visitors_behind_one_proxy_each_have_their_own_limit(settings, site_pages):
    settings.TRUSTED_PROXIES = [LOCAL_PROXY]
    for _ in range(RATE_LIMIT):
        assert contact(LOCAL_PROXY, "203.0.113.9").status_code == 302
    assert contact(LOCAL_PROXY, "203.0.113.9").status_code == 200
    assert contact(LOCAL_PROXY, "198.51.100.4").status_code == 302
    assert ContactMessage.objects.count() == RATE_LIMIT + 1


def test_a_visitor_cannot_escape_the_limit_by_forging_the_header(settings, site_pages):
    settings.TRUSTED_PROXIES = [LOCAL_PROXY]
    for number in range(RATE_LIMIT):
        contact("198.51.100.66", f"192.0.2.{number}")
    assert contact("198.51.100.66", "192.0.2.200").status_code == 200
    assert ContactMessage.objects.count() == RATE_LIMIT


def test_a_lock_out_behind_the_load_balancer_keeps_the_office_out_only_from_that_address(
    settings,
):
    settings.TRUSTED_PROXIES = [LOAD_BALANCER]
    make_staff("office")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in("wrong password", LOAD_BALANCER, "203.0.113.9")
    assert log_in(PASSWORD, LOAD_BALANCER, "203.0.113.9").status_code == 429
    assert log_in(PASSWORD, LOAD_BALANCER, "198.51.100.4").status_code == 302


def test_a_proxy_setting_that_names_no_address_stops_the_site(settings):
    settings.TRUSTED_PROXIES = ["proxy.example"]
    with pytest.raises(ImproperlyConfigured, match="proxy.example"):
        Client().get("/de/")
