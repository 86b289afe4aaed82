from core.sitemaps import TranslatedSitemap

from .models import Post


class NewsSitemap(TranslatedSitemap):
    """The news list and every listed post, each with its alternates in every language."""

    changefreq = "weekly"
    url_names = ["news:post-list"]

    def objects(self):
        return Post.objects.listed().latest_first().only("slug", "updated_at")
