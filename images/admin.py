from django.conf import settings
from django.contrib import admin
from django.contrib.admin.templatetags.admin_urls import admin_urlname
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from backoffice.admin import TranslatedAdmin

from .models import Image

# Pictures the rich-text editor's chooser shows at once: the newest, or those found.
CHOICES = 60


@admin.register(Image)
class ImageAdmin(TranslatedAdmin):
    list_display = ["thumbnail", "alt", "credit", "licence", "created_at"]
    list_display_links = ["thumbnail", "alt"]
    list_filter = ["licence", "created_at"]
    # Every language's description: an editor finds a picture by the words of any of them.
    search_fields = [
        *(build_localized_fieldname("alt", code) for code, _name in settings.LANGUAGES),
        "credit",
        "file",
    ]
    readonly_fields = ["focal_point_picker", "usage"]
    fieldsets = [
        (None, {"fields": ["file", "alt"]}),
        (_("Credit and licence"), {"fields": ["credit", "licence"]}),
        (
            _("Focal point"),
            {
                "description": _(
                    "Where a picture cut to fit (in a card, as a round photo) keeps its "
                    "centre: click on that spot in the picture, or give it in per cent."
                ),
                "fields": ["focal_point_picker", ("focal_x", "focal_y")],
            },
        ),
        (_("Where it is used"), {"fields": ["usage"]}),
    ]

    class Media:
        js = ["js/focal-point.js"]

    def get_urls(self):
        chooser = path(
            "chooser/",
            self.admin_site.admin_view(self.chooser_view),
            name=f"{self.opts.app_label}_{self.opts.model_name}_chooser",
        )
        return [chooser, *super().get_urls()]

    def chooser_view(self, request):
        """The pictures to choose from, as JSON, for the rich-text editor and the preview
        beside a chosen picture: the newest, those matching ``?q=``, or the one ``?id=``."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        images = self.get_queryset(request)
        number = request.GET.get("id", "")
        if number:
            images = images.filter(pk=number) if number.isdigit() else images.none()
        else:
            images, _duplicates = self.get_search_results(request, images, request.GET.get("q", ""))
        return JsonResponse({"results": [self.choice(image) for image in images[:CHOICES]]})

    def choice(self, image):
        return {
            "id": image.pk,
            "label": str(image),
            "thumbnail": image.thumbnail_url,
            "width": image.width,
            "height": image.height,
            "url": reverse(admin_urlname(self.opts, "change"), args=[image.pk]),
        }

    @admin.display(description=_("picture"))
    def thumbnail(self, image):
        return format_html(
            '<img class="image-thumbnail" src="{}" width="{}" height="{}" alt="" loading="lazy">',
            image.thumbnail_url,
            image.width,
            image.height,
        )

    @admin.display(description=_("choose by clicking"))
    def focal_point_picker(self, image):
        """The picture to click on (``static/js/focal-point.js`` shows it and moves the
        mark); without JavaScript the two numbers below are all there is."""
        if not image.pk:
            return _("Save the picture first; then you can click on it here.")
        return format_html(
            '<div class="focal-point-picker" hidden><img src="{}" width="{}" height="{}" alt="">'
            '<span class="focal-point-mark"></span></div>',
            image.version_url(960),
            image.width,
            image.height,
        )

    @admin.display(description=_("used in"))
    def usage(self, image):
        used = image.usages() if image.pk else []
        if not used:
            return _("Nowhere yet.")
        return format_html(
            '<ul class="image-usage">{}</ul>',
            format_html_join("", "<li>{}</li>", ((self.named(place),) for place in used)),
        )

    def named(self, obj):
        """``obj`` as its kind and name, linked to its admin page where it has one."""
        name = f"{capfirst(obj._meta.verbose_name)}: {obj}"
        try:
            url = reverse(admin_urlname(obj._meta, "change"), args=[quote(obj.pk)])
        except NoReverseMatch:
            return name
        return format_html('<a href="{}">{}</a>', url, name)

    def get_deleted_objects(self, objs, request):
        """A picture still shown anywhere is not deleted: the places are listed instead, as
        what protects it, each under its picture. That covers its use in rich text, which
        no foreign key protects."""
        deleted, model_count, perms_needed, _protected = super().get_deleted_objects(objs, request)
        protected = []
        for image in objs:
            used = image.usages()
            if used:
                protected += [self.named(image), [self.named(place) for place in used]]
        return deleted, model_count, perms_needed, protected
