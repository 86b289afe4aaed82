"""The shared bases for every content admin.

Each app's admin subclasses ``TranslatedAdmin`` (or ``ContentAdmin`` for a model
without translated fields) and so gets, without a line of its own: history with
restore, preview links per language and, for publishable content, publish
actions; with translations also language tabs, a "missing translations" column
and filter, and language and writing direction on every language's inputs.
Lists kept in spreadsheets add ``SpreadsheetMixin`` in front. Member accounts get
the office's user admin (``backoffice.users``).
"""

import logging
from contextlib import contextmanager

import reversion
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.auth.models import User
from django.db import router, transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import get_language_info, gettext_noop, ngettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import XLSX
from js_asset import Media
from modeltranslation.admin import TranslationAdmin
from modeltranslation.utils import build_localized_fieldname
from reversion.admin import VersionAdmin
from reversion.models import Version

from core import sheet_files
from core.images import AbstractImage
from core.models import MembersOnly, OutgoingEmail, Publishable
from core.resources import SheetError

from .conflicts import InlineRows, StoredVersionForm, model_field_names
from .history import history_note
from .outbox import OutgoingEmailAdmin
from .translation_status import (
    missing_languages,
    missing_q,
    outdated_exists,
    outdated_languages,
    outdated_translations,
    target_languages,
    text_fields,
    with_outdated_languages,
)
from .users import MemberAccountAdmin
from .widgets import ImageChoiceWidget

logger = logging.getLogger(__name__)


class MissingTranslationFilter(admin.SimpleListFilter):
    """Objects with German text that lack the chosen language ("missing in language X")."""

    title = _("missing in language")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return target_languages()

    def condition(self, model, language):
        return missing_q(model, language)

    def queryset(self, request, queryset):
        if self.value() in dict(target_languages()):
            return queryset.filter(self.condition(queryset.model, self.value()))
        return queryset


class OutdatedTranslationFilter(MissingTranslationFilter):
    """Objects whose translation into the chosen language is older than their German text."""

    title = _("outdated in language")
    parameter_name = "outdated"

    def condition(self, model, language):
        return outdated_exists(model, language)


def input_widget(form_field):
    """The widget that renders a form field's input, inside modeltranslation's "clear" wrapper."""
    return getattr(form_field.widget, "widget", form_field.widget)


class PublicationFilter(admin.SimpleListFilter):
    """Published (visible now), scheduled (published, its time still to come) or draft."""

    title = _("status")
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        states = [
            ("published", _("published")),
            ("scheduled", _("scheduled")),
            ("draft", _("draft")),
        ]
        return [(state, capfirst(label)) for state, label in states]

    def queryset(self, request, queryset):
        now = timezone.now()
        conditions = {
            "published": {"is_published": True, "published_at__lte": now},
            "scheduled": {"is_published": True, "published_at__gt": now},
            "draft": {"is_published": False},
        }
        if self.value() in conditions:
            return queryset.filter(**conditions[self.value()])
        return queryset


def publication_badge(obj):
    """``(kind, text)`` of a ``Publishable``'s state: a scheduled item says when it appears."""
    if not obj.is_published:
        return ("draft", _("draft"))
    if not obj.is_visible:
        when = date_format(timezone.localtime(obj.published_at), "SHORT_DATETIME_FORMAT")
        return ("scheduled", _("scheduled for %(date)s") % {"date": when})
    return ("published", _("published"))


def preview_links(obj):
    """The object's public page in every language."""
    links = []
    for code, name in settings.LANGUAGES:
        with translation.override(code):
            links.append({"code": code, "name": name, "url": obj.get_absolute_url()})
    return links


