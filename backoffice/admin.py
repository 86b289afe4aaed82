"""The shared bases for every content admin.

Each app's admin subclasses ``TranslatedAdmin`` (or ``ContentAdmin`` for a model
without translated fields) and so gets, without a line of its own: history with
restore, preview links per language and, for publishable content, publish
actions; with translations also language tabs, a "missing translations" column
and filter, and language and writing direction on every language's inputs.
Lists kept in spreadsheets add ``SpreadsheetMixin`` in front.
"""

import reversion
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language_info, gettext, ngettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from js_asset import Media
from modeltranslation.admin import TranslationAdmin
from reversion.admin import VersionAdmin

from core.images import AbstractImage
from core.models import Publishable

from .translation_status import missing_languages, missing_q, target_languages, text_fields
from .widgets import ImageChoiceWidget


class MissingTranslationFilter(admin.SimpleListFilter):
    """Objects with German text that lack the chosen language ("missing in language X")."""

    title = _("missing in language")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return target_languages()

    def queryset(self, request, queryset):
        if self.value() in dict(target_languages()):
            return queryset.filter(missing_q(queryset.model, self.value()))
        return queryset


def preview_links(obj):
    """The object's public page in every language."""
    links = []
    for code, name in settings.LANGUAGES:
        with translation.override(code):
            links.append({"code": code, "name": name, "url": obj.get_absolute_url()})
    return links


class ContentAdmin(VersionAdmin):
    """History, preview links and publishing for every content model's admin, and the
    image library's chooser for every picture a model shows.

    ``VersionAdmin`` registers the model with django-reversion, so every save in
    the admin is kept as a version with its author, and "History" can show and
    restore it (and "Recover deleted" bring back a deleted object). Models with
    translated fields use ``TranslatedAdmin``, which builds on this.
    """

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk and hasattr(obj, "get_absolute_url"):
            context["preview_links"] = preview_links(obj)
            context["preview_is_draft"] = isinstance(obj, Publishable) and not obj.is_visible
        # The rich-text editor's inline import map needs the page's CSP nonce.
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if issubclass(db_field.related_model, AbstractImage):
            kwargs["widget"] = ImageChoiceWidget(
                db_field.remote_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if (
            issubclass(self.model, Publishable)
            and self.actions is not None
            and IS_POPUP_VAR not in request.GET
            and self.has_change_permission(request)
        ):
            for name in ("publish", "withdraw"):
                actions[name] = self.get_action(name)
        return actions

    def _set_published(self, request, queryset, published):
        """Save one by one, so each change is a version in the history."""
        changed = 0
        with reversion.create_revision():
            reversion.set_user(request.user)
            for obj in queryset:
                if obj.is_published != published:
                    obj.is_published = published
                    obj.save()
                    changed += 1
        return changed

    @admin.action(description=_("Publish the selected items"))
    def publish(self, request, queryset):
        changed = self._set_published(request, queryset, True)
        self.message_user(
            request,
            ngettext(
                "%(count)d item published. Items with a future publish time appear then.",
                "%(count)d items published. Items with a future publish time appear then.",
                changed,
            )
            % {"count": changed},
            messages.SUCCESS,
        )

    @admin.action(description=_("Withdraw the selected items (back to draft)"))
    def withdraw(self, request, queryset):
        changed = self._set_published(request, queryset, False)
        self.message_user(
            request,
            ngettext("%(count)d item withdrawn.", "%(count)d items withdrawn.", changed)
            % {"count": changed},
            messages.SUCCESS,
        )


class TranslatedAdmin(ContentAdmin, TranslationAdmin):
    """Translated fields in tabs, one per language, German first and required.

    This is modeltranslation's tabbed admin with its files named here: Django's
    own jQuery and our copy of jQuery UI (``static/vendor/jquery-ui``), so the
    admin loads nothing from other hosts (modeltranslation's default is a CDN).
    Lists get a "missing translations" column and filter, and every language's
    inputs say their language and writing direction.
    """

    class Media:
        js = (
            "admin/js/jquery.init.js",
            "modeltranslation/js/force_jquery.js",
            "vendor/jquery-ui/jquery-ui.min.js",
            "modeltranslation/js/tabbed_translation_fields.js",
            "js/admin-translations.js",
        )
        css = {"all": ("modeltranslation/css/tabbed_translation_fields.css",)}

    def get_list_display(self, request):
        list_display = super().get_list_display(request)
        if text_fields(self.model):
            return [*list_display, "missing_translations"]
        return list_display

    def get_list_filter(self, request):
        list_filter = super().get_list_filter(request)
        if text_fields(self.model):
            return [*list_filter, MissingTranslationFilter]
        return list_filter

    @admin.display(description=_("missing translations"))
    def missing_translations(self, obj):
        codes = missing_languages(obj)
        if not codes:
            return format_html('<span class="translations-complete">{}</span>', _("complete"))
        names = dict(settings.LANGUAGES)
        return format_html_join(
            " ",
            '<abbr class="translation-missing" lang="{}" title="{}">{}</abbr>',
            ((code, names[code], code.upper()) for code in codes),
        )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)
        if field is not None and language:
            # Spell-checking, fonts and writing direction follow the tab's language.
            widget = self._get_widget_from_field(field)
            widget = getattr(widget, "widget", widget)  # inside modeltranslation's "clear" wrapper
            widget.attrs["lang"] = language
            widget.attrs["dir"] = "rtl" if get_language_info(language)["bidi"] else "ltr"
            # The tab script marks an empty translation with this, in the editor's language.
            widget.attrs["data-missing-label"] = _("missing")
        return field


class SpreadsheetMixin(ImportExportMixin):
    """Import and export as CSV or XLSX for lists the office keeps in spreadsheets.

    Put it first: ``class MemberOrganisationAdmin(SpreadsheetMixin, TranslatedAdmin)``
    with ``resource_classes = [MemberOrganisationResource]``. An import always
    shows its changes first and saves only when confirmed; rows that fail are
    listed with their line number and the reason. Confirmed imports are one
    version in the history, with the importing user.
    """

    formats = [CSV, XLSX]
    import_error_display = ("message", "row")

    def process_dataset(self, dataset, form, request, **kwargs):
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(gettext("Imported from a spreadsheet"))
            return super().process_dataset(dataset, form, request, **kwargs)
