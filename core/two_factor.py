"""Who must sign in with a second factor: everyone with access to the admin.

Staff without an authenticator app are sent to set one up before any admin page
opens (``backoffice.admin_site``). The one exception is the development admin that
``make run`` creates and prints (``manage.py dev_admin``), and only while ``DEBUG`` is
on: a developer's throwaway account on their own machine.
"""

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings

DEV_ADMIN_USERNAME = "admin"


def may_skip_second_factor(user):
    return settings.DEBUG and user.get_username() == DEV_ADMIN_USERNAME


def lacks_required_second_factor(user):
    """Is ``user`` staff without the second factor that staff must have?"""
    return user.is_staff and not may_skip_second_factor(user) and not is_mfa_enabled(user)
