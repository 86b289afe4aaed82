"""The account page: a person's own data, its download (GDPR Art. 15) and the deletion of the
account (Art. 17), and the account log the office reads."""

import json
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import timezone

from accounts.models import AccountEvent
from core.tasks import daily_jobs
from tests.backoffice.factories import make_staff

from .factories import PASSWORD, is_logged_in, log_in, make_member

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("quick_password_hashing")]

ACCOUNT = reverse("accounts:account")
DATA = reverse("accounts:data-download")
DELETE = reverse("accounts:delete")


@pytest.fixture
def ayse(client):
    member = make_member("ayse@example.org")
    log_in(client, "ayse@example.org")
    return member


def download(client):
    response = client.get(DATA)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    return json.loads(response.content)


def test_the_account_page_shows_the_persons_data(client, ayse):
    html = client.get(ACCOUNT).content.decode()
    assert "ayse@example.org" in html
    assert ayse.membership.organisation.name in html


def test_the_account_page_is_never_cached(client, ayse):
    assert "no-cache" in client.get(ACCOUNT)["Cache-Control"]


@pytest.mark.parametrize("url", [ACCOUNT, DATA, DELETE])
def test_visitors_get_no_account_data_but_the_sign_in_page(client, url):
    make_member("ayse@example.org")
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_the_download_holds_the_account_the_membership_and_the_sign_ins(client, ayse):
    data = download(client)
    assert data["account"]["email"] == "ayse@example.org"
    assert data["membership"]["organisation"] == ayse.membership.organisation.name
    assert "logged-in" in [entry["what"] for entry in data["accounts.accountevent"]]


def test_the_download_never_holds_another_persons_data(client, ayse):
    other = make_member("bilal@example.org")
    log_in(client.__class__(), "bilal@example.org")
    data = download(client)
    assert "bilal@example.org" not in json.dumps(data)
    assert client.get(DATA, {"account": other.pk}).json()["account"]["email"] == ayse.email


@pytest.mark.parametrize("sign_ins", [1, 100])
def test_the_download_costs_the_same_queries_however_long_the_history(
    client, ayse, django_assert_max_num_queries, sign_ins
):
    AccountEvent.objects.bulk_create(
        AccountEvent(account=ayse, kind=AccountEvent.Kind.LOGGED_IN, login=ayse.email)
        for _ in range(sign_ins)
    )
    with django_assert_max_num_queries(12):
        client.get(DATA)


@pytest.mark.parametrize("sign_ins", [1, 100])
def test_the_account_page_costs_the_same_queries_however_long_the_history(
    client, ayse, django_assert_max_num_queries, sign_ins
):
    AccountEvent.objects.bulk_create(
        AccountEvent(account=ayse, kind=AccountEvent.Kind.LOGGED_IN, login=ayse.email)
        for _ in range(sign_ins)
    )
    with django_assert_max_num_queries(10):
        client.get(ACCOUNT)


def test_a_wrong_password_deletes_nothing(client, ayse):
    response = client.post(DELETE, {"password": "not my password"})
    assert response.status_code == 200
    assert response.context["form"].errors["password"]
    assert User.objects.filter(pk=ayse.pk).exists()


def test_deleting_the_account_keeps_its_records_without_the_person(client, ayse):
    assert client.post(DELETE, {"password": PASSWORD}).status_code == 302
    assert not User.objects.filter(email="ayse@example.org").exists()
    assert not is_logged_in(client)
    record = AccountEvent.objects.get(kind=AccountEvent.Kind.LOGGED_IN)
    assert (record.account, record.login, record.address) == (None, "", None)


def test_sign_ins_and_failed_sign_ins_are_logged_with_the_address(client):
    member = make_member("ayse@example.org")
    log_in(client, "ayse@example.org", "wrong", address="203.0.113.5")
    log_in(client, "ayse@example.org", address="203.0.113.5")
    kinds = [AccountEvent.Kind.LOGIN_FAILED, AccountEvent.Kind.LOGGED_IN]
    logged = AccountEvent.objects.filter(account=member, kind__in=kinds).order_by("pk")
    assert [(event.kind, event.address) for event in logged] == [
        ("login-failed", "203.0.113.5"),
        ("logged-in", "203.0.113.5"),
    ]


def test_a_change_of_groups_is_logged(db):
    member = make_member("ayse@example.org")
    member.groups.add(Group.objects.get(name="Office"))
    event = AccountEvent.objects.filter(kind=AccountEvent.Kind.GROUPS_CHANGED).order_by("pk").last()
    assert event.account == member
    assert "Members, Office" in event.detail


def test_giving_admin_access_is_logged(db):
    member = make_member("ayse@example.org")
    member.is_staff = True
    member.save()
    event = AccountEvent.objects.get(kind=AccountEvent.Kind.STAFF_CHANGED)
    assert event.detail.startswith("is_staff: False → True")


def test_the_office_reads_the_account_log_but_cannot_change_it(client):
    make_member("ayse@example.org")
    client.force_login(make_staff(groups=["Office"]))
    changelist = reverse("admin:accounts_accountevent_changelist")
    assert "ayse@example.org" in client.get(changelist).content.decode()
    event = AccountEvent.objects.first()
    change = reverse("admin:accounts_accountevent_change", args=[event.pk])
    assert client.post(change, {"detail": "x"}).status_code == 403


def test_the_account_log_is_kept_for_a_year(db, settings):
    member = make_member("ayse@example.org")
    old, recent = (
        AccountEvent.objects.create(account=member, kind=AccountEvent.Kind.LOGGED_IN)
        for _ in range(2)
    )
    AccountEvent.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(days=366))
    daily_jobs["accounts.prune_account_log"]()
    assert settings.ACCOUNT_LOG_DAYS == 365
    assert not AccountEvent.objects.filter(pk=old.pk).exists()
    assert AccountEvent.objects.filter(pk=recent.pk).exists()
