"""The base of every section's sitemap: fixed pages and objects, each in every language."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class TranslatedSitemap(Sitemap):
    """``url_names`` (fixed pages) plus ``objects()``, with hreflang alternates and x-default.

    ``limit`` counts URLs (an object in one language); at most this many per file keeps each
    sitemap file small and quick to build, however much content there is.
    """

    i18n = True
    alternates = True
    x_default = True
    limit = 1000
    url_names = []

    def objects(self):
        return []

    def items(self):
        return [*self.url_names, *self.objects()]

    def location(self, item):
        return reverse(item) if isinstance(item, str) else item.get_absolute_url()

    def lastmod(self, item):
        return getattr(item, "updated_at", None)
