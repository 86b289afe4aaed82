from django import template

from backoffice.history import comment_in_language

register = template.Library()

# {{ revision.comment|in_reader_language }}: the comment in the reader's admin language.
register.filter("in_reader_language", comment_in_language)
