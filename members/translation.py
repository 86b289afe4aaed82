from modeltranslation.translator import TranslationOptions, register

from .models import (
    District,
    FocusArea,
    Language,
    MeetingPoint,
    MemberOrganisation,
)


@register(District)
class DistrictTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("de",)


@register(FocusArea)
class FocusAreaTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("de",)


@register(Language)
class LanguageTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("de",)


@register(MemberOrganisation)
class MemberOrganisationTranslationOptions(TranslationOptions):
    fields = ("description",)
    required_languages = ("de",)


@register(MeetingPoint)
class MeetingPointTranslationOptions(TranslationOptions):
    fields = ("name", "opening_times", "offers")
    required_languages = ("de",)
