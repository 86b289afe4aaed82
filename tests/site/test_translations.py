"""Every interface string is translated in every language, and nothing is fuzzy."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.languages import LANGUAGE_CODES

LOCALE = Path(__file__).resolve().parents[2] / "locale"


def catalog(language):
    with open(LOCALE / language / "LC_MESSAGES" / "django.po", "rb") as po_file:
        return read_po(po_file, locale=language)


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_every_message_is_translated(language):
    missing = [
        message.id
        for message in catalog(language)
        if message.id
        and not all(message.string if isinstance(message.string, tuple) else [message.string])
    ]
    assert missing == []


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_no_message_is_fuzzy(language):
    messages = catalog(language)
    fuzzy = [message.id for message in messages if message.id and message.fuzzy]
    assert fuzzy == []
    assert not messages.fuzzy, "the catalog's header is still marked fuzzy"


def words(message_id):
    """The message without its placeholders: what a translator has to translate."""
    return re.sub(r"%\(\w+\)[sd]", "", message_id).strip()


@pytest.mark.parametrize("language", [code for code in LANGUAGE_CODES if code != "en"])
def test_translations_are_not_copies_of_the_english_source(language):
    # Short words ("Logo", "Page %(number)s") may rightly be the same in both languages.
    copied = [
        message.id
        for message in catalog(language)
        if isinstance(message.id, str)
        and len(words(message.id)) > 12
        and message.string == message.id
    ]
    assert copied == []


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_catalog_covers_the_same_messages_as_german(language):
    german = {message.id for message in catalog("de") if message.id}
    assert {message.id for message in catalog(language) if message.id} == german
