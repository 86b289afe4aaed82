from core.sitemaps import TranslatedSitemap


class PagesSitemap(TranslatedSitemap):
    """The fixed pages, each with its alternates in every language."""

    changefreq = "monthly"
    url_names = [
        "pages:home",
        "pages:about",
        "pages:principles",
        "pages:principles-all",
        "pages:contact",
        "pages:imprint",
        "pages:privacy",
        "pages:accessibility",
        "pages:easy-read",
    ]
