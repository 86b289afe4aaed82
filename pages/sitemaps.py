from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class PagesSitemap(Sitemap):
    """The fixed pages, each with its alternates in every language."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"

    def items(self):
        return [
            "pages:home",
            "pages:about",
            "pages:principles",
            "pages:principles-all",
            "pages:contact",
            "pages:imprint",
            "pages:privacy",
            "pages:accessibility",
            "pages:easy-read",
        ]

    def location(self, item):
        return reverse(item)
