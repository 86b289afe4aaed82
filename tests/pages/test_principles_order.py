"""The principles in every language start with the visitor's own, then follow the site's order."""

import re

import pytest

from pages.models import Principle
from tests.languages import LANGUAGE_CODES


@pytest.mark.parametrize(
    ("language", "order"),
    [
        ("ru", ["ru", "de", "en", "fr", "es", "uk", "ar"]),
        ("ar", ["ar", "de", "en", "fr", "es", "ru", "uk"]),
        ("de", ["de", "en", "fr", "es", "ru", "uk", "ar"]),
    ],
)
def test_the_visitors_language_comes_first(client, site_pages, language, order):
    Principle.objects.create(
        order=1, **{f"text_{code}": f"principle {code}" for code in LANGUAGE_CODES}
    )
    html = client.get(f"/{language}/principles/all-languages/").content.decode()
    assert re.findall(r'<section lang="([a-z]+)"', html) == order
