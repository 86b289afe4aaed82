from django.core.cache import cache

from core.cache import generation

from .models import Association


def association(request):
    """The association's address and opening hours for the footer.

    Every page shows them, so they are kept in the cache until content changes
    (the page cache's generation), which saves two queries on every page.
    """
    return {"association": cache.get_or_set(f"association:{generation()}", Association.load)}
