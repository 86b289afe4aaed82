"""Shared fixtures. Each app's factories live in ``tests/<app>/factories.py``."""

import pytest
from django.conf import settings
from django.core.cache import cache

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture(autouse=True)
def _isolated_cache_and_media(settings, tmp_path):
    """Every test starts with an empty cache and its own media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_pages(db):
    from tests.pages.factories import make_site_pages

    return make_site_pages()
