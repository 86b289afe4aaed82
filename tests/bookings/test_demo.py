from bookings.models import Resource
from tests.languages import LANGUAGE_CODES


def test_the_demo_lends_a_meeting_room_a_co_working_space_and_equipment_in_every_language(demo):
    resources = Resource.objects.prefetch_related("opening_hours")
    assert {resource.kind for resource in resources} == set(Resource.Kind.values)
    for resource in resources:
        assert all(getattr(resource, f"name_{code}") for code in LANGUAGE_CODES)
        assert all(getattr(resource, f"description_{code}") for code in LANGUAGE_CODES)
        assert resource.opening_hours.all()
