"""Where documents are stored: outside MEDIA_ROOT, so no web server hands them out.

Members-only files must reach only members, so every file goes through the
download view, which checks who asks. ``PRIVATE_MEDIA_ROOT`` is the folder
(a shared volume when the site runs on several servers); the ``private``
entry in ``STORAGES`` may name another backend, such as a private bucket.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils.functional import cached_property


class PrivateStorage(FileSystemStorage):
    """A ``FileSystemStorage`` under ``PRIVATE_MEDIA_ROOT`` with no public URL."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        raise ValueError("Private files have no public URL; link the download view instead.")


def private_storage():
    return storages["private"]
