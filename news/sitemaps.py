from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Post


class NewsSitemap(Sitemap):
    """The news list and every listed post, each with its alternates in every language."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"

    def items(self):
        return ["news:post-list", *Post.objects.listed().latest_first().only("slug", "updated_at")]

    def location(self, item):
        return reverse(item) if isinstance(item, str) else item.get_absolute_url()

    def lastmod(self, item):
        return None if isinstance(item, str) else item.updated_at
