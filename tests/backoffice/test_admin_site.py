"""The office's admin site: header, language chooser, overview."""

import pytest
from django.urls import reverse

from .factories import make_staff

pytestmark = pytest.mark.django_db


def test_admin_index_shows_the_office_header_and_a_link_to_missing_translations(client):
    client.force_login(make_staff(superuser=True))
    response = client.get(reverse("admin:index"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "MiSO" in html
    assert reverse("admin:translations") in html


def test_admin_pages_load_nothing_from_other_hosts(client):
    client.force_login(make_staff(superuser=True))
    html = client.get(reverse("admin:pages_principle_add")).content.decode()
    assert "//code.jquery.com" not in html
    assert "https://" not in html.split("<body")[0]
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in html
