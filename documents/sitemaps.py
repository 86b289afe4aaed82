from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class DocumentsSitemap(Sitemap):
    """The documents page; the PDFs themselves are not pages with translations."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"

    def items(self):
        return ["documents:document-list"]

    def location(self, item):
        return reverse(item)
