from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Project


class ProjectsSitemap(Sitemap):
    """Both project lists and every published project, with alternates in every language."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"

    def items(self):
        return [
            "projects:project-list",
            "projects:project-finished",
            *Project.objects.published().only("slug", "updated_at"),
        ]

    def location(self, item):
        return reverse(item) if isinstance(item, str) else item.get_absolute_url()

    def lastmod(self, item):
        return None if isinstance(item, str) else item.updated_at
