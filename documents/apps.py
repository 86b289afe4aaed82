from django.utils.translation import gettext_lazy as _

from core.apps import ContentAppConfig


class DocumentsConfig(ContentAppConfig):
    name = "documents"
    verbose_name = _("Documents")
