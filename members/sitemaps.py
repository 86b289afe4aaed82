from miso_site.sitemaps import TranslatedSitemap

from .models import MemberOrganisation


class MembersSitemap(TranslatedSitemap):
    """The members' fixed pages and every active organisation, in every language."""

    changefreq = "weekly"
    url_names = [
        "members:directory",
        "members:meeting-points",
        "members:board",
        "members:board-archive",
        "members:team",
        "members:working-groups",
        "members:apply",
    ]

    def objects(self):
        return MemberOrganisation.objects.active().only("slug").order_by("slug")
