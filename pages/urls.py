from django.urls import path
from django.views.generic import TemplateView

from . import views
from .models import Page

app_name = "pages"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("about/", views.PageView.as_view(page_key=Page.Key.ABOUT), name="about"),
    path("principles/", views.PrinciplesView.as_view(), name="principles"),
    path("principles/all-languages/", views.AllPrinciplesView.as_view(), name="principles-all"),
    path("contact/", views.ContactView.as_view(), name="contact"),
    path(
        "contact/thanks/",
        TemplateView.as_view(template_name="pages/contact_thanks.html"),
        name="contact-thanks",
    ),
    path("imprint/", views.ImprintView.as_view(), name="imprint"),
    path("privacy/", views.PageView.as_view(page_key=Page.Key.PRIVACY), name="privacy"),
    path("accessibility/", views.AccessibilityView.as_view(), name="accessibility"),
    path(
        "accessibility/thanks/",
        TemplateView.as_view(template_name="pages/accessibility_thanks.html"),
        name="accessibility-thanks",
    ),
    path(
        "easy-read/",
        views.PageView.as_view(page_key=Page.Key.EASY_READ, template_name="pages/easy_read.html"),
        name="easy-read",
    ),
]
