from django.contrib.auth.models import AnonymousUser

from core.sitemaps import TranslatedSitemap

from .models import Event, Occurrence


class EventsSitemap(TranslatedSitemap):
    """The upcoming events page and every event a visitor without login may see."""

    changefreq = "weekly"
    url_names = ["events:upcoming"]

    def objects(self):
        # Search engines never log in: members-only events stay out. Only the two columns
        # the sitemap needs: thousands of events with seven descriptions fill a worker's memory.
        return Event.objects.visible_to(AnonymousUser()).order_by("pk").only("slug", "updated_at")


class EventDatesSitemap(TranslatedSitemap):
    """Each date of a series a visitor without login may see: each has a page of its own."""

    changefreq = "weekly"

    def objects(self):
        return (
            Occurrence.objects.visible_to(AnonymousUser())
            .exclude(event__repeat=Event.Repeat.NEVER)
            .select_related("event")
            .order_by("pk")
            .only("original_start", "event__slug", "event__repeat", "event__updated_at")
        )

    def lastmod(self, item):
        return item.event.updated_at
