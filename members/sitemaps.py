from core.sitemaps import TranslatedSitemap

from .models import MemberOrganisation


class MembersSitemap(TranslatedSitemap):
    """The members' fixed pages and every active organisation, in every language."""

    changefreq = "weekly"
    url_names = [
        "members:directory",
        "members:meeting-points",
        "members:apply",
    ]

    def objects(self):
        return MemberOrganisation.objects.active().only("slug").order_by("slug")
