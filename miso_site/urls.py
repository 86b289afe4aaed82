from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from accounts.views import calendar_feed
from core import views
from documents.sitemaps import DocumentsSitemap
from events.sitemaps import EventDatesSitemap, EventsSitemap
from members.sitemaps import MembersSitemap
from news.sitemaps import NewsSitemap
from pages.sitemaps import PagesSitemap
from people.sitemaps import PeopleSitemap
from projects.sitemaps import ProjectsSitemap

sitemaps = {
    "pages": PagesSitemap,
    "members": MembersSitemap,
    "people": PeopleSitemap,
    "news": NewsSitemap,
    "events": EventsSitemap,
    "event-dates": EventDatesSitemap,
    "projects": ProjectsSitemap,
    "documents": DocumentsSitemap,
}

# Paths outside the language prefix: admin, language switch, machine-read files.
urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    # An index of one sitemap per section (and per page of a long one): a single file
    # with every page in seven languages would grow past what crawlers accept.
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps},
        name="sitemap-section",
    ),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("healthz", views.healthz, name="healthz"),
    # Secret per person, read by calendar apps that know no language prefix.
    path("calendar/<slug:token>.ics", calendar_feed, name="calendar-feed"),
]

urlpatterns += i18n_patterns(
    path("", include("pages.urls")),
    path("members/", include("members.urls")),
    path("members/", include("people.urls")),
    path("news/", include("news.urls")),
    path("events/", include("events.urls")),
    path("projects/", include("projects.urls")),
    path("documents/", include("documents.urls")),
    path("search/", include("search.urls")),
    path("members-area/bookings/", include("bookings.urls")),
    path("", include("accounts.urls")),
    # django-allauth: sign-in, sign-out, password reset and change, email change, two-factor.
    path("account/", include("allauth.urls")),
    prefix_default_language=True,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
