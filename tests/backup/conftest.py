import pytest
from django.test import override_settings


@pytest.fixture(scope="module", autouse=True)
def _quick_password_hashes():
    """Hashing a password is slow on purpose. A backup keeps the hash, whichever hasher
    made it, so these tests use a quick one, also for the sites their modules build once."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield
