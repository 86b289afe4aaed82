from django.conf import settings
from modeltranslation.translator import TranslationOptions, register

from .models import Event, Venue


@register(Venue)
class VenueTranslationOptions(TranslationOptions):
    fields = ("room", "access_note")


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "description", "price", "image_alt")
    required_languages = {settings.LANGUAGE_CODE: ("title",)}
