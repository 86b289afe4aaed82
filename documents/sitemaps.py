from core.sitemaps import TranslatedSitemap


class DocumentsSitemap(TranslatedSitemap):
    """The documents page; the PDFs themselves are not pages with translations."""

    changefreq = "monthly"
    url_names = ["documents:document-list"]
