from django.utils.translation import gettext_lazy as _

from core.apps import ContentAppConfig


class ImagesConfig(ContentAppConfig):
    name = "images"
    verbose_name = _("Image library")
