"""The base of every section's sitemap: fixed pages and objects, each in every language."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.urls import reverse


class TranslatedItems:
    """A section's (item, language) pairs, counted and sliced in the database.

    Django's own sitemap builds every pair of a section to count its pages; these count the
    objects with one query and read only the objects of the page asked for.
    """

    def __init__(self, url_names, objects, languages):
        self.url_names = url_names
        self.objects = objects
        self.languages = languages

    def __len__(self):
        objects = self.objects
        count = objects.count() if isinstance(objects, QuerySet) else len(objects)
        return (len(self.url_names) + count) * len(self.languages)

    def __getitem__(self, pairs):
        # The paginator asks only for slices: the pairs of whole items, then cut to the slice.
        per_item = len(self.languages)
        first, stop = pairs.start // per_item, -(-pairs.stop // per_item)
        fixed = len(self.url_names)
        items = [
            *self.url_names[first:stop],
            *self.objects[max(first - fixed, 0) : max(stop - fixed, 0)],
        ]
        offset = first * per_item
        return [(item, language) for item in items for language in self.languages][
            pairs.start - offset : pairs.stop - offset
        ]


class TranslatedSitemap(Sitemap):
    """``url_names`` (fixed pages) plus ``objects()``, with hreflang alternates and x-default.

    ``limit`` counts URLs (an object in one language); at most this many per file keeps each
    sitemap file small and quick to build, however much content there is. Every item is in
    every language, which lets the index count a section's files without reading its items.
    """

    i18n = True
    alternates = True
    x_default = True
    languages = [code for code, _name in settings.LANGUAGES]
    limit = 1000
    url_names = []

    def objects(self):
        return []

    @property
    def paginator(self):
        return Paginator(
            TranslatedItems(self.url_names, self.objects(), self.languages), self.limit
        )

    def get_latest_lastmod(self):
        # Fixed pages have no date of change, so no section has a latest one and the index
        # lists none (Django's own method finds the same after reading every item).
        return None

    def location(self, item):
        return reverse(item) if isinstance(item, str) else item.get_absolute_url()

    def lastmod(self, item):
        return getattr(item, "updated_at", None)
