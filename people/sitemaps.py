from core.sitemaps import TranslatedSitemap


class PeopleSitemap(TranslatedSitemap):
    """The board, its archive, the team and the working groups, in every language."""

    changefreq = "monthly"
    url_names = ["people:board", "people:board-archive", "people:team", "people:working-groups"]
