"""The shared base for every admin of translated content."""

from modeltranslation.admin import TabbedDjangoJqueryTranslationAdmin


class TranslatedAdmin(TabbedDjangoJqueryTranslationAdmin):
    """Translated fields in tabs, one per language, German first and required.

    Uses Django's own jQuery and jQuery UI from our static files
    (``MODELTRANSLATION_JQUERY_UI_URL``): the admin loads nothing from other hosts.
    """
