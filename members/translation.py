from modeltranslation.translator import TranslationOptions, register

from .models import (
    District,
    FocusArea,
    Language,
    MeetingPoint,
    MemberOrganisation,
    TeamPosition,
    WorkingGroup,
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


@register(TeamPosition)
class TeamPositionTranslationOptions(TranslationOptions):
    fields = ("job_title", "project")
    required_languages = ("de",)


@register(WorkingGroup)
class WorkingGroupTranslationOptions(TranslationOptions):
    fields = ("name", "purpose")
    required_languages = ("de",)
