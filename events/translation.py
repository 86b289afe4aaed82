from django.conf import settings
from modeltranslation.translator import TranslationOptions, register

from .models import Event, RegistrantMessage, RegistrationQuestion, Venue


@register(Venue)
class VenueTranslationOptions(TranslationOptions):
    # A name may differ by language ("MiSO office"); where it does not, each language
    # holds the German name (``update_translation_fields``).
    fields = ("name", "room", "access_note")
    required_languages = {settings.LANGUAGE_CODE: ("name",)}


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "description", "price")
    required_languages = {settings.LANGUAGE_CODE: ("title",)}


@register(RegistrationQuestion)
class RegistrationQuestionTranslationOptions(TranslationOptions):
    fields = ("label", "choices")
    required_languages = {settings.LANGUAGE_CODE: ("label",)}


@register(RegistrantMessage)
class RegistrantMessageTranslationOptions(TranslationOptions):
    fields = ("subject", "body")
    required_languages = {settings.LANGUAGE_CODE: ("subject", "body")}