class ContentAdmin(VersionAdmin):
    """History, preview links, publishing and safe saving for every content model's admin,
    and the image library's chooser for every picture a model shows.

    ``VersionAdmin`` registers the model with django-reversion, so every save in
    the admin is kept as a version with its author, and "History" can show and
    restore it (and "Recover deleted" bring back a deleted object). A change form
    saves only over the version it was opened with (``backoffice.conflicts``):
    an admin that needs a form of its own subclasses ``StoredVersionForm``.
    Models with translated fields use ``TranslatedAdmin``, which builds on this.

    Each version's comment is kept in no language (``backoffice.history``), and
    the history and "Recover deleted" pages show it in the reader's language.
    """

    object_history_template = "admin/history/object_history.html"
    recover_list_template = "admin/history/recover_list.html"

    def log_addition(self, request, obj, message):
        return self._comment_from(super().log_addition(request, obj, message))

    def log_change(self, request, obj, message):
        return self._comment_from(super().log_change(request, obj, message))

    def _comment_from(self, entry):
        # Django's JSON change message, instead of reversion's text in the editor's language.
        if reversion.is_active():
            reversion.set_comment(entry.change_message)
        return entry

    def revision_view(self, request, object_id, version_id, extra_context=None):
        request.restoring = (gettext_noop("Restored the version saved on %(date)s"), version_id)
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        request.restoring = (
            gettext_noop("Recovered after deletion, as saved on %(date)s"),
            version_id,
        )
        return super().recover_view(request, version_id, extra_context)

    @contextmanager
    def create_revision(self, request):
        with super().create_revision(request):
            yield
            # Reached only when a restore is saved (showing one rolls it back with an error).
            if restoring := getattr(request, "restoring", None):
                message, version_id = restoring
                saved = Version.objects.values_list("revision__date_created", flat=True)
                reversion.set_comment(history_note(message, date=saved.get(pk=version_id)))

    form = StoredVersionForm

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is not None:
            form.inlines = tuple(self._inline_rows(request, obj))
        return form

    def _inline_rows(self, request, obj):
        """The inlines' rows, which a change form saves with the item."""
        for inline in self.get_inline_instances(request, obj):
            formset = inline.get_formset(request, obj)
            yield InlineRows(
                key=formset.get_default_prefix(),
                label=capfirst(inline.verbose_name_plural),
                model=inline.model,
                fk_name=formset.fk.name,
                field_names=model_field_names(inline.model, formset.form.base_fields),
            )

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        connection = transaction.get_connection(router.db_for_write(self.model))
        if obj is not None and request.method == "POST" and connection.in_atomic_block:
            # Read again under a lock held until the save's transaction ends, so the
            # conflict check and the save see the same row and nobody writes it in
            # between. (SQLite has no row locks; it lets one transaction write at a time.)
            obj = self.get_queryset(request).select_for_update(of=("self",)).get(pk=obj.pk)
        return obj

    def status_badges(self, obj):
        """The item's state in short labels, ``(kind, text)``; an admin may add its own."""
        badges = []
        if isinstance(obj, Publishable):
            badges.append(publication_badge(obj))
        if isinstance(obj, MembersOnly) and obj.members_only:
            badges.append(("members-only", _("members only")))
        return badges

    @admin.display(description=_("status"))
    def status(self, obj):
        """One compact column for the lists instead of a column per flag."""
        return format_html_join(
            " ",
            '<span class="status-badge status-{}">{}</span>',
            ((kind, capfirst(text)) for kind, text in self.status_badges(obj)),
        )

    def get_list_filter(self, request):
        list_filter = super().get_list_filter(request)
        if issubclass(self.model, Publishable):
            return [PublicationFilter, *list_filter]
        return list_filter

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk and hasattr(obj, "get_absolute_url"):
            context["preview_links"] = preview_links(obj)
            context["preview_is_draft"] = isinstance(obj, Publishable) and not obj.is_visible
        if change and obj is not None:
            # A form shown again after an error holds the typed values; the state is the stored one.
            stored = (
                self.model._default_manager.get(pk=obj.pk)
                if context["adminform"].form.is_bound
                else obj
            )
            context["status_badges"] = self.status(stored)
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

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return with_outdated_languages(queryset) if text_fields(self.model) else queryset

    def get_list_display(self, request):
        list_display = super().get_list_display(request)
        if text_fields(self.model):
            return [*list_display, "translation_state"]
        return list_display

    def get_list_filter(self, request):
        list_filter = super().get_list_filter(request)
        if text_fields(self.model):
            return [*list_filter, MissingTranslationFilter, OutdatedTranslationFilter]
        return list_filter

    @admin.display(description=_("translations"))
    def translation_state(self, obj):
        """The languages missing and those outdated, as short codes named in full on hover."""
        states = [
            ("missing", _("missing"), missing_languages(obj)),
            ("outdated", _("outdated"), outdated_languages(obj)),
        ]
        if not any(codes for _state, _label, codes in states):
            return format_html('<span class="translations-complete">{}</span>', _("complete"))
        names = dict(settings.LANGUAGES)
        return format_html_join(
            " ",
            '<span class="translation-state">{}: {}</span>',
            (
                (
                    label,
                    format_html_join(
                        " ",
                        '<abbr class="translation-{}" lang="{}" title="{}">{}</abbr>',
                        ((state, code, names[code], code.upper()) for code in codes),
                    ),
                )
                for state, label, codes in states
                if codes
            ),
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk and text_fields(self.model):
            # The tab script marks these tabs until their text is edited.
            fields = context["adminform"].form.fields
            for name, code in outdated_translations(obj):
                column = build_localized_fieldname(name, code)
                if column in fields:
                    input_widget(fields[column]).attrs["data-outdated-label"] = _("outdated")
        return super().render_change_form(request, context, add, change, form_url, obj)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)
        if field is not None and language:
            # Spell-checking, fonts and writing direction follow the tab's language.
            widget = input_widget(field)
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
    listed with their line, column and reason, in the editor's admin language.
    Confirmed imports are one version in the history, with the importing user.
    CSV and XLSX as office programs save them: ``core/sheet_files.py``.
    """

    import_formats = [sheet_files.CSV, sheet_files.XLSX]
    export_formats = [sheet_files.CSV, XLSX]
    import_template_name = "admin/spreadsheet_import.html"

    def add_data_read_fail_error_to_form(self, form, e):
        # The library names the exception; the editor needs to know what to do.
        if not isinstance(e, SheetError):
            logger.info("Unreadable spreadsheet upload", exc_info=e)
            e = sheet_files.unreadable()
        form.add_error("import_file", str(e))

    def process_dataset(self, dataset, form, request, **kwargs):
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(history_note(gettext_noop("Imported from a spreadsheet")))
            return super().process_dataset(dataset, form, request, **kwargs)


# Member accounts: the office manages them without the power to raise anyone's rights.
admin.site.unregister(User)
admin.site.register(User, MemberAccountAdmin)

# The emails the site sends (core.mail): waiting, sent and failed, with "send again".
admin.site.register(OutgoingEmail, OutgoingEmailAdmin)
