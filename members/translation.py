from modeltranslation.translator import register

from core.translated import DefaultLanguageRequired

from .models import (
    District,
    FocusArea,
    Language,
    MeetingPoint,
    MemberOrganisation,
)


@register(District)
class DistrictTranslationOptions(DefaultLanguageRequired):
    fields = ("name",)


@register(FocusArea)
class FocusAreaTranslationOptions(DefaultLanguageRequired):
    fields = ("name",)


@register(Language)
class LanguageTranslationOptions(DefaultLanguageRequired):
    fields = ("name",)


@register(MemberOrganisation)
class MemberOrganisationTranslationOptions(DefaultLanguageRequired):
    fields = ("description",)


@register(MeetingPoint)
class MeetingPointTranslationOptions(DefaultLanguageRequired):
    fields = ("name", "opening_times", "offers")
