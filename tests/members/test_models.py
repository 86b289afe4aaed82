import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from members.models import MemberOrganisation
from tests.members.factories import make_organisation
from tests.people.factories import make_board_membership


def test_a_position_needs_both_latitude_and_longitude(db):
    organisation = make_organisation()
    organisation.latitude = "52.3759"
    with (
        translation.override("en"),
        pytest.raises(ValidationError, match="both latitude and longitude"),
    ):
        organisation.full_clean()


def test_a_term_cannot_end_before_it_starts(db):
    membership = make_board_membership()
    membership.term_end = membership.term_start.replace(year=membership.term_start.year - 1)
    with pytest.raises(ValidationError) as error:
        membership.full_clean()
    assert "term_end" in error.value.message_dict


def test_new_slugs_are_numbered_when_taken(db):
    make_organisation("Kurdenkomitee", slug="kurdenkomitee")
    assert MemberOrganisation.unique_slug("Kurdenkomitee") == "kurdenkomitee-2"
    assert MemberOrganisation.unique_slug("كردي") == "organisation"


def test_active_counts_only_active_members(db):
    make_organisation()
    make_organisation(is_active=False)
    assert MemberOrganisation.objects.active().count() == 1
