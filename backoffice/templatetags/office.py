"""Notes for staff on the public pages they preview."""

from django import template
from django.utils.text import capfirst
from django.utils.translation import get_language

from backoffice.translation_status import outdated_translations

register = template.Library()


@register.inclusion_tag("includes/outdated_translation_notice.html")
def outdated_translation_notice(obj):
    """Which texts of ``obj`` on this page are translations older than their German text."""
    language = get_language()
    names = sorted(name for name, code in outdated_translations(obj) if code == language)
    return {"fields": [capfirst(obj._meta.get_field(name).verbose_name) for name in names]}
