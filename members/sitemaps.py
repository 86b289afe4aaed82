from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import MemberOrganisation

PAGES = [
    "members:directory",
    "members:meeting-points",
    "members:board",
    "members:board-archive",
    "members:team",
    "members:working-groups",
    "members:apply",
]


class MembersSitemap(Sitemap):
    """The members' fixed pages and every active organisation, in every language."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"

    def items(self):
        organisations = MemberOrganisation.objects.active().only("slug").order_by("slug")
        return [*PAGES, *organisations]

    def location(self, item):
        if isinstance(item, str):
            return reverse(item)
        return item.get_absolute_url()
