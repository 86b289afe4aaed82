from core.sitemaps import TranslatedSitemap

from .models import Project


class ProjectsSitemap(TranslatedSitemap):
    """Both project lists and every published project, with alternates in every language."""

    changefreq = "monthly"
    url_names = ["projects:project-list", "projects:project-finished"]

    def objects(self):
        return Project.objects.published().only("slug", "updated_at")
