"""A request for a host the site does not serve is refused with 400 on every path."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/de/", "/ar/kontakt/", "/healthz", "/admin/", "/nowhere"])
def test_a_foreign_host_gets_the_bad_request_page(settings, path):
    settings.ALLOWED_HOSTS = ["www.miso-netzwerk.de"]
    response = Client(raise_request_exception=False).get(path, HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "evil.example" not in response.content.decode()
