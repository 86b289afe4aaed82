from django.utils.translation import gettext_lazy as _

from core.apps import ContentAppConfig


class NewsConfig(ContentAppConfig):
    name = "news"
    verbose_name = _("News")
