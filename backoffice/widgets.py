"""The admin's field for choosing a picture of the image library."""

from django.contrib.admin.templatetags.admin_urls import admin_urlname
from django.contrib.admin.widgets import ForeignKeyRawIdWidget
from django.core.exceptions import ValidationError
from django.urls import reverse


class ImageChoiceWidget(ForeignKeyRawIdWidget):
    """A foreign key to the image library, chosen in the library's own list (thumbnails,
    search and filters; a new picture is added there too) in a pop-up, and shown beside
    the field as a thumbnail that follows the choice (``static/js/image-choice.js``)."""

    # In the app's templates/: forms render widgets with Django's form renderer, which
    # reads the apps' templates but not the project's.
    template_name = "admin/widgets/image_choice.html"

    class Media:
        js = ["admin/js/jquery.init.js", "js/image-choice.js"]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["chooser_url"] = reverse(
            admin_urlname(self.rel.model._meta, "chooser"), current_app=self.admin_site.name
        )
        context["chosen"] = self.chosen(value)
        return context

    def chosen(self, value):
        """The picture ``value`` names, or None."""
        try:
            return self.rel.model._default_manager.using(self.db).filter(pk=value).first()
        except (ValueError, ValidationError):
            return None
