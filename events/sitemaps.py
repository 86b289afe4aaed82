from django.contrib.auth.models import AnonymousUser

from core.sitemaps import TranslatedSitemap

from .models import Event


class EventsSitemap(TranslatedSitemap):
    """The upcoming events page and every event a visitor without login may see."""

    changefreq = "weekly"
    url_names = ["events:upcoming"]

    def objects(self):
        # Search engines never log in: members-only events stay out. Only the two columns
        # the sitemap needs: thousands of events with seven descriptions fill a worker's memory.
        return Event.objects.visible_to(AnonymousUser()).order_by("pk").only("slug", "updated_at")
