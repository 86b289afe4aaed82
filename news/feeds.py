"""RSS 2.0 and Atom feeds of the news, one per language (the URL's language prefix)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext_lazy as _

from .models import Post

FEED_LENGTH = 20


class LatestPostsFeed(Feed):
    feed_type = Rss201rev2Feed
    title = _("MiSO-Netzwerk Hannover: news")
    description = _(
        "News, press releases, position papers and job postings of MiSO-Netzwerk Hannover e.V."
    )
    link = reverse_lazy("news:post-list")

    def items(self):
        return Post.objects.listed().latest_first()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.author

    def item_categories(self, item):
        return [item.get_kind_display()]


class LatestPostsAtomFeed(LatestPostsFeed):
    feed_type = Atom1Feed
    subtitle = LatestPostsFeed.description
