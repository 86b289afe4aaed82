"""The membership application's phone field takes a phone number and nothing else."""

import re

import pytest
from django.utils import translation

from members.models import MembershipApplication
from tests.members.factories import APPLICATION_FORM as VALID


@pytest.mark.parametrize("language", ["de", "ar"])
@pytest.mark.parametrize("phone", ["call me", "0511 ABC 123", "0511-12345 ext. 7", "12"])
def test_a_phone_number_with_letters_or_too_few_digits_is_refused_in_the_visitors_language(
    client, site_pages, language, phone
):
    with translation.override(language):
        message = str(
            translation.gettext(
                "Please enter a phone number using digits only, for example +49 511 1234567. "
                "Spaces, brackets, + and - are allowed; letters are not."
            )
        )
    html = client.post(f"/{language}/members/apply/", VALID | {"phone": phone}).content.decode()
    assert message in html
    assert '<ul class="errorlist" id="id_phone_error">' in html
    assert not MembershipApplication.objects.exists()


def test_the_phone_message_is_translated(site_pages):
    english = "Please enter a phone number using digits only"
    with translation.override("ar"):
        assert english not in translation.gettext(
            "Please enter a phone number using digits only, for example +49 511 1234567. "
            "Spaces, brackets, + and - are allowed; letters are not."
        )


@pytest.mark.parametrize("phone", ["0511 123456", "+49 (0)511 / 123 45-6", "0049.511.123456"])
def test_phone_numbers_as_people_write_them_are_accepted(client, site_pages, phone):
    response = client.post("/de/members/apply/", VALID | {"phone": phone})
    assert response.status_code == 302
    assert MembershipApplication.objects.get().phone == phone


def test_digits_typed_on_an_arabic_keyboard_are_stored_as_latin_digits(client, site_pages):
    client.post("/ar/members/apply/", VALID | {"phone": "٠٥١١ ١٢٣٤٥٦"})
    assert MembershipApplication.objects.get().phone == "0511 123456"


def test_the_phone_number_stays_optional(client, site_pages):
    assert client.post("/de/members/apply/", VALID | {"phone": ""}).status_code == 302


def test_the_phone_field_asks_for_a_phone_keyboard_and_autofill(client, site_pages):
    html = client.get("/de/members/apply/").content.decode()
    field = re.search(r'<input [^>]*name="phone"[^>]*>', html).group()
    assert 'type="tel"' in field
    assert 'inputmode="tel"' in field
    assert 'autocomplete="tel"' in field
