from django.core.cache import cache

from core.cache import generation

from .models import Association


def cached_association():
    """The association's record, kept in the cache until content changes (the page
    cache's generation): every page shows it, which saves two queries on each."""
    return cache.get_or_set(f"association:{generation()}", Association.load)


def association(request):
    """The association's address and opening hours for the footer."""
    return {"association": cached_association()}
